/**
 * What lets poll.js keep one page (and one socket) through a teacher-paced lesson: a paced
 * statement follows the class and marks its answer form to be sent in place, and the projector's
 * press sent in place answers with the next screen, read with the press in one object request.
 */
import { describe, expect, it } from "vitest";
import { call, countingRoom, createClass, itemOn, join, location, ORIGIN, rightly } from "./class-helpers";

/** A press as poll.js sends it (`inPlace`) or as the plain form does. */
function press(
  teacher: Awaited<ReturnType<typeof createClass>>["teacher"],
  code: string,
  fields: Record<string, string>,
  inPlace: boolean,
  bindings: Partial<Env> = {},
) {
  const headers = { ...teacher.headers(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" };
  return call(
    `/c/${code}/present/pace`,
    {
      method: "POST",
      headers: inPlace ? { ...headers, "x-in-place": "1" } : headers,
      body: new URLSearchParams(fields).toString(),
    },
    bindings,
  );
}

describe("a teacher-paced lesson in place", () => {
  it("answers a press sent in place with the next screen, from one object request", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const { student } = await join(code, { nickname: "Ana" });
    const counted = countingRoom();
    const res = await press(teacher, code, { action: "open", step: "0", shut: "1" }, true, { CLASS_ROOM: counted.ns });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Statement 1 of 6");
    expect(html).toContain("0 of 1 have answered.");
    expect(counted.calls).toEqual(["moveAndView"]);
    // The next press's buttons are sent in place too.
    expect(html).toMatch(/<form method="post" action="\/c\/[A-Z0-9]{6}\/present\/pace" class="inline" data-inline="">/);
    // The phone answers; the next screen in place holds it.
    const item = itemOn(await (await student.get("/quiz/q/1")).text());
    await student.post("/quiz/answer", { item, answer: rightly(item) });
    const closed = await (await press(teacher, code, { action: "close", step: "1", shut: "0" }, true)).text();
    expect(closed).toContain("Statement 1 of 6: closed");
    expect(closed).toContain("1 said");
  });

  it("names the last message the screen holds, so the projector skips it", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const live = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
    const socket = live.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    const heard: number[] = [];
    socket.addEventListener("message", (event) => {
      heard.push((JSON.parse(String(event.data)) as { v: number }).v);
    });
    const html = await (await press(teacher, code, { action: "open", step: "0", shut: "1" }, true)).text();
    const told = Number(/data-told="(\d+)"/.exec(html)?.[1]);
    for (let i = 0; i < 100 && heard.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    socket.close(1000, "done");
    // The greeting (v 0), then the press's own message: the one the page says it holds.
    expect(heard).toEqual([0, told]);
    expect(told).toBeGreaterThan(0);
  });

  it("keeps the plain form's redirect, and refuses a bad press in place as it does without", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const plain = await press(teacher, code, { action: "open", step: "0", shut: "1" }, false);
    expect(plain.status).toBe(303);
    expect(location(plain)).toBe(`/c/${code}/present`);
    const bad = await press(teacher, code, { action: "robot", step: "1", shut: "0" }, true);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("The button&#39;s form was incomplete");
    // A stale press in place changes nothing and shows where the class is.
    const stale = await (await press(teacher, code, { action: "open", step: "0", shut: "1" }, true)).text();
    expect(stale).toContain("Statement 1 of 6");
    expect(stale).not.toContain("Statement 2 of 6");
  });

  it("marks a paced statement to follow the class and send its answer in place; a public one neither", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const { student } = await join(code, { nickname: "Ana" });
    await press(teacher, code, { action: "open", step: "0", shut: "1" }, false);
    const paced = await (await student.get("/quiz/q/1")).text();
    expect(paced).toContain(`data-live-code="${code}" data-follow="running,1,0,0"`);
    expect(paced).toContain('<form method="post" action="/quiz/answer" data-inline="">');
    expect(paced).toMatch(/<script src="\/assets\/poll\.[a-z0-9]+\.js" defer/);
    const selfPaced = await createClass({ items: "6" });
    const { student: bo } = await join(selfPaced.code, { nickname: "Bo" });
    const own = await (await bo.get("/quiz/q/1")).text();
    expect(own).toContain('<form method="post" action="/quiz/answer">');
    expect(own).not.toContain("data-follow");
    expect(own).not.toContain("/assets/poll.");
  });
});
