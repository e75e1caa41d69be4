/**
 * The dashboard keeps what the teacher was doing when the class changes under it (issue 21): a
 * live refresh copies the fresh roster in, and the boxes ticked for "Remove the ticked students"
 * and the folds opened stay as the teacher left them. With JavaScript, at 1280×720.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./harness/browser";
import { expectAccessible } from "./harness/checks";
import { createClass, teacherAt } from "./harness/class";

const session = useBrowser();
const { baseURL } = session;

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${baseURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as { token: string; next: { id: string } | null };
};

describe("the dashboard's live refresh", () => {
  test("ticks and open folds survive a student joining; Remove the ticked students then removes them", async () => {
    const klass = await createClass(baseURL, { items: 6, start: "join", names: "typed" });
    const join = (nickname: string) => post(`/api/v1/classes/${klass.code}/students`, { nickname });
    // Ada answers one statement and finishes, so the class has figures (and their fold).
    const ada = await join("Ada");
    if (!ada.next) throw new Error("Ada has a first statement");
    const answered = await post("/api/v1/attempts/answer", {
      token: ada.token,
      itemId: ada.next.id,
      answer: "verified",
    });
    await post("/api/v1/attempts/finish", { token: answered.token });
    await join("Ben");

    const teacher = await teacherAt(session.browser, baseURL, klass, { watch: session.watch });
    const dash = await teacher.newPage();
    await dash.goto(`/c/${klass.code}/teacher`);
    const rows = dash.locator("#dash-body tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    const figures = dash.locator("#dash-body details", { hasText: "The figures behind this" }).first();
    await figures.locator("summary").click();
    await dash.getByLabel("Tick Ada").check();
    // Focus leaves the roster (a region holding the focus is never copied over).
    await dash.getByRole("heading", { level: 1 }).click();

    await join("Cy");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await expect(dash.getByLabel("Tick Ada").isChecked(), "Ada's tick after the refresh").resolves.toBe(true);
    await expect(dash.getByLabel("Tick Ben").isChecked()).resolves.toBe(false);
    await expect(dash.getByLabel("Tick Cy").isChecked()).resolves.toBe(false);
    await expect(
      figures.evaluate((d) => (d as HTMLDetailsElement).open),
      "the fold after the refresh",
    ).resolves.toBe(true);
    await expectAccessible(dash);

    await dash.getByRole("button", { name: "Remove the ticked students" }).click();
    await dash.waitForURL(/\/teacher(\?|$)/);
    const names = (await dash.locator("#dash-body tbody tr th").allTextContents()).map((t) => t.trim());
    expect(
      names.some((n) => n.startsWith("Ada")),
      names.join(", "),
    ).toBe(false);
    expect(names.filter((n) => n.startsWith("Ben") || n.startsWith("Cy"))).toHaveLength(2);
    await teacher.close();
  });
});
