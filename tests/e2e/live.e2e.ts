/**
 * The live classroom in a real browser. A student-paced class: the teacher's projector screen
 * (1280×720, a desktop) and dashboard update without a reload as three students, each in their
 * own browser context, join and finish; the projector screen passes axe at 1280×720 and
 * 1920×1080, and no page of it ever holds the teacher key. A teacher-paced class: a phone moves
 * to the open statement and to its feedback by itself when the teacher presses the projector's
 * buttons, and the projector shows the class's split.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { NARROW, PHONE, useBrowser } from "./harness/browser";
import { checkPage } from "./harness/checks";
import {
  createClass as create,
  expectNoKey,
  joinAs,
  playByApi,
  teacherAt as signIn,
  startClass,
} from "./harness/class";
import { type Answer, playToResult, skipClassEstimate } from "./harness/quiz";

const session = useBrowser();
const { baseURL, foreign } = session;
/** How long a live update may take: poll.js fetches at most every 1.5 s after a WebSocket message. */
const LIVE = { timeout: 8_000, interval: 100 };

const createClass = (options: Record<string, unknown>) => create(baseURL, options);

/** The teacher's laptop at 1280×720, its requests watched. */
function teacherAt(code: string, teacherKey: string): Promise<BrowserContext> {
  return signIn(session.browser, baseURL, { code, teacherKey }, { watch: session.watch });
}

/** The page was never reloaded or left: the marker set on it before is still there. */
async function expectSamePage(page: Page): Promise<void> {
  await expect(page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).resolves.toBe(1);
}

const trimmed = (texts: string[]) => texts.map((t) => t.trim());

