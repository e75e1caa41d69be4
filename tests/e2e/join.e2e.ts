/**
 * Joining a class on a 360×640 phone, JavaScript on and off: one next step on the first screen.
 * The Join button on both join forms; after joining, "You're in as …" with the lobby's wait (and
 * Refresh; with JavaScript the page moves on by itself) or, once the teacher has started (or in a
 * homework class), Start; a wrong code sent back with its message once, the field and Join all on
 * the first screen, the focus in the field.
 * Every page passes axe.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage, expectOnFirstScreen } from "./harness/checks";
import { createClass, joinAs, startClass } from "./harness/class";
import { skipClassEstimate } from "./harness/quiz";

const session = useBrowser();
const { baseURL, foreign } = session;
/** How long a live update may take: poll.js fetches at most every 1.5 s after a WebSocket message. */
const LIVE = { timeout: 8_000, interval: 100 };

const phone = (javaScriptEnabled: boolean) => session.phone({ ...SMALL, javaScriptEnabled });

const joinButton = (page: Page) => page.getByRole("button", { name: "Join", exact: true });
const startLink = (page: Page) => page.getByRole("link", { name: "Start", exact: true });

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "js" : "nojs";
  describe(`joining at 360×640, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test("the Join button, then the lobby's wait, then Start, each on the first screen", async () => {
      const { code, teacherKey } = await createClass(baseURL, { name: "8D join", items: 6 });
      const context = await phone(javaScriptEnabled);

      const blank = await context.newPage();
      await blank.goto("/join");
      await expectOnFirstScreen(blank, blank.getByLabel("Class code"), "the code field on /join");
      await expectOnFirstScreen(blank, joinButton(blank), "Join on /join");
      await checkPage(blank, `join-${js}-form`);
      await blank.close();

      const probe = await context.newPage();
      await probe.goto(`/c/${code}`);
      await expectOnFirstScreen(probe, probe.getByLabel("Nickname"), "the nickname field on the class link");
      await expectOnFirstScreen(probe, joinButton(probe), "Join on the class link");
      await checkPage(probe, `join-${js}-class-link`);
      await probe.close();

      // In the lobby: the wait and its Refresh lead the first screen.
      const page = await joinAs(context, code, "Zara");
      await expectOnFirstScreen(page, page.getByText("Your teacher will start the quiz"), "the lobby's wait");
      await expectOnFirstScreen(page, page.getByRole("link", { name: "Refresh" }), "Refresh in the lobby");
      await expect(startLink(page).count()).resolves.toBe(0);
      await checkPage(page, `join-${js}-lobby`);

      // The teacher starts. With JavaScript the page goes to statement 1 by itself; without, Refresh shows
      // Start. Either way "You're in as Zara" then leads with Start, on the first screen.
      await startClass(baseURL, { code, teacherKey });
      if (javaScriptEnabled) {
        await page.waitForURL(/\/quiz\/q\/1$/, { timeout: LIVE.timeout });
        await page.goto(`/c/${code}/joined`);
      } else await page.getByRole("link", { name: "Refresh" }).click();
      await expectOnFirstScreen(page, startLink(page), "Start once the teacher has started");
      await checkPage(page, `join-${js}-started`);
      await startLink(page).click();
      await skipClassEstimate(page);
      await page.waitForURL(/\/quiz\/q\/1$/);
      await context.close();
    });

    test("a homework class (students start on joining): Start on the first screen at once", async () => {
      const { code } = await createClass(baseURL, { name: "8D homework", items: 6, start: "join" });
      const context = await phone(javaScriptEnabled);
      const page = await joinAs(context, code, "Yusuf");
      await expect(page.getByText("Your teacher will start the quiz").count()).resolves.toBe(0);
      await expectOnFirstScreen(page, startLink(page), "Start after joining a homework class");
      await checkPage(page, `join-${js}-homework`);
      await context.close();
    });

    test("a wrong code: the message once, the field and Join on the first screen, the focus in the field", async () => {
      const context = await phone(javaScriptEnabled);
      const page = await context.newPage();
      await page.goto("/join");
      // A well-formed code no class has (codes are random: one class in 31^6 codes).
      await page.getByLabel("Class code").fill("QQQQQQ");
      await page.getByLabel("Nickname").fill("Zara");
      await joinButton(page).click();
      await page.waitForURL(/\/join$/);
      const message = page.locator("#code-error");
      await expect(message.count()).resolves.toBe(1);
      const words = ((await message.textContent()) ?? "").trim();
      expect(words.length).toBeGreaterThan(10);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main.split(words).length - 1, `"${words}" is said once`).toBe(1);
      await expectOnFirstScreen(page, message, "the wrong code's message");
      await expectOnFirstScreen(page, page.getByLabel("Class code"), "the code field");
      await expectOnFirstScreen(page, joinButton(page), "Join after a wrong code");
      await expect(page.getByLabel("Class code").inputValue()).resolves.toBe("QQQQQQ");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("code");
      await checkPage(page, `join-${js}-wrong-code`);
      await context.close();
      expect(foreign).toEqual([]);
    });
  });
}
