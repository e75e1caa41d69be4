/**
 * Classroom mode in a real browser: a teacher creates a class; two students on
 * phones, each in their own browser context, join by code (one types a name, one
 * lets the app pick) and finish (one stops early); the board and the dashboard
 * show both; the CSV downloads. Every page passes axe and fits 320 px.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { NARROW, PHONE, useBrowser } from "./harness/browser";
import { checkPage, expectNoSidewaysScroll } from "./harness/checks";
import { answer, playToResult, skipClassEstimate } from "./harness/quiz";

const session = useBrowser();
const { foreign } = session;
let teacherPage: Page;

/** Set by the first test, used by the rest (they run in order). */
let code = "";
let teacherKey = "";
const nicks: string[] = [];

beforeAll(async () => {
  ({ page: teacherPage } = await session.phonePage(PHONE));
});

describe("a lesson (tests run in order and build on each other)", () => {
  test("a teacher reads the lesson plan and worksheet, then creates a class", async () => {
    const page = teacherPage;
    await page.goto("/");
    await page.getByRole("link", { name: "For teachers" }).first().click();
    await page.waitForURL(/\/teach$/);
    await checkPage(page, "phone-teach");
    for (const [name, path] of [
      ["lesson-plan", "/teach/lesson"],
      ["worksheet", "/teach/worksheet"],
    ] as const) {
      await page.goto(path);
      await checkPage(page, `phone-${name}`);
    }
    await page.goto("/teach");
    await page.getByLabel(/class name/i).fill("9B media literacy");
    // The settings wait in a fold: open it, change one, create with these settings.
    await page.getByText("Change the settings").click();
    await page.getByLabel(/students can see the class board/i).check();
    await page.getByRole("button", { name: "Create the class with these settings" }).click();
    // Creating redirects to the dashboard, which opens with "Your class is ready".
    await page.waitForURL(/\/c\/[A-Z0-9]{6}\/teacher$/);
    await page.getByRole("heading", { name: "Your class is ready" }).waitFor();
    code = ((await page.locator("p.code").textContent()) ?? "").trim();
    expect(page.url()).toContain(`/c/${code}/teacher`);
    await expect(page.getByRole("link", { name: "Open the projector screen" }).getAttribute("href")).resolves.toBe(
      `/c/${code}/present`,
    );
    // The key is hidden until asked for, so the page can go on a projector.
    await expect(page.locator(".key code").isVisible()).resolves.toBe(false);
    await page.getByText("Show the teacher key").click();
    await expect(page.locator(".key code").isVisible()).resolves.toBe(true);
    teacherKey = ((await page.locator(".key code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(teacherKey).toMatch(/^tk_/);
    // The key is shown in the page, never put in a URL.
    expect(page.url()).not.toContain(teacherKey);
    await expect(page.locator(".qr svg").count()).resolves.toBe(1);
    await checkPage(page, "phone-class-created");
    // A reload shows the class again, without the key, and makes no second class.
    await page.reload();
    await expect(page.locator("p.code").textContent()).resolves.toBe(code);
    await expect(page.locator(".key code").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.not.toContain(teacherKey);
    await expect(page.getByText("The teacher key was shown once").count()).resolves.toBe(1);
    // The answer key is on the class's teacher pages only.
    for (const [name, path] of [
      ["teacher-lesson-plan", `/c/${code}/teacher/lesson`],
      ["teacher-worksheet", `/c/${code}/teacher/worksheet`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: /answer key/i }).count()).resolves.toBe(1);
      await checkPage(page, `phone-${name}`);
    }
  });

  test("two students join by code in their own browsers and finish; one stops early", async () => {
    const students = await Promise.all([session.phone(PHONE), session.phone({ ...NARROW, javaScriptEnabled: false })]);
    const [ada, other] = await Promise.all(students.map((context) => context.newPage()));
    if (!ada || !other) throw new Error("no pages");

    // Ada types the code on /join and a nickname.
    await ada.goto("/join");
    await checkPage(ada, "phone-join");
    await ada.getByLabel("Class code").fill(code.toLowerCase());
    await ada.getByLabel("Nickname").fill("Ada 🦊");
    await ada.getByRole("button", { name: "Join" }).click();
    await ada.waitForURL(/\/joined$/);
    nicks.push(((await ada.locator("h1 .nick").textContent()) ?? "").trim());
    await checkPage(ada, "phone-joined");

    // The other student follows the QR link (no JavaScript, 320 px) and lets the app pick a name.
    await other.goto(`/c/${code}`);
    await checkPage(other, "320px-join-with-code");
    await other.getByLabel(/pick a name for me/i).check();
    await other.getByRole("button", { name: "Join" }).click();
    await other.waitForURL(/\/joined$/);
    nicks.push(((await other.locator("h1 .nick").textContent()) ?? "").trim());
    await checkPage(other, "320px-joined");
    expect(nicks[0]).toBe("Ada 🦊");
    expect(nicks[1]?.length).toBeGreaterThan(2);

    // Both wait in the lobby until the teacher presses Start on the dashboard.
    await expect(ada.getByRole("link", { name: "Start", exact: true }).count()).resolves.toBe(0);
    await teacherPage.goto(`/c/${code}/teacher`);
    await teacherPage.getByRole("button", { name: "Start the quiz" }).click();
    await teacherPage.waitForURL(/\/teacher$/);
    // Ada's page follows the class (JavaScript on) and moves to the first statement by itself; the
    // other (no JavaScript) presses Refresh, then Start.
    await ada.waitForURL(/\/quiz\/q\/\d+$/);
    await other.getByRole("link", { name: "Refresh" }).click();

    // Ada plays every statement of the class.
    const adaFeedback = await playToResult(ada, (i) => (i % 3 === 0 ? "unverified" : "verified"));
    await checkPage(ada, "phone-class-result");

    // The other answers two, then stops early from the next question.
    await other.getByRole("link", { name: "Start", exact: true }).click();
    await skipClassEstimate(other);
    await other.waitForURL(/\/quiz\/q\/\d+$/);
    await answer(other, "verified");
    await other.getByRole("link", { name: "Next statement" }).click();
    await other.waitForURL(/\/quiz\/q\/\d+$/);
    await answer(other, "unverified");
    await other.getByRole("button", { name: "Finish now" }).click();
    await other.waitForURL(/\/result/);
    await expect(other.locator("h1").first().textContent()).resolves.toMatch(/of 2 right/);
    await expectNoSidewaysScroll(other);

    expect(adaFeedback.length).toBeGreaterThan(2);
    await Promise.all(students.map((context) => context.close()));
  });

  test("the board shows both students, to a student and at 320 px", async () => {
    const { context, page } = await session.phonePage(NARROW);
    // A student's board may be up to 10 s old (one object read shared by a room of phones polling
    // it, STUDENT_BOARD_MAX_AGE_MS): reload until the last finish shows, as a student would.
    const boardNames = async () => {
      await page.goto(`/c/${code}/board`);
      return (await page.locator("table.board .nick").allTextContents()).map((n) => n.trim()).sort();
    };
    await expect.poll(boardNames, { timeout: 20_000, interval: 2_000 }).toEqual([...nicks].sort());
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/2 of 2 students have finished/);
    await checkPage(page, "320px-board");
    await context.close();
  });

  test("the dashboard shows both, each statement's share correct, and the CSV downloads", async () => {
    const page = teacherPage;
    await page.goto(`/c/${code}/teacher`);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const nick of nicks) expect(text).toContain(nick);
    // Each student's status and progress in words.
    const rows = await page
      .locator("tbody tr")
      .filter({ hasText: /Finished|Stopped early/ })
      .allTextContents();
    expect(
      rows.some((row) => row.includes("Finished") && row.includes("8 of 8")),
      rows.join("\n"),
    ).toBe(true);
    expect(
      rows.some((row) => row.includes("Stopped early") && row.includes("2 of 8")),
      rows.join("\n"),
    ).toBe(true);
    await checkPage(page, "phone-dashboard");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /csv/i }).first().click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    // A header, the two students, one empty line, then the legend: one row per statement (Q1…Qn),
    // one more empty line and what the figure columns mean.
    const questions = (lines[0] ?? "").split(",").filter((cell) => /^Q\d+$/.test(cell));
    expect(questions.length, csv).toBe(8);
    expect(lines.indexOf(""), csv).toBe(3);
    const legend = lines.slice(4, 4 + questions.length);
    expect(legend.map((line) => line.split(",")[0])).toEqual(questions);
    expect(
      legend.every((line) => /,(Verified|Unverified)$/.test(line)),
      csv,
    ).toBe(true);
    expect(lines.slice(4 + questions.length).map((line) => line.split(",")[0])).toEqual([
      "",
      "Facts told from claims (-1 to 1)",
      "Lean figure",
      "Expected",
      "Expected against got",
      "Wrong while sure",
    ]);
    expect(csv).toMatch(/,stopped early,2,/);
    for (const nick of nicks) expect(csv).toContain(nick);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${code}.*\\.csv$`));
  });

  test("on another device the teacher signs in with the key; the dashboard fits 320 px", async () => {
    const { context, page } = await session.phonePage({ ...NARROW, colorScheme: "dark" });
    const response = await page.goto(`/c/${code}/teacher`);
    expect(response?.status()).toBe(401);
    await checkPage(page, "dark-320px-teacher-sign-in");
    await page.getByLabel("Teacher key").fill(teacherKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/teacher\?done=signed-in$/);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const nick of nicks) expect(text).toContain(nick);
    await checkPage(page, "dark-320px-dashboard");
    await page.goto(`/c/${code}/board`);
    await checkPage(page, "dark-320px-board-teacher");
    await context.close();
    expect(foreign).toEqual([]);
  });

  test("at 320 px without JavaScript: the teacher's pages fit; a class can be closed and deleted", async () => {
    const { context, page } = await session.phonePage({ ...NARROW, javaScriptEnabled: false });
    for (const [name, path] of [
      ["teach", "/teach"],
      ["lesson-plan", "/teach/lesson"],
      ["worksheet", "/teach/worksheet"],
      ["join", "/join"],
    ] as const) {
      await page.goto(path);
      await checkPage(page, `320px-nojs-${name}`);
    }
    await page.goto("/teach");
    await page.getByLabel(/class name/i).fill("A class to delete");
    await page.getByRole("button", { name: "Create the class", exact: true }).click();
    await page.locator("p.code").waitFor();
    const doomed = ((await page.locator("p.code").textContent()) ?? "").trim();
    // Without JavaScript the key's <details> still opens.
    await page.getByText("Show the teacher key").click();
    await expect(page.locator(".key code").textContent()).resolves.toMatch(/^tk_/);
    await checkPage(page, "320px-nojs-class-created");

    await page.getByRole("button", { name: "Close joining" }).click();
    await page.waitForURL(/done=closed/);
    await checkPage(page, "320px-nojs-dashboard-closed");
    const latecomer = await session.phone({ ...NARROW, javaScriptEnabled: false });
    const student = await latecomer.newPage();
    const closed = await student.goto(`/c/${doomed}`);
    expect(closed?.status()).toBe(403);
    await checkPage(student, "320px-nojs-join-closed");
    await latecomer.close();

    await page.getByRole("link", { name: /delete the class/i }).click();
    await checkPage(page, "320px-nojs-delete-confirm");
    await page.getByRole("button", { name: "Yes, delete the class" }).click();
    await page.waitForURL(/\/teach\?notice=deleted$/);
    await checkPage(page, "320px-nojs-teach-deleted");
    const gone = await page.goto(`/c/${doomed}`);
    expect(gone?.status()).toBe(404);
    await context.close();
    expect(foreign).toEqual([]);
  });
});
