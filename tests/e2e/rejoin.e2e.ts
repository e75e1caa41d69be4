/**
 * A lost tab in a real browser: a student answers 2 of 6 on a 360×640 phone and closes the tab
 * (the phone's cookies go with it); on a second phone they type their code under "Been here
 * before?", and continue at statement 3; the teacher's dashboard shows one row, 2 answered, then
 * the finish. Then the teacher ends the class with a second student mid-quiz, whose phone leads to
 * the result. On one phone that kept its cookie, the class link offers to continue instead of a
 * join form. Each page passes axe and fits the width.
 */
import { describe, expect, test } from "vitest";
import { SMALL, useBrowser } from "./harness/browser";
import { checkPage } from "./harness/checks";
import { createClass, joinAs } from "./harness/class";
import { answer, onQuestion, skipClassEstimate } from "./harness/quiz";

// useBrowser's afterAll fails the file on any request to another host.
const session = useBrowser();
const { baseURL } = session;

async function api(path: string, body: unknown, key?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

const phone = () => session.phone(SMALL);

describe("back in as yourself", () => {
  test("a closed tab, a second phone, the code: the same row goes on at the next statement", async () => {
    const { code, teacherKey: key } = await createClass(baseURL, { items: 6, start: "join" });

    const first = await phone();
    const page = await joinAs(first, code, "Zara");
    const back = ((await page.locator(".rejoin strong").textContent()) ?? "").trim();
    expect(back).toMatch(/^[A-Z0-9]{5}$/);
    await checkPage(page, "phone-joined-code");
    await page.getByRole("link", { name: "Start" }).click();
    await skipClassEstimate(page);
    for (let i = 0; i < 2; i++) {
      await answer(page, "verified");
      await page.getByRole("link", { name: /next statement/i }).click();
    }
    await first.close(); // the tab, and its cookie, are gone

    const second = await phone();
    const again = await second.newPage();
    await again.goto(`/c/${code}`);
    await again.getByText("Been here before? Get back in with your code").click();
    await again.getByLabel("Your code to get back in").fill(back.toLowerCase());
    await checkPage(again, "phone-join-back");
    await again.getByRole("button", { name: "Get back in" }).click();
    await again.waitForURL(/\/joined$/);
    await again.getByText("you have answered 2 of 6").waitFor();
    await again.getByRole("link", { name: "Continue" }).click();
    await again.waitForURL(/\/quiz\/q\/3$/);
    expect(await onQuestion(again)).toBe(true);

    const dashboard = await api(`/api/v1/classes/${code}/students/back`, { back }); // JSON sees the same attempt
    expect(dashboard.answered).toBe(2);
    const res = await fetch(`${baseURL}/api/v1/classes/${code}/dashboard`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const students = ((await res.json()) as { students: { nickname: string; progress: number }[] }).students;
    expect(students).toEqual([expect.objectContaining({ nickname: "Zara", progress: 2 })]);
    await second.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`the class link on the same phone, cookie kept, offers to continue where they were (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { code } = await createClass(baseURL, { items: 6, start: "join" });
      const context = await session.phone({ ...SMALL, javaScriptEnabled });
      const page = await joinAs(context, code, "Zara");
      await page.getByRole("link", { name: "Start" }).click();
      await skipClassEstimate(page);
      for (let i = 0; i < 2; i++) {
        await answer(page, "verified");
        await page.getByRole("link", { name: /next statement/i }).click();
      }
      await page.close(); // the tab is gone; the phone keeps its cookie

      // The QR link again: not a join form, but "You're in as Zara" with where they are.
      const again = await context.newPage();
      await again.goto(`/c/${code}`);
      await again.waitForURL(/\/joined$/);
      await expect(again.getByLabel("Nickname").count(), "no join form").resolves.toBe(0);
      await expect(again.locator("h1 .nick").textContent()).resolves.toBe("Zara");
      await again.getByText("you have answered 2 of 6").waitFor();
      await checkPage(again, `phone-continue-js-${javaScriptEnabled ? "on" : "off"}`);
      await again.getByRole("link", { name: "Continue" }).click();
      await again.waitForURL(/\/quiz\/q\/3$/);
      expect(await onQuestion(again)).toBe(true);
      await context.close();
    });
  }

  test("the teacher ends the class: a student mid-quiz is led to their result", async () => {
    const { code, teacherKey } = await createClass(baseURL, { items: 6, start: "join" });
    const context = await phone();
    const page = await joinAs(context, code, "Yusuf");
    await page.getByRole("link", { name: "Start" }).click();
    await skipClassEstimate(page);
    await answer(page, "unverified");
    await page.getByRole("link", { name: /next statement/i }).click();
    await api(`/api/v1/classes/${code}/end`, {}, teacherKey);
    await page.getByRole("button", { name: "Verified", exact: true }).click();
    await page.waitForURL(/\/joined$/);
    await page.getByRole("heading", { name: "The class has ended" }).waitFor();
    await checkPage(page, "phone-class-ended");
    await page.getByRole("button", { name: "See my result" }).click();
    await page.waitForURL(/\/quiz\/result$/);
    await page
      .getByText(/1 of 1/)
      .first()
      .waitFor();
    await context.close();
  });
});
