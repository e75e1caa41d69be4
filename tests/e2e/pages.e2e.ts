/**
 * Start page, cards and corrections in a real browser at phone size and at 320 px:
 * axe at WCAG 2.2 AA, no sideways scrolling, visible focus, dark mode, reduced motion.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NARROW, PHONE, useBrowser, watchForeignRequests } from "./harness/browser";
import { checkPage, expectAccessible, focusIndicator, screenshot } from "./harness/checks";

const session = useBrowser();
let firstCard: string;

beforeAll(async () => {
  const { context, page } = await session.phonePage();
  await page.goto("/cards");
  firstCard = (await page.locator("ol.cards a").first().getAttribute("href")) ?? "";
  await context.close();
  expect(firstCard).toMatch(/^\/cards\/[a-z0-9-]+$/);
});

/** The pages this file covers, by screenshot name. */
const pages = () => ({
  home: "/",
  cards: "/cards",
  card: firstCard,
  corrections: "/corrections",
  privacy: "/privacy",
});

for (const [label, size] of [
  ["phone", PHONE],
  ["320px", NARROW],
] as const) {
  describe(`static pages at ${label} (${size.width}×${size.height})`, () => {
    let context: BrowserContext;
    let page: Page;
    let foreign: string[];

    beforeAll(async () => {
      ({ context, page } = await session.phonePage(size));
      // This context's own requests, apart from the session's.
      foreign = watchForeignRequests(context, session.baseURL);
    });
    afterAll(async () => {
      await context.close();
    });

    test("each page passes axe, fits the width, and loads nothing from elsewhere", async () => {
      for (const [name, path] of Object.entries(pages())) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await checkPage(page, `${label}-${name}`);
      }
      expect(foreign).toEqual([]);
    });
  });
}

describe("the cards in reading order", () => {
  test("Next leads through every card to the quiz, each page accessible at 320 px", async () => {
    const { context, page } = await session.phonePage(NARROW);
    await page.goto(firstCard);
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      seen.push(new URL(page.url()).pathname);
      await checkPage(page, `320px-card-${String(i + 1).padStart(2, "0")}`);
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    await expect(page.getByRole("link", { name: /take the quiz/i }).last()).toBeTruthy();
    await context.close();
  });

  test("no card lists quiz statements (a card's lesson gave their verdicts away), and each stays accessible", async () => {
    const { context, page } = await session.phonePage();
    await page.goto("/cards");
    const hrefs = await page.locator("ol.cards a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) {
      await page.goto(href ?? "/cards");
      expect(await page.locator("#statements").count(), href ?? "").toBe(0);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text, href ?? "").not.toContain("Quiz statements that use this card");
      expect(text, href ?? "").not.toMatch(/\b(Verified|Unverified):/);
    }
    await expectAccessible(page);
    await context.close();
  });
});

describe("keyboard focus", () => {
  test("the skip link comes first, works, and every stop shows a visible focus ring", async () => {
    const { context, page } = await session.phonePage();
    for (const path of Object.values(pages())) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(first, `${path}: first Tab stop`).toMatch(/skip to content/i);
      expect(await focusIndicator(page), `${path}: skip link focus`).not.toBeNull();
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press("Tab");
        const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
        expect(await focusIndicator(page), `${path}: focus on ${where}`).not.toBeNull();
      }
    }
    // The skip link moves focus past the header to the main content.
    await page.goto("/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");
    await context.close();
  });
});

describe("user preferences", () => {
  test("prefers-color-scheme: dark gives a dark page that still passes axe (contrast)", async () => {
    const { context, page } = await session.phonePage({ colorScheme: "dark" });
    for (const [name, path] of Object.entries(pages())) {
      await page.goto(path);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(luminance(background), `${path} background ${background}`).toBeLessThan(0.2);
      await expectAccessible(page);
      await screenshot(page, `dark-${name}`);
    }
    await context.close();
  });

  test("prefers-reduced-motion: reduce leaves nothing animated", async () => {
    const { context, page } = await session.phonePage({ reducedMotion: "reduce" });
    for (const path of Object.values(pages())) {
      await page.goto(path);
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll("*")]
          .filter((el) => {
            const s = getComputedStyle(el);
            const seconds = (v: string) => Math.max(...v.split(",").map((t) => Number.parseFloat(t) || 0));
            return (
              (s.animationName !== "none" && seconds(s.animationDuration) > 0) ||
              seconds(s.transitionDuration) > 0 ||
              s.scrollBehavior === "smooth"
            );
          })
          .map((el) => el.tagName),
      );
      expect(moving, path).toEqual([]);
    }
    await context.close();
  });
});

describe("the corrections form", () => {
  test("a too-short report is refused accessibly, then a proper one is thanked (no JavaScript)", async () => {
    const { context, page } = await session.phonePage({ javaScriptEnabled: false });
    await page.goto("/corrections");
    await page.getByLabel(/what is wrong/i).fill("short");
    await page.getByRole("button", { name: /send|report/i }).click();
    await expect(page.title()).resolves.toMatch(/^Error/);
    await expect(page.locator("[aria-invalid=true]").count()).resolves.toBeGreaterThan(0);
    await checkPage(page, "phone-corrections-error");
    await page
      .getByLabel(/what is wrong/i)
      .fill("The third card spells Gladkov two ways; please check which one the article uses.");
    await page.getByRole("button", { name: /send|report/i }).click();
    await page.waitForURL(/\/corrections\/thanks/);
    await checkPage(page, "phone-corrections-thanks");
    await context.close();
  });
});

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
