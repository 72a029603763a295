// One stack per data folder: two would share the local S3's files, the LevelDB table and the queue journal. The lock
// is a file holding the owner's pid, created exclusively; a lock whose process is gone (killed) is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function lockHome(home: string): () => void {
  const path = join(home, "stack.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(path, "utf8"));
      if (isAlive(owner)) {
        throw new Error(`another claimtrack (pid ${owner}) is running with CLAIMTRACK_HOME=${home}; stop it first`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${path}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
