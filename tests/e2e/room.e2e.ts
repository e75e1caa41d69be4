/**
 * A teacher-paced lesson as the room sees it: a projector at 1920×1080 and three phones at
 * 360×640, each its own browser context (two with JavaScript, one without). Lobby → the teacher
 * presses Start on the projector → each phone answers → the teacher closes the statement (the
 * projector draws the labelled split; no phone and no part of the projector shows the verdict)
 * → the teacher shows the answer (each phone shows its own right or wrong). The projector's text
 * is read from the back of a room: ≥ 40 px at 1920×1080, measured. axe on the projector and a
 * phone at every step.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage } from "./harness/checks";
import { createClass, expectNoKey, joinAs, teacherAt } from "./harness/class";
import { type Answer, readFeedback, skipClassEstimate } from "./harness/quiz";

const session = useBrowser();
const { baseURL, foreign } = session;
/** How long a live update may take: poll.js fetches at most every 1.5 s after a WebSocket message. */
const LIVE = { timeout: 8_000, interval: 100 };
/** Readable from the back of a room at 1920×1080. */
const ROOM_PX = 40;

/** The computed font size (px) of every element the selector matches; fails if none does. */
async function fontSizes(page: Page, selector: string): Promise<number[]> {
  const sizes = await page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes.length, `${selector} is on the projector`).toBeGreaterThan(0);
  return sizes;
}

/** Every element the selector matches is set at ≥ 40 px. */
async function expectRoomSize(page: Page, selector: string): Promise<void> {
  for (const size of await fontSizes(page, selector)) {
    expect(size, `${selector} font size at 1920×1080`).toBeGreaterThanOrEqual(ROOM_PX);
  }
}

/** Words that would give a verdict away before the teacher shows it. */
const VERDICT = /\bRight\b|Not quite|it is (un)?verified|got it right|Who says it|You said/;

/** The text of the page's main part, folded parts included. */
async function mainText(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
}

interface Phone {
  name: string;
  page: Page;
  context: BrowserContext;
  script: boolean;
  says: Answer;
  /** WebSockets its pages opened. */
  sockets: { opened: number };
}

