// Sign-in for the deployed app: Cognito's hosted pages with the authorization-code flow and PKCE (no client
// secret in a browser). config.json's `auth` is null locally, where there is no sign-in. The ID token is kept in
// sessionStorage (gone with the tab) and sent to the app's API, whose Cognito authorizer checks it.

const TOKEN = "claimtrack.idToken";
const VERIFIER = "claimtrack.pkceVerifier";

/** The ID token, signing in first when there is none: resolves null locally; redirects away when needed. */
export async function signedIn(auth) {
  if (!auth) return null;
  const url = new URL(location.href);
  const code = url.searchParams.get("code");
  if (code) {
    await redeem(auth, code);
    url.search = "";
    history.replaceState(null, "", url);
  }
  const token = sessionStorage.getItem(TOKEN);
  if (token && !expired(token)) return token;
  await redirectToSignIn(auth);
  return new Promise(() => {});
}

/**
 * Signs out of the app and of Cognito's hosted pages: the token leaves this tab, and Cognito ends its own session
 * (otherwise the next sign-in would pass silently as the same person), then sends the browser back to the app.
 */
export function signOut(auth) {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(VERIFIER);
  const params = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri });
  location.assign(`${auth.signInUrl}/logout?${params}`);
}

async function redirectToSignIn(auth) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER, verifier);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))),
  );
  const params = new URLSearchParams({
    response_type: "code",
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: "openid email",
    code_challenge_method: "S256",
    code_challenge: challenge,
  });
  location.assign(`${auth.signInUrl}/oauth2/authorize?${params}`);
}

async function redeem(auth, code) {
  const res = await fetch(`${auth.signInUrl}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: auth.clientId,
      redirect_uri: auth.redirectUri,
      code,
      code_verifier: sessionStorage.getItem(VERIFIER) ?? "",
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed: Cognito answered ${res.status}`);
  sessionStorage.setItem(TOKEN, (await res.json()).id_token);
  sessionStorage.removeItem(VERIFIER);
}

function expired(token) {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replaceAll("-", "+").replaceAll("_", "/")));
    return payload.exp * 1000 < Date.now() + 60_000;
  } catch {
    return true;
  }
}

const base64url = (bytes) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
