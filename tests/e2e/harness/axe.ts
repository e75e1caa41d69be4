/**
 * @module axe-core run inside a page, injected from the npm package (no network).
 *
 * The source is evaluated through the DevTools protocol, which the page's strict
 * CSP (script-src 'self') does not govern, so the app's CSP stays as shipped.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { scriptlessContexts } from "./browser";

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page at WCAG 2.2 AA and returns its violations (empty when the page passes). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const scriptless = scriptlessContexts.get(page.context());
  if (!scriptless) return audit(page);
  // With JavaScript off, timers never fire and axe.run() never settles. So the page as
  // the browser built it without scripts (its DOM, which the server rendered) is
  // replayed at the same URL in a twin page with scripts on, and audited there. Its
  // own scripts are dropped and <noscript> content kept, exactly as the reader saw it.
  const html = await page.content();
  const url = page.url();
  const viewport = page.viewportSize();
  const twin = await page
    .context()
    .browser()
    ?.newPage({
      viewport,
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: true,
      colorScheme: scriptless.colorScheme ?? "light",
      reducedMotion: scriptless.reducedMotion ?? "no-preference",
    });
  if (!twin) throw new Error("The page has no browser to open a twin page in.");
  try {
    const replay = html.replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<\/?noscript>/gi, "");
    await twin.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: replay }));
    await twin.goto(url);
    return await audit(twin);
  } finally {
    await twin.close();
  }
}

async function audit(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const axeSource = await source;
  const hasAxe = await page.evaluate(() => "axe" in globalThis);
  if (!hasAxe) await page.evaluate(axeSource);
  const run = page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated script defined.
    const axe = (globalThis as any).axe;
    // axe takes a sticky element to be where it is drawn at this scroll (dequelabs/axe-core#3720),
    // so at the top of a long question page it reports the radios just above the answer bar, stuck
    // to the bottom of the screen, as "partially obscured": whether it does depends on the report's
    // length. The reader scrolls them clear, and so does keyboard focus (html's scroll-padding;
    // expectFocusClear checks every control in a form). So the audit sees sticky elements where the
    // flow puts them, and puts them back after.
    const stuck = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (el) => getComputedStyle(el).position === "sticky",
    );
    const inline = stuck.map((el) => el.style.getPropertyValue("position"));
    for (const el of stuck) el.style.setProperty("position", "static", "important");
    const result = await axe
      .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
      .finally(() => {
        stuck.forEach((el, i) => {
          el.style.setProperty("position", inline[i] ?? "");
        });
      });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_AA_TAGS);
  // axe never settles in a page whose scripts are off; say so instead of hanging until the test times out.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () =>
        fail(new Error(`axe did not finish on ${page.url()}: JavaScript off in a context not made by phoneContext?`)),
      20_000,
    );
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A readable, one-violation-per-line summary for assertion messages. */
export function describeViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${url}: [${v.impact}] ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
    .join("\n");
}
