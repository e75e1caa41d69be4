/**
 * @module `node scripts/screenshots.ts <folder>`: the first screen of each main page on a
 * 360×640 phone (home, question, feedback, result, class board, dashboard, worksheet), /teach on a
 * 1366×768 laptop, the projector screen at 1280×720 (the lobby, and the talk-through's first claim
 * revealed, after six finishers) and, teacher-paced at 1920×1080, an open statement and its
 * labelled split, a phone once the teacher closed it ("Answers are in") and after the reveal, as
 * small PNGs for docs/screenshots/. Starts its own `wrangler dev` on fresh local KV.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, phoneContext } from "../tests/e2e/harness/browser.ts";
import { createClass, joinAs, playByApi, teacherAt } from "../tests/e2e/harness/class.ts";
import { ROOT, startDevServer } from "../tests/e2e/harness/server.ts";

const out = join(ROOT, process.argv[2] ?? "docs/screenshots/after");
const SIZE = { width: 360, height: 640 };

await mkdir(out, { recursive: true });
const server = await startDevServer();
const browser = await launchBrowser();
try {
  // Scale 1 keeps the files small; the shot is the first screen, what a reader sees before scrolling.
  const shoot = (page: Page, name: string) => page.screenshot({ path: join(out, `${name}.png`), scale: "css" });
  const newPage = async () => {
    const context = await phoneContext(browser, { baseURL: server.url, ...SIZE });
    return context.newPage();
  };

  // /teach on a laptop: one button creates the class, the settings wait in a fold.
  const laptop = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 768 } });
  const teach = await laptop.newPage();
  await teach.goto("/teach");
  await shoot(teach, "teach");
  await laptop.close();

  const teacher = await newPage();
  await teacher.goto("/teach");
  await teacher.getByLabel(/class name/i).fill("9B media literacy");
  // The board setting waits in the settings fold.
  await teacher.getByText("Change the settings").click();
  await teacher.getByLabel(/students can see the class board/i).check();
  await teacher.getByRole("button", { name: "Create the class with these settings" }).click();
  await teacher.locator("p.code").waitFor();
  const code = ((await teacher.locator("p.code").textContent()) ?? "").trim();

  const page = await newPage();
  await page.goto("/");
  await shoot(page, "home");
  await page.goto(`/c/${code}`);
  await page.getByLabel("Nickname").fill("Ada");
  await page.getByRole("button", { name: "Join" }).click();
  await page.waitForURL(/\/joined$/);
  await shoot(page, "lobby");
  // The teacher starts the class; the phone follows by itself.
  await teacher.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/quiz\/q\/\d+$/);
  await shoot(page, "question");
  for (let i = 0; i < 100; i++) {
    await page.getByRole("button", { name: i % 2 === 0 ? "Verified" : "Unverified", exact: true }).click();
    await page.waitForURL(/\/feedback\//);
    if (i === 0) await shoot(page, "feedback-right-or-not");
    if (i === 1) await shoot(page, "feedback-second");
    const next = page.getByRole("link", { name: /^Next/ });
    if ((await next.count()) > 0) {
      await next.first().click();
      await page.waitForURL(/\/quiz\/q\/\d+$/);
      continue;
    }
    await page.getByRole("button", { name: "See my result" }).first().click();
    await page.waitForURL(/\/result/);
    break;
  }
  await shoot(page, "result");
  await page.goto(`/c/${code}/board`);
  await shoot(page, "board");
  await teacher.goto(`/c/${code}/teacher`);
  await shoot(teacher, "dashboard");
  await teacher.goto(`/c/${code}/teacher/worksheet`);
  await shoot(teacher, "worksheet");
  // The projector: a laptop-sized window signed in as the same teacher.
  const storageState = await teacher.context().storageState();
  const projector = await (
    await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 720 }, storageState })
  ).newPage();
  await projector.goto(`/c/${code}/present`);
  await shoot(projector, "present-lobby");
  // The talk-through lists a statement once 5 students have answered it and someone missed it:
  // five more finish through the JSON API, three saying Verified to everything and two Unverified.
  for (const [i, name] of ["Bea", "Cai", "Dan", "Eli", "Fox"].entries()) {
    await playByApi(server.url, code, name, i < 3 ? "verified" : "unverified");
  }
  await projector.goto(`/c/${code}/present`);
  await projector.getByRole("link", { name: "Talk through the claims that fooled the class" }).click();
  await projector.waitForURL(/\?claim=1$/);
  await projector.getByRole("link", { name: "Show the answer" }).click();
  await projector.waitForURL(/reveal=1/);
  await shoot(projector, "present-claim");

  // A teacher-paced class on a 1920×1080 projector: the open statement, the labelled split once
  // closed, and a phone after the teacher shows the answer.
  const paced = await createClass(server.url, { name: "10B paced", items: 6, pace: "teacher" });
  const big = await teacherAt(browser, server.url, paced, { viewport: { width: 1920, height: 1080 } });
  const screen = await big.newPage();
  await screen.goto(`/c/${paced.code}/present`);
  const phones: Page[] = [];
  for (const [name, label] of [
    ["Ada", "Verified"],
    ["Boris", "Unverified"],
    ["Chidi", "Verified"],
  ] as const) {
    const phone = await joinAs(await phoneContext(browser, { baseURL: server.url, ...SIZE }), paced.code, name);
    phones.push(phone);
    if (phones.length === 1) {
      await screen.getByRole("button", { name: "Start: open statement 1" }).click();
      await screen.getByRole("heading", { name: "Statement 1 of 6", exact: true }).waitFor();
    }
    await phone.goto("/quiz/q");
    await phone.getByRole("button", { name: label, exact: true }).click();
    // With JavaScript the answer is sent in place: the page stays, its heading changes.
    await phone.getByRole("heading", { name: "Your answer is in" }).waitFor();
  }
  await screen.goto(`/c/${paced.code}/present`);
  await shoot(screen, "present-question");
  await screen.getByRole("button", { name: "Close this statement and show the split" }).click();
  await screen.getByRole("heading", { name: "Statement 1 of 6: closed", exact: true }).waitFor();
  await shoot(screen, "present-closed");
  // Each phone follows the close by itself: no verdict until the teacher shows it.
  await phones[0]?.getByRole("heading", { name: "Answers are in" }).waitFor();
  if (phones[0]) await shoot(phones[0], "phone-answers-in");
  await screen.getByRole("button", { name: "Show the answer on every phone" }).click();
  await screen.locator(".reveal").waitFor();
  const [ada] = phones;
  if (ada) {
    await ada.waitForURL(/\/quiz\/feedback\//);
    await shoot(ada, "phone-revealed");
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