// Four browser contexts and a dozen axe runs: well over a minute on a busy two-core machine.
describe("a teacher-paced lesson on a projector and three phones", { timeout: 180_000 }, () => {
  test("lobby, Start, answers, the split without a verdict, then each phone its own", async () => {
    const klass = await createClass(baseURL, { name: "11C media", items: 6, pace: "teacher" });
    const { code, teacherKey } = klass;
    const teacher = await teacherAt(session.browser, baseURL, klass, {
      viewport: { width: 1920, height: 1080 },
      watch: session.watch,
    });
    const present = await teacher.newPage();
    // Every socket a page opens is a request to the class's object: each screen keeps one all lesson.
    let projectorSockets = 0;
    present.on("websocket", () => projectorSockets++);
    await present.goto(`/c/${code}/present`);

    const plan: [string, boolean, Answer][] = [
      ["Ada", true, "verified"],
      ["Boris", true, "unverified"],
      ["Chidi", false, "verified"],
    ];
    const phones: Phone[] = [];
    for (const [name, script, says] of plan) {
      const context = await session.phone({ ...SMALL, javaScriptEnabled: script });
      const sockets = { opened: 0 };
      context.on("page", (page) => page.on("websocket", () => sockets.opened++));
      phones.push({ name, page: await joinAs(context, code, name), context, script, says, sockets });
    }
    const [first] = phones;
    if (!first) throw new Error("no phone");

    // The lobby: everyone waits for the teacher; the projector has their names and a Start.
    for (const phone of phones) {
      await expect(phone.page.getByText("Your teacher will start the quiz").count()).resolves.toBe(1);
    }
    await checkPage(first.page, "room-phone-lobby");
    // Ada's estimate, one tap in the lobby: sent in place with JavaScript (the page and its socket stay).
    await first.page.getByRole("button", { name: "4", exact: true }).click();
    await first.page.getByText("You expect to get 4 of 6 right.").waitFor();
    expect(new URL(first.page.url()).pathname).toBe(`/c/${code}/joined`);
    await expect(first.page.getByRole("button", { name: "4", exact: true }).count()).resolves.toBe(0);
    await expect
      .poll(async () => (await present.locator("ul.names li").allTextContents()).map((t) => t.trim()), LIVE)
      .toEqual(["Ada", "Boris", "Chidi"]);
    await checkPage(present, "room-1920-lobby");

    await present.getByRole("button", { name: "Start: open statement 1" }).click();
    await present.getByRole("heading", { name: "Statement 1 of 6", exact: true }).waitFor();
    await expect(present.locator("#present-now").textContent()).resolves.toBe("0 of 3 have answered.");
    // The open statement: the statement, the passage the phones show, and the phones' two choices as labels.
    await expect(present.getByRole("heading", { name: "What the report says" }).count()).resolves.toBe(1);
    const choices = (await present.locator(".present-choices span").allTextContents()).map((t) => t.trim());
    expect(choices).toEqual(["Verified", "Unverified"]);
    await expectRoomSize(present, "p.statement");
    await expectRoomSize(present, ".present-choices span");
    await expectRoomSize(present, "#present-now");
    expect(await mainText(present)).not.toMatch(VERDICT);
    await expectNoKey(present, teacherKey);
    await checkPage(present, "room-1920-question");

    // Each phone reaches statement 1 (with JavaScript by itself; without, by Refresh, then Start) and answers.
    for (const [i, phone] of phones.entries()) {
      const { page } = phone;
      if (phone.script) {
        await page.waitForURL(/\/quiz\/q\/1$/, { timeout: LIVE.timeout });
      } else {
        await page.getByRole("link", { name: "Refresh" }).click();
        await page.getByRole("link", { name: "Start", exact: true }).click();
        await skipClassEstimate(page);
        await page.waitForURL(/\/quiz\/q\/1$/);
      }
      // The phone's buttons say what the projector's labels say.
      for (const label of choices) {
        await expect(page.getByRole("button", { name: label, exact: true }).count()).resolves.toBe(1);
      }
      if (i === 0) await checkPage(page, "room-phone-question");
      await page
        .getByRole("button", { name: phone.says === "verified" ? "Verified" : "Unverified", exact: true })
        .click();
      await page.waitForURL(/\/quiz\/q(\?pace=[^&]+)?$/);
      await expect(page.locator("h1").textContent()).resolves.toBe("Your answer is in");
      expect(await mainText(page)).not.toMatch(VERDICT);
      await expect.poll(() => present.locator("#present-now").textContent(), LIVE).toBe(`${i + 1} of 3 have answered.`);
    }
    await checkPage(first.page, "room-phone-answer-in");
    expect(await mainText(present)).not.toMatch(VERDICT);
    await checkPage(present, "room-1920-all-answered");

    // Closed: the split, labelled with both counts and shares, large; still no verdict anywhere.
    await present.getByRole("button", { name: "Close this statement and show the split" }).click();
    await present.getByRole("heading", { name: "Statement 1 of 6: closed", exact: true }).waitFor();
    const labels = (await present.locator(".split-labels span").allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(["2 said Verified (67%)", "1 said Unverified (33%)"]);
    await expect(present.locator("figure.split figcaption").textContent()).resolves.toBe(
      "2 said Verified, 1 said Unverified (3 answers).",
    );
    await expectRoomSize(present, "p.statement");
    await expectRoomSize(present, ".split-labels span");
    await expect(present.locator(".reveal").count()).resolves.toBe(0);
    expect(await mainText(present)).not.toMatch(VERDICT);
    await expectNoKey(present, teacherKey);
    await checkPage(present, "room-1920-closed");
    for (const phone of phones) {
      const { page } = phone;
      if (phone.script) await expect.poll(() => page.locator("h1").textContent(), LIVE).toBe("Answers are in");
      else {
        await page.getByRole("link", { name: "Next" }).click();
        await expect(page.locator("h1").textContent()).resolves.toBe("Answers are in");
      }
      expect(await mainText(page), `${phone.name}'s phone before the reveal`).not.toMatch(VERDICT);
      await expect(page.getByText("Look at the big screen").count()).resolves.toBe(1);
    }
    await checkPage(first.page, "room-phone-answers-in");

    // The reveal: the projector gives the verdict, and each phone its own right or wrong.
    await present.getByRole("button", { name: "Show the answer on every phone" }).click();
    await present.locator(".reveal").waitFor();
    const shown = (await present.locator(".reveal strong").first().textContent())?.trim();
    expect(shown === "Verified." || shown === "Unverified.", `the projector's verdict: ${shown}`).toBe(true);
    const verdict: Answer = shown === "Verified." ? "verified" : "unverified";
    const right = phones.filter((p) => p.says === verdict).length;
    await expect(present.locator(".reveal").textContent()).resolves.toContain(`${right} of 3 got it right.`);
    await checkPage(present, "room-1920-revealed");
    for (const phone of phones) {
      const { page } = phone;
      if (phone.script) await page.waitForURL(/\/quiz\/feedback\//, { timeout: LIVE.timeout });
      else {
        await page.getByRole("link", { name: "Next" }).click();
        await page.waitForURL(/\/quiz\/feedback\//);
      }
      const feedback = await readFeedback(page);
      expect(feedback.youSaid, phone.name).toBe(phone.says);
      expect(feedback.correct, `${phone.name} said ${phone.says}, the answer is ${verdict}`).toBe(
        phone.says === verdict,
      );
    }
    await checkPage(first.page, "room-phone-revealed");
    // The lobby, the statement, the answer, the close and the reveal on one page each: one socket.
    // (Without JavaScript a phone opens none.)
    expect(phones.map((phone) => phone.sockets.opened)).toEqual(phones.map((phone) => (phone.script ? 1 : 0)));
    expect(projectorSockets).toBe(1);

    await Promise.all(phones.map((phone) => phone.context.close()));
    await teacher.close();
    expect(foreign).toEqual([]);
  });
});
