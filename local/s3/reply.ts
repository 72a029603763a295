// What an operation answers: a status, headers and a body (XML text or an object's bytes). The server writes it;
// a HEAD gets the headers alone.
import type { Readable } from "node:stream";
import { type Node, xmlDocument } from "./xml.ts";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Readable;
}

export function xmlReply(root: string, children: (Node | undefined)[], status = 200): Reply {
  return { status, headers: { "content-type": "application/xml" }, body: xmlDocument(root, children) };
}

export function emptyReply(status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

/** S3's timestamps in listings: ISO 8601 with milliseconds. */
export const isoTime = (iso: string) => new Date(iso).toISOString();
/** S3's timestamps in headers: RFC 1123. */
export const httpTime = (iso: string) => new Date(iso).toUTCString();
