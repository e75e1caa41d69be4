/**
 * The check-in and check-out in a browser at 360×640 (issue 20, item 4): two students of a class
 * with both turned on, one with JavaScript off and one with it on. Each plays six statements on one
 * page before the quiz and six others after it, sees no answer on either, and the two forms are
 * counterbalanced (the first to join gets the other's check-out as their check-in); none of the
 * twelve is in the quiz between. The dashboard then reads "2 students did both", with its
 * small-class note; its Students table says "both" for each, and the twelve statements with their
 * verdicts show only once the answer key is opened. axe clean and big targets on each check page.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage, expectAccessible, expectFocusClear } from "./harness/checks";
import { createClass, joinAs, teacherAt } from "./harness/class";
import { type Answer, playToResult } from "./harness/quiz";

const session = useBrowser();
const { baseURL } = session;

/** How the feedback pages tell a verdict ("You said verified. The answer is unverified."): never on a check page. */
const VERDICT = /\bthe answer (is|was)\b|\byou said\b/i;

/** Plays the check page on screen: an estimate, one verdict per statement, then send. Returns its statements. */
async function playCheck(page: Page, phase: "in" | "out", estimate: number, say: Answer): Promise<string[]> {
  await page.waitForURL(/\/quiz\/check$/);
  const title = phase === "in" ? "Check-in" : "Check-out";
  await expect(page.locator("h1").textContent()).resolves.toBe(title);
  const statements = (await page.locator("form p.statement").allTextContents()).map((t) => t.trim());
  expect(statements, `six statements on the ${title}`).toHaveLength(6);
  // Each comes with the report it is judged on.
  await expect(page.getByRole("heading", { name: "What the report says" }).count()).resolves.toBe(6);
  expect(await page.locator("main").textContent(), `no verdict on the ${title}`).not.toMatch(VERDICT);
  await page
    .getByRole("group", { name: /How many of these 6/ })
    .getByLabel(String(estimate), { exact: true })
    .check();
  const groups = page.getByRole("group", { name: "Verified or unverified?" });
  await expect(groups.count()).resolves.toBe(6);
  for (let i = 0; i < 6; i++) {
    await groups
      .nth(i)
      .getByLabel(say === "verified" ? "Verified" : "Unverified", { exact: true })
      .check();
  }
  await checkPage(page, `check-${phase}`);
  await expectFocusClear(page);
  const send = phase === "in" ? "Send my check-in and start the quiz" : "Send my check-out and see my result";
  await page.getByRole("button", { name: send }).click();
  return statements;
}

describe("check-in and check-out at 360×640", () => {
  test("two students, JavaScript off and on: six before, six others after, counterbalanced; the dashboard's change", async () => {
    const klass = await createClass(baseURL, { items: 6, checks: true, start: "join", names: "typed" });
    const seen: { in: string[]; out: string[]; quiz: string[] }[] = [];
    for (const [name, javaScriptEnabled, say] of [
      ["Ada", false, "verified"],
      ["Ben", true, "unverified"],
    ] as const) {
      const context = await session.phone({ ...SMALL, javaScriptEnabled });
      const page = await joinAs(context, klass.code, name);
      // A homework class: Start straight away, the self-estimate skipped, then the check-in.
      await page.getByRole("link", { name: "Start", exact: true }).click();
      if (/\/quiz\/estimate$/.test(page.url())) await page.getByRole("link", { name: "Skip this question" }).click();
      const before = await playCheck(page, "in", 3, say);
      await page.waitForURL(/\/quiz\/q\/\d+$/);
      const quiz: string[] = [];
      await playToResult(
        page,
        (i) => (i % 2 === 0 ? "verified" : "unverified"),
        async (kind) => {
          if (kind === "question") quiz.push(((await page.locator("#statement").textContent()) ?? "").trim());
        },
        { end: /\/quiz\/check$/ },
      );
      const after = await playCheck(page, "out", 4, say);
      await page.waitForURL(/\/quiz\/result$/);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBeGreaterThan(0);
      seen.push({ in: before, out: after, quiz });
      await context.close();
    }
    const [ada, ben] = seen;
    if (!ada || !ben) throw new Error("both students played");
    // Twelve statements apart from the quiz's six, and the two forms swapped between the students.
    expect(new Set([...ada.in, ...ada.out]).size, "check-in and check-out share no statement").toBe(12);
    for (const s of ada.quiz) expect([...ada.in, ...ada.out], "a quiz statement in a check").not.toContain(s);
    expect([...ben.in].sort(), "the second to join starts with the first's check-out").toEqual([...ada.out].sort());
    expect([...ben.out].sort()).toEqual([...ada.in].sort());

    const teacher = await teacherAt(session.browser, baseURL, klass, {
      viewport: { width: 1920, height: 1080 },
      watch: session.watch,
    });
    const dash = await teacher.newPage();
    await dash.goto(`/c/${klass.code}/teacher`);
    const section = dash.getByRole("region", { name: "Before and after" });
    await expect(section.getByText("2 students did both the check-in and the check-out.").count()).resolves.toBe(1);
    await expect(section.getByText(/only 2 students, one student's answers move these a lot/).count()).resolves.toBe(1);
    await expect(section.getByText("Check-in: 2 done. Check-out: 2 done.", { exact: false }).count()).resolves.toBe(1);
    // Each said one verdict all six times, both times: telling facts from claims (0 when every answer
    // is the same) and how often they said unverified did not change, whatever the statements.
    await expect(
      section.getByText("Telling facts from claims: the same for 2.", { exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      section.getByText("Calling statements unverified: the same for 2.", { exact: true }).count(),
    ).resolves.toBe(1);
    // The Students table says each did both parts, in words.
    const students = dash.getByRole("table", { name: /Every student who joined/ });
    for (const name of ["Ada", "Ben"]) {
      const row = students.getByRole("row", { name: new RegExp(`^${name}\\b`) });
      await expect(row.getByRole("cell", { name: "both", exact: true }).count()).resolves.toBe(1);
    }
    // The twelve statements with their verdicts stay out of sight until the answer key is opened.
    const key = dash.getByRole("region", { name: "The check-in and check-out statements" });
    await expect(key.isVisible()).resolves.toBe(false);
    await dash.getByText(/^Answer key/).click();
    await expect(key.isVisible()).resolves.toBe(true);
    const rows = key.getByRole("row").filter({ has: dash.getByRole("rowheader") });
    await expect(rows.count()).resolves.toBe(12);
    const shown = (await rows.getByRole("rowheader").allTextContents()).map((t) => t.trim());
    expect([...shown].sort(), "the key lists the twelve check statements").toEqual([...ada.in, ...ada.out].sort());
    // Ada said verified to all twelve, Ben unverified: each statement right once, at one part or the other.
    for (const text of await rows.allTextContents()) {
      expect(text.match(/[01] of 1 right/g), text).toHaveLength(2);
      expect(text.match(/1 of 1 right/g), text).toHaveLength(1);
    }
    await expectAccessible(dash);
    await teacher.close();
  });
});
