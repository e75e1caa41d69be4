/**
 * "Know what you know" in a browser at 360×640: the self-estimate, a confidence on every answer
 * with JavaScript off, and a result that leads with the figures in words (expected against got,
 * the certainty-based marks, calibration), axe clean; with JavaScript on, the share link becomes
 * the share sheet or a copy button.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage } from "./harness/checks";
import { type Answer, playToResult } from "./harness/quiz";

const session = useBrowser();
const { baseURL } = session;

/** Fails unless the element lies wholly within the first screen. */
async function expectOnFirstScreen(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} is rendered`).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} ends within ${viewport.height} px`).toBeLessThanOrEqual(viewport.height);
}

const LEVELS = ["Sure", "Fairly sure", "Guessing"] as const;
const pattern = (i: number): Answer => (i % 3 === 1 ? "unverified" : "verified");

describe("estimate and confidence at 360×640", () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`a whole form with an estimate and a confidence per answer (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await session.phonePage({ ...SMALL, javaScriptEnabled });
      await page.goto("/quiz");
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await page.waitForURL(/\/quiz\/estimate$/);
      if (!javaScriptEnabled) await checkPage(page, "know-estimate");
      await page.getByRole("button", { name: "8", exact: true }).click();
      await page.waitForURL(/\/quiz\/q\/1$/);

      const seen = await playToResult(page, pattern, async (kind, index) => {
        if (kind !== "question") return;
        // One tap on the confidence, then the verdict: at most two taps, in one form.
        await page.getByLabel(LEVELS[index % 3] ?? "Sure", { exact: true }).check();
        if (index === 0 && !javaScriptEnabled) await checkPage(page, "know-question");
      });
      const right = seen.filter((f) => f.correct).length;

      await expectOnFirstScreen(page, page.locator("h1").first(), "the score");
      await expectOnFirstScreen(page, page.locator("p.reading").first(), "the score in words");
      await expectOnFirstScreen(page, page.getByText(`You expected 8 and got ${right}`), "expected against got");
      await expect(page.getByText(/^Marked by how sure you said you were/).isVisible()).resolves.toBe(true);
      await expect(page.getByText(/^When you were sure you were right \d+ times? out of 4\.$/).count()).resolves.toBe(
        1,
      );
      await expect(page.locator("figure svg[role=img]").first().isVisible()).resolves.toBe(true);
      await expect(page.locator("ol.review > li").count()).resolves.toBe(seen.length - right);
      await expect(page.getByRole("link", { name: "Why we ask how sure you are" }).count()).resolves.toBe(1);

      const share = page.locator("a[data-share]");
      if (javaScriptEnabled) {
        const hasShareSheet = await page.evaluate(() => typeof navigator.share === "function");
        if (hasShareSheet) {
          await expect(share.textContent()).resolves.toBe("Share your score");
        } else {
          await expect(share.textContent()).resolves.toBe("Copy the link to your score");
          await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
          await share.click();
          // The status is written after the clipboard's promise settles: poll for it, not one read.
          await expect.poll(() => page.locator("[data-share-status]").textContent()).toBe("Link copied.");
          await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/\/share\/\d+-of-10$/);
        }
      } else {
        await expect(share.textContent()).resolves.toBe("Share your score");
        await expect(share.getAttribute("href")).resolves.toMatch(/\/share\/\d+-of-10$/);
        await checkPage(page, "know-result");
      }
      await context.close();
    });
  }
});
