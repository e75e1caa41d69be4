/**
 * A reader on a phone plays the whole quiz, with and without JavaScript, at 390
 * and 320 px; the Back button cannot change an answer; the quiz can be finished
 * with the keyboard alone; the quiz pages pass axe in light and dark.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { NARROW, PHONE, useBrowser, watchForeignRequests } from "./harness/browser";
import { checkPage, expectAccessible, expectNoSidewaysScroll, focusIndicator, screenshot } from "./harness/checks";
import { type Answer, answer, onQuestion, playToResult, readFeedback, startQuiz } from "./harness/quiz";

const session = useBrowser();
const { baseURL } = session;

/** Alternate answers, so a run sees both "Right" and "Not quite" feedback. */
const alternate = (i: number): Answer => (i % 2 === 0 ? "verified" : "unverified");

/** From the start page, through the quiz's start page, to statement 1. */
async function startFromHome(page: Page, label: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Take the quiz" }).first().click();
  await page.waitForURL(/\/quiz$/);
  await checkPage(page, `${label}-quiz-start`);
  await startQuiz(page);
}

for (const run of [
  { label: "phone-js", size: PHONE, javaScriptEnabled: true },
  { label: "320px-nojs", size: NARROW, javaScriptEnabled: false },
] as const) {
  test(`a reader plays the whole quiz (${run.label}): feedback with the highlighted quote, then the result`, async () => {
    const context = await session.phone({ ...run.size, javaScriptEnabled: run.javaScriptEnabled });
    const foreign = watchForeignRequests(context, baseURL);
    const page = await context.newPage();
    await startFromHome(page, run.label);

    let shotRight = false;
    let shotMiss = false;
    const feedback = await playToResult(page, alternate, async (kind, index, seen) => {
      if (kind === "question" && index === 0) await checkPage(page, `${run.label}-question`);
      if (kind === "feedback" && seen?.correct && !shotRight) {
        shotRight = true;
        await checkPage(page, `${run.label}-feedback-right`);
      }
      if (kind === "feedback" && seen && !seen.correct && !shotMiss) {
        shotMiss = true;
        await checkPage(page, `${run.label}-feedback-not-quite`);
      }
    });

    expect(shotRight && shotMiss, "saw both a right and a wrong answer").toBe(true);
    const right = feedback.filter((f) => f.correct).length;
    // The score is the page's first heading.
    await expect(page.locator("h1").first().textContent()).resolves.toContain(`${right} of ${feedback.length} right`);
    // Only the misses are listed, open.
    await expect(page.locator("ol.review > li").count()).resolves.toBe(feedback.length - right);
    await checkPage(page, `${run.label}-result`);
    expect(foreign).toEqual([]);
    await context.close();
  });
}

describe("answers are final", () => {
  test("Back after answering shows the same answer, and a stale form cannot change it", async () => {
    const { context, page } = await session.phonePage();
    await page.goto("/quiz");
    await startQuiz(page);

    // A second tab holds statement 1's form, as a page restored from history would.
    const stale = await context.newPage();
    await stale.goto("/quiz/q/1");
    expect(await onQuestion(stale)).toBe(true);

    const first = await answer(page, "verified");
    expect(first.youSaid).toBe("verified");

    // Back: the question is not offered again; its feedback shows the first answer.
    await page.goBack();
    await page.waitForLoadState();
    expect(await onQuestion(page), "Back does not offer the question again").toBe(false);
    expect(page.url()).toContain("/feedback/");
    expect((await readFeedback(page)).youSaid).toBe("verified");

    // The stale form: answering "unverified" now leaves "verified" standing, and says so.
    const again = await answer(stale, "unverified");
    expect(again.youSaid).toBe("verified");
    await expect(stale.getByRole("status").first().textContent()).resolves.toMatch(/first answer stands/i);
    await checkPage(stale, "phone-feedback-answered-again");

    // Reload: still one answer, the same one.
    await page.reload();
    expect((await readFeedback(page)).youSaid).toBe("verified");
    await expect(
      page
        .getByText(/1 of \d+ answered/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await context.close();
  });
});

describe("keyboard only", () => {
  /** Presses Tab until the focused element's text matches, checking each stop shows focus. */
  async function tabTo(page: Page, name: RegExp, maxStops = 60) {
    for (let i = 0; i < maxStops; i++) {
      await page.keyboard.press("Tab");
      const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      const indicator = await focusIndicator(page);
      expect(indicator, `focus on "${text}" at ${page.url()} is visible`).not.toBeNull();
      if (name.test(text)) return;
    }
    throw new Error(`No focusable element matching ${name} within ${maxStops} Tab presses at ${page.url()}`);
  }

  test("the whole quiz can be completed with Tab, Enter and Space alone", async () => {
    const { context, page } = await session.phonePage(PHONE);
    await page.goto("/");
    await tabTo(page, /^Take the quiz$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quiz$/);
    await tabTo(page, /^Start the quiz$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quiz\/estimate$/);
    // The self-estimate: one key press on a number goes to statement 1.
    await tabTo(page, /^7$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quiz\/q\/1$/);

    let answered = 0;
    for (let i = 0; i < 100; i++) {
      await tabTo(page, i % 2 === 0 ? /^Verified$/ : /^Unverified$/);
      // Space on one statement, Enter on the next: both must press a button.
      await page.keyboard.press(i % 2 === 0 ? "Space" : "Enter");
      await page.waitForURL(/\/feedback\//);
      answered++;
      const finish = (await page.getByRole("link", { name: "Next statement" }).count()) === 0;
      if (finish) {
        await tabTo(page, /^See my result$/);
        await page.keyboard.press("Enter");
        break;
      }
      await tabTo(page, /^Next statement$/);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/quiz\/q\/\d+$/);
    }
    await page.waitForURL(/\/result/);
    await expect(page.locator("h1").first().textContent()).resolves.toContain(`of ${answered} right`);
    await screenshot(page, "keyboard-result");
    await context.close();
  });
});

describe("quiz pages in dark mode and at 320 px with reduced motion", () => {
  test("start, question, feedback, finish early and result pass axe in dark mode", async () => {
    const { context, page } = await session.phonePage({ ...NARROW, colorScheme: "dark", reducedMotion: "reduce" });
    await page.goto("/quiz");
    await checkPage(page, "dark-320px-quiz-start");
    await startQuiz(page);
    await checkPage(page, "dark-320px-question");
    for (const choice of ["verified", "unverified", "unverified"] as const) {
      const seen = await answer(page, choice);
      await checkPage(page, `dark-320px-feedback-${seen.correct ? "right" : "not-quite"}`);
      await page.getByRole("link", { name: "Next statement" }).click();
    }
    // The question page now offers to finish early: the reader is scored on what they answered.
    await checkPage(page, "dark-320px-question-after-answers");
    await page.getByRole("button", { name: /finish now/i }).click();
    await page.waitForURL(/\/result/);
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(/of 3 right/);
    await page.locator("details summary").first().click();
    await checkPage(page, "dark-320px-result-stopped-early");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await context.close();
  });
});
