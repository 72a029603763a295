// The deployed app's setting, on one machine: the web app's files served as CloudFront serves them (config.json
// naming another origin's API and a sign-in domain, a CSP that lets the page reach both), beside a stand-in for
// Cognito's hosted pages that speaks the OAuth 2.0 authorization-code flow with PKCE as Cognito does:
// /oauth2/authorize shows a sign-in page, /oauth2/token redeems a code once against its S256 challenge, /logout
// ends the session and returns to the registered logout URL. It checks every parameter the app must send, so the
// app's sign-in and sign-out are tested over real HTTP in a real browser.
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serveWebFile, WEB_SECURITY_HEADERS, webFileFor } from "../../../local/web-assets.ts";

export const CLIENT_ID = "claimtrack-web-test";

export interface HostedSignIn {
  /** Where the app is served; also the sign-in domain and the registered redirect and logout URL (with "/"). */
  origin: string;
  /** Every ID token issued, in order. */
  issued: string[];
  /** The query of every /logout request. */
  logouts: URLSearchParams[];
  /** Requests the stand-in refused, with why: to be empty. */
  refused: string[];
  close(): Promise<void>;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
}

export async function startHostedSignIn(apiOrigin: string): Promise<HostedSignIn> {
  const codes = new Map<string, PendingCode>();
  const issued: string[] = [];
  const logouts: URLSearchParams[] = [];
  const refused: string[] = [];
  let origin = "";
  const redirectUri = () => `${origin}/`;

  const refuse = (res: ServerResponse, why: string) => {
    refused.push(why);
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end(`${why}\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === "/app/config.json") {
      const config = {
        apiUrl: apiOrigin,
        auth: { signInUrl: origin, clientId: CLIENT_ID, redirectUri: redirectUri() },
      };
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(config));
      return;
    }
    if (url.pathname === "/oauth2/authorize") return authorize(url, res);
    if (url.pathname === "/login" && req.method === "POST") return login(new URLSearchParams(await body(req)), res);
    if (url.pathname === "/oauth2/token" && req.method === "POST") {
      return token(new URLSearchParams(await body(req)), res);
    }
    if (url.pathname === "/logout") {
      const p = url.searchParams;
      if (p.get("client_id") !== CLIENT_ID) return refuse(res, `logout: client_id ${p.get("client_id")}`);
      if (p.get("logout_uri") !== redirectUri()) return refuse(res, `logout: logout_uri ${p.get("logout_uri")}`);
      logouts.push(p);
      res.writeHead(302, { Location: redirectUri() }).end();
      return;
    }
    const file = webFileFor(req.method, req.url);
    if (!file) return void res.writeHead(404).end();
    const csp = WEB_SECURITY_HEADERS["Content-Security-Policy"]!.replace(
      "connect-src 'self'",
      `connect-src 'self' ${apiOrigin}`,
    );
    await serveWebFile(file, req, res, { "Content-Security-Policy": csp });
  };

  // Cognito's hosted page asks for credentials; this one has a button, whose form carries the request on.
  const authorize = (url: URL, res: ServerResponse) => {
    const p = url.searchParams;
    const problems = [
      p.get("response_type") !== "code" && `response_type ${p.get("response_type")}`,
      p.get("client_id") !== CLIENT_ID && `client_id ${p.get("client_id")}`,
      p.get("redirect_uri") !== redirectUri() && `redirect_uri ${p.get("redirect_uri")}`,
      p.get("code_challenge_method") !== "S256" && `code_challenge_method ${p.get("code_challenge_method")}`,
      !/^[A-Za-z0-9_-]{43}$/.test(p.get("code_challenge") ?? "") && "code_challenge is not a SHA-256 in base64url",
      !(p.get("scope") ?? "").split(" ").includes("openid") && `scope ${p.get("scope")}`,
    ].filter(Boolean);
    if (problems.length > 0) return refuse(res, `authorize: ${problems.join(", ")}`);
    const hidden = ["redirect_uri", "code_challenge"]
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(p.get(name)!)}">`)
      .join("");
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><title>Sign in</title><link rel="icon" href="data:,"><h1>Sign in to claimtrack</h1>` +
          `<form method="post" action="/login">${hidden}<button type="submit">Sign in</button></form>`,
      );
  };

  const login = (form: URLSearchParams, res: ServerResponse) => {
    const code = randomUUID();
    codes.set(code, { challenge: form.get("code_challenge") ?? "", redirectUri: form.get("redirect_uri") ?? "" });
    res.writeHead(302, { Location: `${form.get("redirect_uri")}?code=${code}` }).end();
  };

  const token = (form: URLSearchParams, res: ServerResponse) => {
    const code = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    if (form.get("grant_type") !== "authorization_code") return refuse(res, `token: grant_type`);
    if (form.get("client_id") !== CLIENT_ID) return refuse(res, `token: client_id ${form.get("client_id")}`);
    if (!code) return refuse(res, "token: unknown or already redeemed code");
    if (form.get("redirect_uri") !== code.redirectUri) return refuse(res, "token: redirect_uri differs");
    const verifier = form.get("code_verifier") ?? "";
    if (createHash("sha256").update(verifier).digest("base64url") !== code.challenge) {
      return refuse(res, "token: code_verifier does not match the challenge");
    }
    const idToken = jwt({ sub: randomUUID(), aud: CLIENT_ID, exp: Math.floor(Date.now() / 1000) + 3600 });
    issued.push(idToken);
    // The token endpoint is another origin than the app when deployed: Cognito answers with CORS.
    res
      .writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" })
      .end(JSON.stringify({ id_token: idToken, access_token: randomUUID(), token_type: "Bearer", expires_in: 3600 }));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      refused.push(`error: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    issued,
    logouts,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An unsigned JWT of the shape Cognito issues (the app reads only `exp`; the API's authorizer is Cognito's). */
function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(payload)}.`;
}

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
