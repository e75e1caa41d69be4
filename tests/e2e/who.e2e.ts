/**
 * "Who says so?" in a browser at 360×640 (issue 20, item 3): ticked on the start page, asked with
 * every statement in the verdict's form with JavaScript off (one tap, or none), both parts on the
 * feedback, and its score apart on the result; axe clean and big targets on every page checked.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage, expectFocusClear, expectOnFirstScreen } from "./harness/checks";
import { type Answer, playToResult } from "./harness/quiz";

const session = useBrowser();

const pattern = (i: number): Answer => (i % 2 === 0 ? "verified" : "unverified");

/**
 * How tall the question page is (CSS px), as served and with "who says so?" taken out; and where the
 * Verified button ends on the screen (it sits in a bar stuck to the bottom of the screen).
 */
async function questionSizes(page: Page): Promise<{ withWho: number; without: number; buttonBottom: number }> {
  return page.evaluate(() => {
    const button = document.querySelector<HTMLElement>('button[value="verified"]');
    const who = document.querySelector<HTMLElement>('input[name="who"]')?.closest("fieldset");
    const height = () => document.documentElement.scrollHeight;
    const buttonBottom = button ? button.getBoundingClientRect().bottom : Number.NaN;
    const withWho = height();
    if (!who) return { withWho, without: withWho, buttonBottom };
    const parent = who.parentElement;
    const next = who.nextSibling;
    who.remove();
    const without = height();
    parent?.insertBefore(who, next);
    return { withWho, without, buttonBottom };
  });
}

describe("who says so at 360×640", () => {
  test("ticked at the start, asked with every statement (JavaScript off), scored apart on the result", async () => {
    const { context, page } = await session.phonePage({ ...SMALL, javaScriptEnabled: false });
    await page.goto("/quiz");
    // The option sits above Start, and both stay on the first screen.
    const start = await page.getByRole("button", { name: "Start the quiz" }).boundingBox();
    expect((start?.y ?? 9999) + (start?.height ?? 0), "Start ends within 640 px").toBeLessThanOrEqual(640);
    await page.getByLabel("Also ask who says so").check();
    await checkPage(page, "who-start");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/quiz\/estimate$/);
    await page.getByRole("link", { name: "Skip this question" }).click();
    await page.waitForURL(/\/quiz\/q\/1$/);

    const sizes: { withWho: number; without: number; buttonBottom: number }[] = [];
    let named = 0;
    const heights: number[] = [];
    await playToResult(page, pattern, async (kind, index) => {
      if (kind === "question") {
        const group = page.getByRole("group", { name: /Who says so\?/ });
        const radios = group.getByRole("radio");
        await expect(radios.count()).resolves.toBe(3);
        sizes.push(await questionSizes(page));
        // The three names sit above the answers, which stay on the first screen, uncovered.
        await expectOnFirstScreen(
          page,
          page.getByRole("button", { name: "Verified", exact: true }),
          `Verified on statement ${index + 1}`,
        );
        // Each name, how sure and the answers, once focused, are scrolled clear of the answer bar.
        await expectFocusClear(page);
        // One tap on a name (a different position each time), then the verdict; the last one skipped.
        if (index < 9) await radios.nth(index % 3).check();
        if (index === 0) await checkPage(page, "who-question");
        return;
      }
      const line = (await page.getByText(/^Who says so: /).textContent())?.trim() ?? "";
      if (index === 9) expect(line).toMatch(/^Who says so: you did not say; it was .+\.$/);
      else expect(line).toMatch(/^Who says so: you said .+(\. Right\.|; it was .+\.)$/);
      if (line.endsWith("Right.")) named++;
      heights.push(await page.evaluate(() => document.documentElement.scrollHeight));
      if (index === 0) await checkPage(page, "who-feedback");
    });

    await expect(page.getByText(`You named who says so ${named} of 10 times.`).isVisible()).resolves.toBe(true);
    await checkPage(page, "who-result");
    const grown = sizes.map((b) => Math.round(b.withWho - b.without));
    console.log(
      `question page heights at 360×640 (px), without → with "who says so?": ${sizes
        .map((b) => `${Math.round(b.without)}→${Math.round(b.withWho)}`)
        .join(", ")}; grows by ${grown.join(", ")}; Verified ends at ${sizes
        .map((b) => Math.round(b.buttonBottom))
        .join(", ")} px on the screen`,
    );
    const sorted = [...heights].sort((x, y) => x - y);
    const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2;
    console.log(`feedback page heights with "who says so?" (px): ${sorted.join(", ")}; median ${median}`);
    // The answers stick to the bottom of the screen, so the names cost scrolling, not the answers' place:
    // one legend and three 44 px targets, measured 202–213 px.
    for (const px of grown) expect(px, "height the choices add").toBeLessThanOrEqual(230);
    for (const px of grown) expect(px, "the choices are on the page").toBeGreaterThan(0);
    await context.close();
  });
});
