// `npm run extract -- FILE`: prints { article, claims } as JSON, or one line naming the problem.
import { extractFile } from "./extract-file.ts";

function main(argv: string[]): void {
  const path = argv[0];
  if (!path || argv.length > 1) {
    process.stderr.write("claimtrack extract: usage: npm run extract -- FILE\n");
    process.exit(2);
  }
  const output = extractFile(path, Number(process.env.CLAIMTRACK_MAX_ARTICLE_BYTES) || undefined);
  if ("stdout" in output) process.stdout.write(output.stdout);
  else {
    process.stderr.write(output.stderr);
    process.exit(output.code);
  }
}

main(process.argv.slice(2));
