// Reads one input file (plain text, Markdown, HTML or JSON) into metadata and a body cut into typed blocks.
import { assemble, type FormatReading } from "./assemble.ts";
import { decode } from "./decode.ts";
import { chooseFormat, refuseUnsupported } from "./detect-format.ts";
import type { ArticleDocument, ReadInput } from "./document.ts";
import { fieldHeader } from "./field-header.ts";
import { readHtml } from "./html.ts";
import { readJson } from "./json.ts";
import { readMarkdown } from "./markdown.ts";
import { plainTextUnits } from "./plain-text.ts";

export function readArticle(input: ReadInput): ArticleDocument {
  refuseUnsupported(input.fileName, input.contentType);
  const { text } = decode(input.bytes, input.contentType);
  const { format, declared } = chooseFormat(text, input.fileName, input.contentType);
  let reading: FormatReading;
  switch (format) {
    case "html":
      reading = readHtml(text);
      break;
    case "json":
      reading = readJson(text, declared);
      break;
    case "markdown":
      reading = readMarkdown(text);
      break;
    default: {
      const { meta, rest } = fieldHeader(text);
      reading = { format: "text", meta, units: plainTextUnits(rest), findTitle: !meta.title };
    }
  }
  return assemble(reading, input.metadata, input.receivedAt);
}
