// The little XML S3 speaks: documents built from nested elements, and the few request bodies it reads
// (CreateBucketConfiguration, Delete, CompleteMultipartUpload) read by element name without a parser — their
// shapes are flat and fixed, and anything else is MalformedXML.
import { S3Error } from "./errors.ts";

export const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An element: name and text, or name and children; undefined children are left out. */
export type Node = [name: string, content: string | number | boolean | (Node | undefined)[]];

export function xmlDocument(root: string, children: (Node | undefined)[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${render(children)}</${root}>`;
}

function render(children: (Node | undefined)[]): string {
  let out = "";
  for (const child of children) {
    if (!child) continue;
    const [name, content] = child;
    out += `<${name}>${Array.isArray(content) ? render(content) : escapeXml(String(content))}</${name}>`;
  }
  return out;
}

export function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    // Control characters are not allowed in XML 1.0 text even escaped; S3 writes them as references all the same.
    else if (code < 0x20 && ch !== "\t" && ch !== "\n") out += `&#${code};`;
    else out += ch;
  }
  return out;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf("&", i);
    if (amp < 0) return out + text.slice(i);
    out += text.slice(i, amp);
    const semi = text.indexOf(";", amp);
    if (semi < 0) throw new S3Error("MalformedXML", "an entity reference is not terminated");
    const name = text.slice(amp + 1, semi);
    if (name in NAMED) out += NAMED[name];
    else if (name.startsWith("#x") || name.startsWith("#X")) out += codePoint(Number.parseInt(name.slice(2), 16));
    else if (name.startsWith("#")) out += codePoint(Number.parseInt(name.slice(1), 10));
    else throw new S3Error("MalformedXML", `unknown entity &${name};`);
    i = semi + 1;
  }
  return out;
}

function codePoint(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) throw new S3Error("MalformedXML", "bad character reference");
  return String.fromCodePoint(n);
}

/** The text of every `<name>…</name>` in `xml`, in order, entities decoded (elements may carry attributes). */
export function elementTexts(xml: string, name: string): string[] {
  return elementBodies(xml, name).map(unescapeXml);
}

/** The raw content of every `<name>…</name>` in `xml`, in order. */
export function elementBodies(xml: string, name: string): string[] {
  const out: string[] = [];
  const close = `</${name}>`;
  let i = 0;
  for (;;) {
    const open = findOpenTag(xml, name, i);
    if (!open) return out;
    if (open.selfClosing) {
      out.push("");
      i = open.end;
      continue;
    }
    const end = xml.indexOf(close, open.end);
    if (end < 0) throw new S3Error("MalformedXML", `<${name}> is not closed`);
    out.push(xml.slice(open.end, end));
    i = end + close.length;
  }
}

function findOpenTag(xml: string, name: string, from: number): { end: number; selfClosing: boolean } | null {
  let i = from;
  for (;;) {
    const at = xml.indexOf(`<${name}`, i);
    if (at < 0) return null;
    const next = xml[at + name.length + 1];
    if (next === ">" || next === " " || next === "/" || next === "\t" || next === "\n" || next === "\r") {
      const gt = xml.indexOf(">", at);
      if (gt < 0) throw new S3Error("MalformedXML", `<${name} is not closed`);
      return { end: gt + 1, selfClosing: xml[gt - 1] === "/" };
    }
    i = at + 1;
  }
}
