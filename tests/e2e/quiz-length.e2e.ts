/**
 * How long the quiz is on a 360×640 phone (issue 18, item 7): "/quiz" has its Start button on the
 * first screen; on every question page both answers are on the first screen (a bar that sticks to
 * the bottom while the statement and the report are read), at 360 and 320 px; and the feedback
 * pages, which say each thing once, are at most 960 px tall at the median over a form (1.5 screens).
 * Measured with JavaScript off and on, as the pages need none.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { expectFocusClear, expectOnFirstScreen } from "./harness/checks";
import { playToResult, startQuiz } from "./harness/quiz";

const session = useBrowser();

/** The page's full height in CSS px. */
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe("the quiz's length at 360×640", () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`/quiz has Start on the first screen (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await session.phonePage({ ...SMALL, javaScriptEnabled });
      await page.goto("/quiz");
      const box = await page.getByRole("button", { name: "Start the quiz" }).boundingBox();
      expect(box, "the Start button is rendered").not.toBeNull();
      expect((box?.y ?? 9999) + (box?.height ?? 0), "Start ends within the first 640 px").toBeLessThanOrEqual(640);
      // The definitions stay on the page, after the button.
      const definitions = await page.getByText("Unverified does not mean false.").first().boundingBox();
      expect(definitions?.y ?? 0).toBeGreaterThan(box?.y ?? 0);
      await context.close();
    });
  }

  for (const { width, javaScriptEnabled } of [
    { width: 360, javaScriptEnabled: false },
    { width: 360, javaScriptEnabled: true },
    { width: 320, javaScriptEnabled: false },
  ]) {
    test(`both answers on the first screen of every question, however long the report (${width}×640, JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await session.phonePage({ width, height: 640, javaScriptEnabled });
      await page.goto("/quiz");
      await startQuiz(page);
      const bottoms: number[] = [];
      const heights: number[] = [];
      await playToResult(
        page,
        (i) => (i % 2 === 0 ? "verified" : "unverified"),
        async (kind, index) => {
          if (kind !== "question") return;
          const verified = page.getByRole("button", { name: "Verified", exact: true });
          // Wholly inside 0–640 px and not covered by anything.
          await expectOnFirstScreen(page, verified, `Verified on statement ${index + 1}`);
          await expectOnFirstScreen(
            page,
            page.getByRole("button", { name: "Unverified", exact: true }),
            `Unverified on statement ${index + 1}`,
          );
          // The statement leads the first screen, above the bar, not under it.
          await expectOnFirstScreen(page, page.locator("#statement"), `the statement ${index + 1}`);
          // However long the report, each control scrolls clear of the bar when it has focus.
          await expectFocusClear(page);
          const box = await verified.boundingBox();
          bottoms.push(Math.round((box?.y ?? 0) + (box?.height ?? 0)));
          heights.push(await pageHeight(page));
        },
      );
      console.log(
        `question pages at ${width}×640: Verified ends at ${bottoms.join(", ")} px; pages ${heights.join(", ")} px tall`,
      );
      // The bar only sticks while the form is in view: these pages are longer than a screen, so it really sticks.
      expect(Math.max(...heights), "some question page is longer than one screen").toBeGreaterThan(640);
      await context.close();
    });
  }

  test("the question page by keyboard: statement, report, how sure, then the answers; the bar hides no focus; Menu opens", async () => {
    const { context, page } = await session.phonePage({ ...SMALL, javaScriptEnabled: false });
    await page.goto("/quiz");
    await startQuiz(page);
    await page.waitForURL(/\/quiz\/q\/1$/);
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.includes("Unverified"); i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return { name: "", covered: true };
        const name = el instanceof HTMLInputElement ? `radio ${el.value}` : (el.textContent ?? "").trim();
        // The sticky bar must not hide what has focus (WCAG 2.4.11): the element's centre is itself, or its label.
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const own = hit !== null && (hit === el || el.contains(hit) || hit === el.closest("label"));
        return { name, covered: !own || r.top < 0 || r.bottom > window.innerHeight };
      });
      expect(stop.covered, `focus on "${stop.name}" is hidden or off screen`).toBe(false);
      stops.push(stop.name);
    }
    console.log(`question page Tab stops at 360×640: ${stops.join(" → ")}`);
    const at = (name: string) => stops.findIndex((stop) => stop === name || stop.startsWith(name));
    expect(at("Skip to content"), stops.join(" → ")).toBe(0);
    expect(at("Menu")).toBeGreaterThan(0);
    expect(at("radio"), "how sure comes after the menu").toBeGreaterThan(at("Menu"));
    expect(at("Verified"), "the answers come after how sure").toBeGreaterThan(at("radio"));
    expect(at("Unverified")).toBe(at("Verified") + 1);
    // The folded menu opens from the keyboard, no script, and its links show over the page.
    await page.getByText("Menu", { exact: true }).focus();
    await page.keyboard.press("Enter");
    await expectOnFirstScreen(
      page,
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Join a class" }),
      "Join a class in the open menu",
    );
    await expectOnFirstScreen(page, page.getByRole("link", { name: "Privacy" }), "Privacy in the open menu");
    await context.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`median feedback page ≤ 960 px (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await session.phonePage({ ...SMALL, javaScriptEnabled });
      await page.goto("/quiz");
      await startQuiz(page);
      const heights: number[] = [];
      const seen = await playToResult(
        page,
        (i) => (i % 2 === 0 ? "verified" : "unverified"),
        async (kind) => {
          if (kind === "feedback") heights.push(await pageHeight(page));
        },
      );
      expect(seen).toHaveLength(10);
      const sorted = [...heights].sort((a, b) => a - b);
      const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2;
      console.log(`feedback page heights at 360×640 (px): ${sorted.join(", ")}; median ${median}`);
      expect(median, "median feedback page height").toBeLessThanOrEqual(960);
      await context.close();
    });
  }
});
