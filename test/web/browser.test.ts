// The web app in a real browser against the local stack as `npm start` runs it: two articles of our own are
// posted to the API and processed by the pipeline; then Chromium loads the app cold (its first load measured:
// bytes over the network and time until the first page is interactive), opens an article and checks that every
// claim's highlighted evidence reads exactly its quote, searches by speaker and follows the speaker to their page.
// Screenshots land in artifacts/web/ (gitignored).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../e2e/support/articles.ts";
import { type StackProcess, startStack } from "../e2e/support/stack-process.ts";
import { type Browser, bytesTransferred, launchChromium } from "./support/chromium.ts";

const ARTIFACTS = join(ROOT, "artifacts", "web");
// The bounds for the first load on the local stack, asserted generously as the measured figures are printed.
const MAX_FIRST_LOAD_BYTES = 300 * 1024;
const MAX_INTERACTIVE_MS = 1000;

const SPEAKER = "Margit Østergaard";
const ARTICLES = [
  {
    publishedAt: "2025-03-04T09:00:00+01:00",
    body:
      "Harbour council backs new ferry route\n\n" +
      `The harbour council approved a ferry route to Île-d'Yeu on Tuesday, council leader ${SPEAKER} said.\n\n` +
      '"The first crossing will run in May — if the weather holds," Østergaard told reporters.\n\n' +
      "The port's operator, Brisemer Lines, said it would add two boats next year.\n",
  },
  {
    publishedAt: "2025-04-11T16:30:00+01:00",
    body:
      "Ferry route delayed\n\n" +
      `The ferry route to Île-d'Yeu will not open before June, council leader ${SPEAKER} said on Friday.\n\n` +
      "Engineers found cracks in the new pier, according to a report by the harbour authority.\n\n" +
      "Brisemer Lines said it might sell one of its boats.\n",
  },
];

interface ClaimRecord {
  id: string;
  text: string;
  evidence: { quote: string; start: number; end: number };
  attribution: { speaker: string | null; cue: string | null };
  certainty: string;
  polarity: string;
  time: { start: string } | null;
  publishedAt: string | null;
}

