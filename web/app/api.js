// The claimtrack API as the app uses it: JSON over fetch, problems (RFC 9457) turned into errors whose message is
// the API's own sentence. The API's base URL comes from config.json (empty locally: the same origin serves both).

import { signedIn } from "./auth.js";

/** `{ apiUrl, auth }`: where the API is ("" for this origin) and, deployed, how to sign in. */
export const config = fetch("app/config.json").then((res) => (res.ok ? res.json() : { apiUrl: "", auth: null }));
/** The Cognito ID token deployed (signing in first), null locally. */
const token = config.then((c) => signedIn(c.auth));

export class ApiProblem extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** GET path (with query) from the API; resolves to the parsed JSON body. */
export async function get(path, query = {}) {
  const apiUrl = (await config).apiUrl ?? "";
  const idToken = await token;
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""));
  const url = `${apiUrl}${path}${params.size > 0 ? `?${params}` : ""}`;
  const res = await fetch(url, { headers: idToken ? { Authorization: idToken } : {} });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiProblem(res.status, body?.detail ?? `the API answered ${res.status}`);
  return body;
}

/** Every page of a list (for an article's claims: an article rarely has more than a few hundred). */
export async function getAll(path, query = {}) {
  const items = [];
  let cursor;
  do {
    const page = await get(path, { ...query, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const encode = encodeURIComponent;
