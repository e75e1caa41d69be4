/**
 * "Know what you know" in a class, in a browser: a student at 360×640 with JavaScript off gives
 * the self-estimate while the class waits in its lobby, a confidence with every answer, and sees
 * expected against got, the marks and calibration on the result; the teacher's dashboard shows the
 * calibration counts, with "sure and wrong" in the closed answer-key fold. Axe clean throughout.
 */
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage, expectAccessible, expectFocusClear, screenshot } from "./harness/checks";
import { createClass, joinAs, startClass, teacherAt } from "./harness/class";
import { playToResult } from "./harness/quiz";

const session = useBrowser();
const { baseURL } = session;

const LEVELS = ["Sure", "Fairly sure", "Guessing"] as const;

describe("a class student's estimate and confidences at 360×640", () => {
  test("the estimate in the lobby, a confidence per answer, the figures on the result; the dashboard's counts", async () => {
    const klass = await createClass(baseURL, { items: 6, start: "teacher", names: "typed" });
    const context = await session.phone({ ...SMALL, javaScriptEnabled: false });
    const page = await joinAs(context, klass.code, "Kit");
    // Waiting for the teacher: the question, one tap per number, below the status.
    await expect(page.getByText("How many of these 6 do you think you will get right?").isVisible()).resolves.toBe(
      true,
    );
    await checkPage(page, "class-know-lobby");
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.waitForURL(/\/joined$/);
    await expect(page.getByText("You expect to get 4 of 6 right.").isVisible()).resolves.toBe(true);

    await startClass(baseURL, klass);
    // JavaScript off: the Refresh button, then Start (the estimate is given, so straight in).
    await page.getByRole("link", { name: "Refresh" }).click();
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await page.waitForURL(/\/quiz\/q\/\d+$/);

    const seen = await playToResult(
      page,
      (i) => (i % 2 === 0 ? "verified" : "unverified"),
      async (kind, index) => {
        if (kind !== "question") return;
        await expectFocusClear(page);
        await page.getByLabel(LEVELS[index % 3] ?? "Sure", { exact: true }).check();
        if (index === 0) await checkPage(page, "class-know-question");
      },
    );
    const right = seen.filter((f) => f.correct).length;
    await expect(page.getByText(`You expected 4 and got ${right}`).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Marked by how sure you said you were/).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^When you were sure you were right \d+ times? out of 2\.$/).count()).resolves.toBe(1);
    await checkPage(page, "class-know-result");
    await context.close();

    const teacher = await teacherAt(session.browser, baseURL, klass, { watch: session.watch });
    const dash = await teacher.newPage();
    await dash.goto(`/c/${klass.code}/teacher`);
    await expect(dash.getByRole("heading", { name: "Expected against got" }).isVisible()).resolves.toBe(true);
    const fit =
      right >= 6 ? "did better than they expected" : right <= 2 ? "expected more than they got" : "about right";
    await expect(dash.locator(".split-labels li", { hasText: fit }).textContent()).resolves.toMatch(/^1 /);
    // "Sure and wrong" names verdicts: inside the answer key's fold, closed, so not on the projector.
    await expect(dash.getByRole("heading", { name: "Sure and wrong" }).isVisible()).resolves.toBe(false);
    await expectAccessible(dash);
    await dash.getByRole("heading", { name: "Expected against got" }).scrollIntoViewIfNeeded();
    await screenshot(dash, "class-know-dashboard");
    await teacher.close();
  });
});