describe("the web app in Chromium", () => {
  const home = mkdtempSync(join(tmpdir(), "claimtrack-web-"));
  let stack: StackProcess;
  let browser: Browser;
  let api: string;
  const ids: string[] = [];

  const getJson = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${api}${path}`);
    expect(res.ok, `${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };
  const claimsAt = async (path: string) => (await getJson<{ items: ClaimRecord[] }>(path)).items;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    stack = await startStack(home, { CLAIMTRACK_SEEDS: "none" });
    api = stack.endpoints.api;
    for (const { body, publishedAt } of ARTICLES) {
      const res = await fetch(`${api}/articles?publishedAt=${encodeURIComponent(publishedAt)}`, {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body,
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const res = await fetch(`${api}/articles/${id}`);
        if (res.ok && ((await res.json()) as { status: string }).status === "PROCESSED") break;
        if (Date.now() > deadline) throw new Error(`article ${id} was not processed within 60 s:\n${stack.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("loads the article list cold, small and fast, with its landmarks", { timeout: 60_000 }, async () => {
    const { page } = browser;
    const started = performance.now();
    const { bytes, requests } = await bytesTransferred(page, async () => {
      await page.goto(`${api}/`);
      await page.waitForSelector("body[data-ready] table.articles tbody tr");
      await page.waitForLoadState("networkidle");
    });
    const wallMs = performance.now() - started;
    const interactiveMs = (await page.evaluate(
      'performance.getEntriesByName("claimtrack:interactive")[0]?.startTime ?? NaN',
    )) as number;
    console.log(
      `first load: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) in ${requests} requests; ` +
        `interactive after ${interactiveMs.toFixed(0)} ms (navigation start to first page rendered), ` +
        `${wallMs.toFixed(0)} ms as the test saw it`,
    );
    await page.screenshot({ path: join(ARTIFACTS, "articles.png"), fullPage: true });

    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(MAX_FIRST_LOAD_BYTES);
    expect(interactiveMs).toBeLessThan(MAX_INTERACTIVE_MS);
    expect(await page.locator("table.articles tbody tr").count()).toBe(ARTICLES.length);
    for (const landmark of ["header", "nav[aria-label='Main']", "main", "footer"]) {
      expect(await page.locator(landmark).count(), landmark).toBe(1);
    }
    // The first Tab reaches the skip link, and following it lands on the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement?.id")).toBe("main");
  });

  it("opens an article whose highlighted evidence reads exactly each claim's quote", { timeout: 60_000 }, async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Harbour council backs new ferry route" }).click();
    await page.waitForSelector(".claims-column .claim");
    await page.screenshot({ path: join(ARTIFACTS, "article.png"), fullPage: true });

    const id = ids[0]!;
    expect(page.url()).toBe(`${api}/#/articles/${id}`);
    const claims = await claimsAt(`/articles/${id}/claims?limit=200`);
    expect(claims.length).toBeGreaterThan(1);
    for (const claim of claims) {
      const pieces = await page.locator(`mark[data-claims~="${claim.id}"]`).allTextContents();
      expect(pieces.join(""), claim.id).toBe(claim.evidence.quote);
      const card = (await page.locator(`[data-claim="${claim.id}"]`).textContent()) ?? "";
      for (const part of [claim.text, claim.attribution.speaker ?? "", claim.certainty, claim.polarity]) {
        expect(card, claim.id).toContain(part);
      }
    }
    // The page's text is the article's text: nothing added, nothing lost around the highlights.
    const text = (await getJson<{ text: string }>(`/articles/${id}/text`)).text;
    expect(await page.locator(".article-text").textContent()).toBe(text);

    // "Show in text" moves focus to the claim's evidence.
    await page.locator(`[data-claim="${claims[1]!.id}"] .show-evidence`).click();
    expect(await page.evaluate('document.activeElement?.closest("mark")?.dataset.claims')).toContain(claims[1]!.id);
  });

  it("searches claims by speaker and follows the speaker to their claims over time", { timeout: 60_000 }, async () => {
    const { page } = browser;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Speaker").fill(SPEAKER);
    await page.getByLabel("Speaker").press("Enter");
    await page.waitForSelector(".results .claim");
    await page.screenshot({ path: join(ARTIFACTS, "search.png"), fullPage: true });

    const expected = await claimsAt(`/claims?speaker=${encodeURIComponent(SPEAKER)}`);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const speakers = await page.locator(".results .claim a.speaker").allTextContents();
    expect(speakers).toEqual(expected.map(() => SPEAKER));
    expect(page.url()).toContain(`#/search?speaker=${encodeURIComponent(SPEAKER).replaceAll("%20", "+")}`);

    await page.locator(".results .claim a.speaker").first().click();
    await page.waitForSelector(".timeline .claim");
    await page.screenshot({ path: join(ARTIFACTS, "speaker.png"), fullPage: true });
    expect(await page.locator("h1").textContent()).toBe(SPEAKER);
    expect(await page.evaluate("document.activeElement?.tagName")).toBe("H1");
    // Over time: grouped by the month each claim is about (its article's month when it names no time), in order.
    const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    const days = expected.map((c) => c.time?.start ?? c.publishedAt!.slice(0, 10)).sort();
    const months = [...new Set(days.map((d) => month.format(Date.parse(`${d.slice(0, 7)}-01T00:00:00Z`))))];
    expect(months.length).toBeGreaterThan(1);
    expect(await page.locator(".timeline > li > h2").allTextContents()).toEqual(months);
    expect(await page.locator(".timeline .claim").count()).toBe(expected.length);
    expect(browser.problems).toEqual([]);
  });

  it("renders /docs with Swagger UI: every operation, from files the API serves, nothing from elsewhere", {
    timeout: 60_000,
  }, async () => {
    const { page } = browser;
    const requested: string[] = [];
    const record = (req: { url(): string }) => requested.push(req.url());
    page.on("request", record);
    try {
      await page.goto(`${api}/docs`);
      await page.waitForSelector(".swagger-ui .opblock");
      await page.waitForLoadState("networkidle");
    } finally {
      page.off("request", record);
    }
    const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>("/openapi.json");
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops)).length;
    expect(await page.locator(".swagger-ui .opblock").count()).toBe(operations);
    expect(requested.filter((url) => !url.startsWith(`${api}/`) && !url.startsWith("data:"))).toEqual([]);
    expect(requested).toContain(`${api}/docs/swagger-ui-bundle.js`);
    // Swagger UI reads the document without complaint (it shows errors and unsupported fields in the page).
    expect(await page.locator(".swagger-ui .errors-wrapper").count()).toBe(0);
    expect(await page.locator(".swagger-ui .information-container").textContent()).not.toMatch(/warning|error/i);

    // An operation opens with its parameters described and a response example.
    await page.locator(".opblock-get", { hasText: "/claims" }).filter({ hasText: "filtered by speaker" }).click();
    await page.waitForSelector(".opblock.is-open .parameters");
    const open = page.locator(".opblock.is-open");
    expect(await open.locator(".parameters").textContent()).toContain(
      "Claims by this speaker, under any spelling of the name",
    );
    expect(await open.locator(".responses-wrapper").textContent()).toContain("nextCursor");
    await page.screenshot({ path: join(ARTIFACTS, "docs.png"), fullPage: false });
    expect(browser.problems).toEqual([]);
  });
});