describe("a student-paced class, live on the projector and the dashboard", () => {
  test("three students join and finish; both teacher screens follow without a reload", async () => {
    const { code, teacherKey } = await createClass({ name: "10A live lesson", items: 6 });
    const teacher = await teacherAt(code, teacherKey);
    const present = await teacher.newPage();
    const dashboard = await teacher.newPage();
    await present.goto(`/c/${code}/present`);
    // The dashboard's script is held back until the first student has joined: a page must catch up
    // on a change made between its rendering and its WebSocket opening (no second message comes).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await dashboard.route("**/assets/poll.*.js", async (route) => {
      await held;
      await route.continue();
    });
    await dashboard.goto(`/c/${code}/teacher`, { waitUntil: "commit" });
    await dashboard.locator("#dash-status").waitFor();
    await expect(present.locator("p.code").textContent()).resolves.toBe(code);
    const status = present.locator("#present-count");
    await expect(status.textContent()).resolves.toBe("Nobody has joined yet.");
    await expectNoKey(present, teacherKey);
    await checkPage(present, "1280-present-lobby-empty");
    for (const page of [present, dashboard]) {
      await page.evaluate(() => {
        (window as unknown as { __marker: number }).__marker = 1;
      });
    }

    const names = ["Ada", "Boris", "Chidi"];
    const contexts = await Promise.all([
      session.phone(PHONE),
      session.phone(PHONE),
      session.phone({ ...NARROW, javaScriptEnabled: false }),
    ]);
    const students: Page[] = [];
    const dashboardNames = dashboard.locator("#dash-body th.nick");

    for (const [i, name] of names.entries()) {
      const context = contexts[i];
      if (!context) throw new Error("no context");
      students.push(await joinAs(context, code, name));
      const joined = names.slice(0, i + 1);
      await expect
        .poll(async () => trimmed(await present.locator("ul.names li").allTextContents()), LIVE)
        .toEqual(joined);
      await expect
        .poll(() => status.textContent(), LIVE)
        .toBe(`${i + 1} joined · 0 finished · 0 of ${(i + 1) * 6} answers in`);
      if (i === 0) {
        await expect(dashboardNames.count()).resolves.toBe(0);
        release();
        await dashboard.waitForLoadState("load");
      }
      await expect.poll(async () => trimmed(await dashboardNames.allTextContents()).sort(), LIVE).toEqual(joined);
      await expect
        .poll(() => dashboard.locator("#dash-status").textContent(), LIVE)
        .toContain(`Joined: ${i + 1}. 0 of ${i + 1}`);
    }
    await expectNoKey(present, teacherKey);

    // One says Verified to all, one Unverified to all: every claim fools someone, so the walk-through has six.
    const choices: ((i: number) => Answer)[] = [
      () => "verified",
      () => "unverified",
      (i) => (i % 2 === 0 ? "verified" : "unverified"),
    ];
    // Everyone waits in the lobby until the teacher starts: the phones with JavaScript then move on by
    // themselves; the one without presses Refresh, then Start.
    await expect(students[0]?.getByText("Your teacher will start the quiz").count()).resolves.toBe(1);
    await startClass(baseURL, { code, teacherKey });
    for (const [i, name] of names.entries()) {
      const page = students[i];
      if (!page) throw new Error("no student page");
      if (i < 2) {
        await page.waitForURL(/\/quiz\/q\/\d+$/, { timeout: LIVE.timeout });
      } else {
        await page.getByRole("link", { name: "Refresh" }).click();
        await page.getByRole("link", { name: "Start", exact: true }).click();
        await skipClassEstimate(page);
        await page.waitForURL(/\/quiz\/q\/\d+$/);
      }
      const row = dashboard.locator("#dash-body tr", { has: dashboard.locator("th.nick", { hasText: name }) });
      const rowText = async () => ((await row.textContent()) ?? "").replace(/\s+/g, " ");
      const seen = await playToResult(page, choices[i] ?? (() => "verified"), async (kind, at) => {
        // Mid-quiz, after the second answer, the dashboard shows how far this student is, live.
        if (kind === "feedback" && at === 1) await expect.poll(rowText, LIVE).toMatch(/Playing ?2 of 6/);
      });
      expect(seen).toHaveLength(6);
      await expect
        .poll(() => status.textContent(), LIVE)
        .toBe(`3 joined · ${i + 1} finished · ${(i + 1) * 6} of 18 answers in`);
      await expect.poll(rowText, LIVE).toMatch(/Finished ?6 of 6/);
      await expect
        .poll(() => dashboard.locator("#dash-status").textContent(), LIVE)
        .toContain(`${i + 1} of 3 students have finished.`);
    }
    // Still the pages opened before the first student joined: no reload, no navigation.
    await expectSamePage(present);
    await expectSamePage(dashboard);
    await Promise.all(contexts.map((context) => context.close()));

    await expectNoKey(present, teacherKey);
    await checkPage(present, "1280-present-lobby-finished");
    await present.setViewportSize({ width: 1920, height: 1080 });
    await checkPage(present, "1920-present-lobby-finished");
    await expectNoKey(present, teacherKey);

    // After the lesson: the claims that fooled the class, the verdict only when asked. A statement is
    // ranked from 5 answers, so two more students finish through the API (one says Verified to all,
    // one Unverified): five answers on each statement.
    await expect(
      present.getByRole("link", { name: "Talk through the claims that fooled the class" }).count(),
    ).resolves.toBe(0);
    await playByApi(baseURL, code, "Dev", "verified");
    await playByApi(baseURL, code, "Eun", "unverified");
    await present.setViewportSize({ width: 1280, height: 720 });
    await present.goto(`/c/${code}/present`);
    await present.getByRole("link", { name: "Talk through the claims that fooled the class" }).click();
    await present.waitForURL(/\?claim=1$/);
    await expect(
      present.getByRole("heading", { name: "Claim 1 of 6 that fooled the class most" }).count(),
    ).resolves.toBe(1);
    await expect(present.locator("figure.split figcaption").textContent()).resolves.toMatch(
      /^[23] said Verified, [23] said Unverified \(5 answers\)\.$/,
    );
    await expectNoKey(present, teacherKey);
    await checkPage(present, "1280-present-claim");
    await present.getByRole("link", { name: "Show the answer" }).click();
    await present.waitForURL(/\?claim=1&reveal=1$/);
    await expect(present.locator(".reveal").textContent()).resolves.toMatch(/[23] of 5 got it right/);
    await expectNoKey(present, teacherKey);
    await checkPage(present, "1280-present-claim-revealed");
    await present.setViewportSize({ width: 1920, height: 1080 });
    await checkPage(present, "1920-present-claim-revealed");
    await expectNoKey(present, teacherKey);
    await teacher.close();
    expect(foreign).toEqual([]);
  });
});

