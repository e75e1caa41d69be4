/**
 * A class of 30 playing 8 statements, in both modes, through the real pages inside workerd:
 * KV operations (SCORES wrapped) and Durable Object requests (CLASS_ROOM wrapped: one count per
 * call on the class's object). The teacher's live screens are counted per refresh; how many
 * refreshes a lesson makes is bounded in docs/COSTS.md, "A lesson on the free plan" (one per change, at most one per
 * 1.5 s per screen). Read by `npm run bench` from each test's `meta.kv` (`room` = object requests).
 */
import { env } from "cloudflare:workers";
import { describe, expect, test } from "vitest";
import { Client, countingKv, type KvCounts, location } from "./counting";

const STUDENTS = 30;
const STATEMENTS = 8;

/** CLASS_ROOM wrapped: every call on a stub of the class's object is one request. */
function countingRoom(): { ns: Env["CLASS_ROOM"]; count: () => number; reset: () => void } {
  let calls = 0;
  const ns = new Proxy(env.CLASS_ROOM, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "get") return typeof value === "function" ? value.bind(target) : value;
      return (...args: Parameters<typeof target.get>) =>
        new Proxy(target.get(...args), {
          get(stub, name) {
            const method = Reflect.get(stub, name);
            if (typeof name !== "string" || name === "then" || typeof method !== "function") return method;
            return (...rest: unknown[]) => {
              calls++;
              return Reflect.apply(method as (...a: unknown[]) => unknown, stub, rest);
            };
          },
        });
    },
  });
  return { ns, count: () => calls, reset: () => (calls = 0) };
}

async function setUp(pace: "student" | "teacher") {
  const kv = countingKv();
  const room = countingRoom();
  const bindings = { SCORES: kv.kv, CLASS_ROOM: room.ns };
  const teacher = new Client(bindings);
  const created = await teacher.json("/api/v1/classes", {
    items: STATEMENTS,
    pace,
    size: STUDENTS,
    // Student-paced: a homework class, so the count is of playing alone (the lobby adds one Start).
    ...(pace === "student" ? { start: "join" } : {}),
  });
  expect(created.status).toBe(201);
  const { code, teacherKey } = (await created.json()) as { code: string; teacherKey: string };
  expect((await teacher.post(`/c/${code}/teacher/sign-in`, { key: teacherKey })).status).toBe(303);
  const students = Array.from({ length: STUDENTS }, () => new Client(bindings));
  for (const [i, student] of students.entries()) {
    expect(location(await student.post("/join", { code, nickname: `Reader ${i + 1}` }))).toBe(`/c/${code}/joined`);
  }
  const snapshot = (): KvCounts => ({ ...kv.counts, room: room.count() });
  const reset = () => {
    kv.reset();
    room.reset();
  };
  return { code, teacher, students, snapshot, reset, created: snapshot() };
}

/** One teacher screen refresh of each kind: the projector and the dashboard. */
async function screens(s: Awaited<ReturnType<typeof setUp>>): Promise<KvCounts> {
  s.reset();
  expect((await s.teacher.get(`/c/${s.code}/present`)).status).toBe(200);
  expect((await s.teacher.get(`/c/${s.code}/teacher`)).status).toBe(200);
  return s.snapshot();
}

/**
 * The teacher's press on the projector: without JavaScript the form's post, then the page's reload;
 * with it (`script`), poll.js's post, whose reply is the next screen. This lesson runs faster than
 * any class: past 20 presses in 10 s the limiter asks the teacher to wait, as it would a real one
 * (a refused press reaches no object).
 */
async function pressPace(
  s: Awaited<ReturnType<typeof setUp>>,
  step: number,
  action: "open" | "close" | "reveal",
  shut: boolean,
  script = false,
): Promise<void> {
  const form = { action, step: String(step), shut: shut ? "1" : "0" };
  const send = () => s.teacher.post(`/c/${s.code}/present/pace`, form, script ? { "x-in-place": "1" } : {});
  let res = await send();
  while (res.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    res = await send();
  }
  if (script) {
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("data-told=");
    return;
  }
  expect(res.status).toBe(303);
  await s.teacher.get(`/c/${s.code}/present`);
}

