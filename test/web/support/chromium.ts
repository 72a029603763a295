// Debian's Chromium driven by playwright-core: headless, nothing that phones home, a fresh profile per launch.
// Without the binary the tests fail and say how to install it — a browser test that silently passes proves nothing.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CLAIMTRACK_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to be empty at the end. */
  problems: string[];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does) ` +
        "or point CLAIMTRACK_CHROMIUM at a Chromium binary",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "claimtrack-chromium-"));
  // A persistent context is how Playwright takes a --user-data-dir: this one is new and empty, so the cache is cold.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Bytes received over the network (headers and bodies, as sent) while `action` runs, from Chromium's own count. */
export async function bytesTransferred(
  page: Page,
  action: () => Promise<void>,
): Promise<{ bytes: number; requests: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  try {
    await action();
  } finally {
    await cdp.detach();
  }
  return { bytes, requests };
}
