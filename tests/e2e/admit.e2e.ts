/**
 * A class whose teacher admits each name, on a 360×640 phone with JavaScript on and off: the
 * student waits on "Waiting for your teacher to let you in" (Refresh on the first screen), the
 * teacher sees the name greyed on the dashboard with Admit, and once admitted the phone shows
 * Start (with JavaScript by itself, over the class's socket; without, after Refresh). And the
 * settings changed in the lobby: a phone already waiting picks them up by itself (a new token, 12
 * statements, not 6). Every page passes axe.
 */
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage, expectOnFirstScreen } from "./harness/checks";
import { createClass, submitJoin, teacherAt } from "./harness/class";
import { skipClassEstimate } from "./harness/quiz";

const session = useBrowser();
const { baseURL, foreign } = session;
/** How long a live update may take: poll.js fetches at most every 1.5 s after a WebSocket message. */
const LIVE = { timeout: 8_000 };

const phone = (javaScriptEnabled: boolean) => session.phone({ ...SMALL, javaScriptEnabled });

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "js" : "nojs";
  describe(`the teacher admits each name, 360×640, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test("the student waits, the teacher admits the greyed name, the phone shows Start", async () => {
      const created = await createClass(baseURL, { name: "8E admit", items: 6, admit: true, start: "join" });
      const { code } = created;
      const context = await phone(javaScriptEnabled);
      // Not joinAs: the heading here is the wait, not "You're in as …".
      const page = await submitJoin(context, code, "Zara");
      await expect(page.locator(".lede .nick").textContent()).resolves.toBe("Zara");
      const waitLine = page.getByText("Your teacher lets each name in");
      await expectOnFirstScreen(
        page,
        page.getByRole("heading", { name: "Waiting for your teacher to let you in" }),
        "the waiting room's heading",
      );
      await expectOnFirstScreen(page, waitLine, "the waiting room's line");
      await expectOnFirstScreen(page, page.getByRole("link", { name: "Refresh" }), "Refresh in the waiting room");
      await expect(page.getByRole("link", { name: "Start", exact: true }).count()).resolves.toBe(0);
      await checkPage(page, `admit-${js}-waiting`);

      const laptop = await teacherAt(session.browser, baseURL, created, { watch: session.watch });
      const dashboard = await laptop.newPage();
      await dashboard.goto(`/c/${code}/teacher`);
      await expect(dashboard.getByRole("heading", { name: "Waiting to be let in (1)" }).count()).resolves.toBe(1);
      await expect(dashboard.locator(".waiting-room .nick.muted").textContent()).resolves.toBe("Zara");
      await checkPage(dashboard, `admit-${js}-dashboard`);
      await dashboard.getByRole("button", { name: "Admit Zara" }).click();
      await dashboard.waitForURL(/\?done=admitted$/);
      await expect(dashboard.getByRole("heading", { name: /Waiting to be let in/ }).count()).resolves.toBe(0);
      await expect(dashboard.locator("#dash-body").getByText("Zara").count()).resolves.toBe(1);

      // With JavaScript the waiting page moves on by itself; without, Refresh shows Start.
      if (!javaScriptEnabled) await page.getByRole("link", { name: "Refresh" }).click();
      const startLink = page.getByRole("link", { name: "Start", exact: true });
      await startLink.waitFor({ timeout: LIVE.timeout });
      await expectOnFirstScreen(page, startLink, "Start once admitted");
      await checkPage(page, `admit-${js}-admitted`);
      await startLink.click();
      await skipClassEstimate(page);
      await page.waitForURL(/\/quiz\/q\/1$/);
      await laptop.close();
      await context.close();
      expect(foreign).toEqual([]);
    });
  });
}

describe("settings changed in the lobby, a phone already in (JavaScript on)", () => {
  test("the teacher changes 6 statements to 12 on the settings page; the waiting phone plays 12", async () => {
    const created = await createClass(baseURL, { name: "8E settings", items: 6 });
    const { code } = created;
    const context = await phone(true);
    const page = await submitJoin(context, code, "Yara");
    await page.getByText("Your teacher will start the quiz").waitFor();

    const laptop = await teacherAt(session.browser, baseURL, created, {
      viewport: { width: 1366, height: 768 },
      watch: session.watch,
    });
    const settings = await laptop.newPage();
    await settings.goto(`/c/${code}/teacher`);
    await settings.getByRole("link", { name: "Change the settings" }).click();
    await settings.waitForURL(/\/teacher\/settings$/);
    await checkPage(settings, "settings-page");
    // By role: the check-in's label also mentions "12 statements".
    await settings.getByRole("radio", { name: /12 statements/ }).check();
    await settings.getByRole("button", { name: "Save the settings" }).click();
    await settings.waitForURL(/\?done=settings$/);
    // The phone's page fetched itself again (the socket's settings number moved): its token is the new one.
    await expect
      .poll(() => page.evaluate(() => document.querySelector("[data-rev]")?.getAttribute("data-rev")), LIVE)
      .toBe("1");

    await settings.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/quiz\/q\/1$/, LIVE);
    await expect(page.title()).resolves.toMatch(/^Statement 1 of 12 /);
    await laptop.close();
    await context.close();
    expect(foreign).toEqual([]);
  });
});