// Hundreds of page requests each: well over vitest's default 5 s on a shared machine.
describe("a class of 30, 8 statements", { timeout: 120_000 }, () => {
  test("student-paced", async ({ task }) => {
    const s = await setUp("student");
    const joined = s.created;
    s.reset();
    for (const student of s.students) {
      for (let n = 1; n <= STATEMENTS; n++) {
        const page = await (await student.get(`/quiz/q/${n}`)).text();
        const item = /name="item" value="([^"]+)"/.exec(page)?.[1] ?? "";
        await student.get(location(await student.post("/quiz/answer", { item, answer: "verified" })));
      }
      expect(location(await student.post("/quiz/finish"))).toBe("/quiz/result");
      await student.get("/quiz/result");
    }
    const played = s.snapshot();
    task.meta.kv = {
      "student-paced: create + sign in + 30 joins": joined,
      "student-paced: 30 students play 8 and finish": played,
      "a refresh of the projector and the dashboard": await screens(s),
    };
  });

  test("teacher-paced", async ({ task }) => {
    const s = await setUp("teacher");
    const joined = s.created;
    s.reset();
    let step = 0;
    const press = (action: "open" | "close" | "reveal", shut: boolean) => pressPace(s, step, action, shut);
    for (const student of s.students) await student.get("/quiz/q"); // each phone waits
    for (let n = 1; n <= STATEMENTS; n++) {
      await press("open", true);
      step = n;
      // Each phone is told, asks for the current statement, answers, and waits for the close.
      for (const student of s.students) {
        const page = await (await student.get(location(await student.get("/quiz/q")))).text();
        const item = /name="item" value="([^"]+)"/.exec(page)?.[1] ?? "";
        // The browser follows the redirect, which carries the object's pace, signed.
        const waiting = location(await student.post("/quiz/answer", { item, answer: "verified" }));
        expect(waiting).toMatch(/^\/quiz\/q\?pace=/);
        await student.get(waiting); // "Your answer is in"
      }
      await press("close", false);
      // Told again: each phone says "Answers are in — look at the screen".
      for (const student of s.students) await student.get("/quiz/q");
      await press("reveal", true);
      // Told again: each phone shows the verdict, then waits for the next statement.
      for (const student of s.students) {
        await student.get(location(await student.get("/quiz/q")));
        if (n < STATEMENTS) await student.get("/quiz/q");
      }
    }
    for (const student of s.students) {
      // The finish's redirect carries the class's pace, signed: the result page asks the object nothing.
      const result = location(await student.post("/quiz/finish"));
      expect(result).toMatch(/^\/quiz\/result\?pace=/);
      await student.get(result);
    }
    const played = s.snapshot();
    task.meta.kv = {
      "teacher-paced: create + sign in + 30 joins": joined,
      "teacher-paced: 24 presses, 30 phones follow, answer 8 and finish": played,
    };
  });

  // The projector and the phones with JavaScript. The projector's press answers with its next screen.
  // As poll.js drives a phone: each socket message's signed pace goes with the phone's next fetch,
  // and the answer is sent with fetch; a reply that follows the class too is put in place, so the
  // phone keeps the socket its first page opened. Every page load that follows the class opens a
  // socket (one object request each, added to `room` here: one bench socket stands in for them).
  test("teacher-paced, with JavaScript", async ({ task }) => {
    const s = await setUp("teacher");
    s.reset();
    const live = await s.teacher.request(`/c/${s.code}/live`, { headers: { upgrade: "websocket" } });
    const socket = live.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    let told = { v: 0, p: "" };
    socket.addEventListener("message", (event) => {
      told = JSON.parse(String(event.data)) as { v: number; p: string };
    });
    const heard = async (after: number) => {
      for (let i = 0; i < 200 && told.v <= after; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(told.v).toBeGreaterThan(after);
      return told.p;
    };
    let opens = 0;
    /** A page load: redirects followed; a page that follows the class opens its socket. */
    const load = async (student: Client, path: string) => {
      let res = await student.get(path);
      while (res.status === 303) res = await student.get(location(res));
      const html = await res.text();
      if (html.includes("data-live-code")) opens++;
      return html;
    };
    /** A poll.js fetch, redirects followed: a page that follows the class is put in place, anything else loaded. */
    const fetched = async (student: Client, first: Response) => {
      let res = first;
      while (res.status === 303) res = await student.get(location(res));
      const html = await res.text();
      if (!html.includes("data-follow") && html.includes("data-live-code")) opens++;
      return html;
    };
    /** poll.js's advance(): fetch /quiz/q with the signal. */
    const advance = (student: Client, signal: string) =>
      student.get(`/quiz/q?pace=${encodeURIComponent(signal)}`).then((res) => fetched(student, res));
    for (const student of s.students) await load(student, `/c/${s.code}/joined`);
    let step = 0;
    const press = async (action: "open" | "close" | "reveal", shut: boolean) => {
      const before = told.v;
      await pressPace(s, step, action, shut, true);
      return heard(before);
    };
    for (let n = 1; n <= STATEMENTS; n++) {
      let signal = await press("open", true);
      step = n;
      for (const student of s.students) {
        const page = await advance(student, signal);
        const item = /name="item" value="([^"]+)"/.exec(page)?.[1] ?? "";
        // The answer form is data-inline: sent with fetch, "Your answer is in" put in place.
        const reply = await fetched(student, await student.post("/quiz/answer", { item, answer: "verified" }));
        expect(reply).toContain("Your answer is in");
      }
      signal = await press("close", false);
      for (const student of s.students) expect(await advance(student, signal)).toContain("Answers are in");
      signal = await press("reveal", true);
      // Each phone's answer page follows the class: the next "open" moves it on (above).
      for (const student of s.students) expect(await advance(student, signal)).toContain("You said");
    }
    for (const student of s.students) {
      const result = location(await student.post("/quiz/finish"));
      expect(result).toMatch(/^\/quiz\/result\?pace=/);
      expect(await (await student.get(result)).text()).toContain("Your result");
    }
    const played = s.snapshot();
    socket.close(1000, "done");
    // One socket per phone for the whole lesson: the one its "You're in" page opened.
    expect(opens).toBe(STUDENTS);
    task.meta.kv = {
      "teacher-paced, with JavaScript: 24 presses, 30 phones answer 8 and finish (page requests)": played,
      "teacher-paced, with JavaScript: the same with each socket opened": {
        ...played,
        room: (played.room ?? 0) + opens,
      },
    };
  });
});