describe("a teacher-paced class", () => {
  test("the phone follows the teacher's buttons by itself; the projector shows the split", async () => {
    const { code, teacherKey } = await createClass({ name: "10B paced", items: 6, pace: "teacher" });
    const teacher = await teacherAt(code, teacherKey);
    const present = await teacher.newPage();
    await present.goto(`/c/${code}/present`);

    const phoneContextJs = await session.phone(PHONE);
    const phone = await joinAs(phoneContextJs, code, "Dana");
    // "You're in as Dana": the lobby, which waits for the teacher (no Start link).
    await expect(phone.getByText("Your teacher will start the quiz").count()).resolves.toBe(1);
    await expect(phone.getByRole("link", { name: "Start", exact: true }).count()).resolves.toBe(0);
    await checkPage(phone, "phone-lobby");
    await expect.poll(() => present.locator("#present-count").textContent(), LIVE).toMatch(/^1 joined/);

    await present.getByRole("button", { name: "Start: open statement 1" }).click();
    // The form posts and comes back to the same address: wait for the new page's heading, not the URL.
    await present.getByRole("heading", { name: "Statement 1 of 6", exact: true }).waitFor();
    await present.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 1;
    });
    // The phone moves to the question by itself: nobody touches it.
    await phone.waitForURL(/\/quiz\/q\/1$/, { timeout: LIVE.timeout });
    // While the statement is open the answer is in, and the verdict waits for the teacher.
    await phone.getByRole("button", { name: "Verified", exact: true }).click();
    // The object told the page where the class is (a signed pace): the wait page asks it nothing.
    await phone.waitForURL(/\/quiz\/q\?pace=[\w%.-]+$/);
    await expect(phone.locator("h1").textContent()).resolves.toBe("Your answer is in");
    await phone.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 1;
    });
    await expect.poll(() => present.locator("#present-now").textContent(), LIVE).toBe("1 of 1 have answered.");
    await expectSamePage(present);
    await checkPage(present, "1280-present-paced-open");

    await present.getByRole("button", { name: "Close this statement and show the split" }).click();
    await present.getByRole("heading", { name: "Statement 1 of 6: closed", exact: true }).waitFor();
    await expect(present.locator("figure.split figcaption").textContent()).resolves.toBe(
      "1 said Verified, 0 said Unverified (1 answer).",
    );
    await expectNoKey(present, teacherKey);
    await checkPage(present, "1280-present-paced-closed");
    // Closed, not yet shown: the phone says to look at the screen, and holds the verdict.
    await expect.poll(() => phone.locator("h1").textContent(), LIVE).toBe("Answers are in");
    // One wait state to the next in place: the same page, so the same socket.
    await expect(phone.evaluate(() => (window as unknown as { __marker?: number }).__marker)).resolves.toBe(1);
    await expect(phone.getByText(/^You said verified/).count()).resolves.toBe(0);
    await checkPage(phone, "phone-paced-answers-in");
    await present.getByRole("button", { name: "Show the answer on every phone" }).click();
    await present.locator(".reveal").waitFor();
    await checkPage(present, "1280-present-paced-revealed");
    // The phone shows its own feedback by itself.
    await phone.waitForURL(/\/quiz\/feedback\//, { timeout: LIVE.timeout });
    await expect(phone.getByText(/^You said verified/).count()).resolves.toBe(1);
    await checkPage(phone, "phone-paced-feedback");
    // The teacher opens the next statement: the phone leaves its answer page by itself.
    await present.getByRole("button", { name: "Open statement 2" }).click();
    await phone.waitForURL(/\/quiz\/q\/2$/, { timeout: LIVE.timeout });
    await phoneContextJs.close();
    await teacher.close();
    expect(foreign).toEqual([]);
  });
});
