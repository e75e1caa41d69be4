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
    const press = async (action: "open" | "close" | "reveal", shut: boolean) => {
      const res = await s.teacher.post(`/c/${s.code}/present/pace`, {
        action,
        step: String(step),
        shut: shut ? "1" : "0",
      });
      expect(res.status).toBe(303);
      await s.teacher.get(`/c/${s.code}/present`);
    };
    for (const student of s.students) await student.get("/quiz/q"); // each phone waits
    for (let n = 1; n <= STATEMENTS; n++) {
      await press("open", true);
      step = n;
      // Each phone is told, asks for the current statement, answers, and waits for the close.
      for (const student of s.students) {
        const page = await (await student.get(location(await student.get("/quiz/q")))).text();
        const item = /name="item" value="([^"]+)"/.exec(page)?.[1] ?? "";
        expect(location(await student.post("/quiz/answer", { item, answer: "verified" }))).toBe("/quiz/q");
        await student.get("/quiz/q"); // "Your answer is in"
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
      expect(location(await student.post("/quiz/finish"))).toBe("/quiz/result");
      await student.get("/quiz/result");
    }
    const played = s.snapshot();
    task.meta.kv = {
      "teacher-paced: create + sign in + 30 joins": joined,
      "teacher-paced: 16 presses, 30 phones follow, answer 8 and finish": played,
    };
  });
});
