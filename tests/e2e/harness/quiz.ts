/**
 * @module Drives the quiz pages the way a reader does: by the buttons' and links'
 * visible names, never by URL, so the tests follow what the pages offer.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoSidewaysScroll } from "./checks";

export type Answer = "verified" | "unverified";

/** What a feedback page says about the answer just given. */
export interface Feedback {
  correct: boolean;
  heading: string;
  youSaid: string;
  highlighted: string;
}

/** True while the page is a question (it offers the two answer buttons). */
export async function onQuestion(page: Page): Promise<boolean> {
  return (await page.getByRole("button", { name: "Verified", exact: true }).count()) > 0;
}

/** Answers the statement on screen and waits for its feedback page. */
export async function answer(page: Page, choice: Answer): Promise<Feedback> {
  const label = choice === "verified" ? "Verified" : "Unverified";
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForURL(/\/feedback\//);
  return readFeedback(page);
}

/** Reads the verdict, the reader's answer and the highlighted quote from a feedback page. */
export async function readFeedback(page: Page): Promise<Feedback> {
  const heading = (await page.locator("h1").first().textContent())?.trim() ?? "";
  const sentence =
    (await page
      .getByText(/^You said/)
      .first()
      .textContent()) ?? "";
  // "You said verified. The answer is unverified." → "verified"
  const youSaid = /^You said (\w+)/.exec(sentence.trim())?.[1] ?? "";
  const mark = page.locator("blockquote mark").first();
  await mark.waitFor({ state: "visible" });
  const highlighted = (await mark.textContent())?.trim() ?? "";
  return { correct: heading.startsWith("Right"), heading, youSaid, highlighted };
}

/**
 * Plays from the current question to the result page, answering with `choose`
 * (given the 0-based index of the statement). Checks every page fits the width.
 * Returns the feedback seen for each statement. `end` is where "See my result" leads
 * (a class with a check-out goes there first).
 */
export async function playToResult(
  page: Page,
  choose: (index: number) => Answer,
  onPage?: (kind: "question" | "feedback", index: number, feedback?: Feedback) => Promise<void>,
  { end = /\/result/ }: { end?: RegExp } = {},
): Promise<Feedback[]> {
  const seen: Feedback[] = [];
  for (let i = 0; i < 100; i++) {
    expect(await onQuestion(page), `statement ${i + 1} shows the answer buttons`).toBe(true);
    await expectNoSidewaysScroll(page);
    await onPage?.("question", i);
    const feedback = await answer(page, choose(i));
    expect(feedback.youSaid).toBe(choose(i));
    expect(feedback.highlighted.length, "the quote is highlighted").toBeGreaterThan(10);
    seen.push(feedback);
    await expectNoSidewaysScroll(page);
    await onPage?.("feedback", i, feedback);
    const next = page.getByRole("link", { name: "Next statement" });
    if ((await next.count()) > 0) {
      await next.click();
      await page.waitForURL(/\/quiz\/q\/\d+$/);
      continue;
    }
    await page.getByRole("button", { name: "See my result" }).click();
    await page.waitForURL(end);
    return seen;
  }
  throw new Error("The quiz did not end after 100 statements.");
}

/**
 * Presses "Start the quiz" on the quiz's start page, then answers the self-estimate with a
 * number's button (one tap) or skips it, and waits for statement 1.
 */
export async function startQuiz(page: Page, estimate?: number): Promise<void> {
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/quiz\/estimate$/);
  if (estimate === undefined) await page.getByRole("link", { name: "Skip this question" }).click();
  else await page.getByRole("button", { name: String(estimate), exact: true }).click();
  await page.waitForURL(/\/quiz\/q\/1$/);
}

/**
 * A class student's Start leads to the self-estimate first: skip it (one tap) and land on the
 * statement the class is on.
 */
export async function skipClassEstimate(page: Page): Promise<void> {
  await page.waitForURL(/\/quiz\/estimate$/);
  await page.getByRole("link", { name: "Skip this question" }).click();
}
