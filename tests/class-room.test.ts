/**
 * The class's Durable Object (ClassRoom) on the real binding inside workerd, with the real local KV:
 * answers are final whatever token comes back, one name lets one student in, each finish is stored
 * once, a full class and a removed name are refused clearly, and deleting the class empties the object.
 * Also counts the KV and object operations of a class of 30 (docs/COSTS.md, "A lesson on the free plan").
 */
import { env, listDurableObjectIds, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { ClassCreated, ClassDashboard, ClassJoined } from "../src/routes/api/class-schemas";
import { studentPrefix } from "../src/store/class-keys";
import { call, countingKv, countingRoom, join, location } from "./class-helpers";
import { oneWindowLimiters } from "./one-window-limiters";

type Answer = "verified" | "unverified";

function json(method: string, path: string, body?: unknown, key?: string, bindings: Partial<Env> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  return call(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, bindings);
}

async function create(options: Record<string, unknown> = {}, bindings: Partial<Env> = {}) {
  const res = await json(
    "POST",
    "/api/v1/classes",
    { items: 8, board: true, start: "join", ...options },
    undefined,
    bindings,
  );
  expect(res.status).toBe(201);
  return ClassCreated.parse(await res.json());
}

async function joinApi(code: string, nickname: string, bindings: Partial<Env> = {}) {
  const res = await json("POST", `/api/v1/classes/${code}/students`, { nickname }, undefined, bindings);
  expect(res.status, nickname).toBe(201);
  return ClassJoined.parse(await res.json());
}

const verdictOf = (id: string): Answer => pack.itemById.get(id)?.verdict ?? "verified";
const other = (answer: Answer): Answer => (answer === "verified" ? "unverified" : "verified");

async function answerApi(token: string, itemId: string, answer: Answer, bindings: Partial<Env> = {}) {
  const res = await json("POST", "/api/v1/attempts/answer", { token, itemId, answer }, undefined, bindings);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    token: string;
    repeated: boolean;
    result: { answer: Answer; correct: boolean };
    next: { id: string } | null;
  };
}

/** Every KV key of a class's students, with metadata. */
async function studentKeys(code: string) {
  return (
    await env.SCORES.list<{ score?: number; answers?: string; finishedAt?: number }>({ prefix: studentPrefix(code) })
  ).keys;
}

describe("answers are final", () => {
  it("JSON: a replayed older token gets the recorded answer back, and the finish counts it", async () => {
    const klass = await create({ shuffle: false });
    const joined = await joinApi(klass.code, "Replay");
    const first = joined.next?.id ?? "";
    const right = verdictOf(first);

    const answered = await answerApi(joined.token, first, other(right)); // wrong
    expect(answered).toMatchObject({ repeated: false, result: { answer: other(right), correct: false } });
    // The token from before that answer, with the right answer: the recorded (wrong) one comes back.
    const replay = await answerApi(joined.token, first, right);
    expect(replay).toMatchObject({ repeated: true, result: { answer: other(right), correct: false } });
    expect(replay.token).not.toBe(joined.token); // a token that now carries the recorded answer
    const second = answered.next?.id ?? "";
    const third = (await answerApi(answered.token, second, verdictOf(second))).next?.id; // right

    // Finishing with an older token (without the second answer) scores what the object recorded.
    const finished = await json("POST", "/api/v1/attempts/finish", { token: replay.token });
    expect(await finished.json()).toMatchObject({ answered: 2, correct: 1 });
    const [key] = await studentKeys(klass.code);
    expect(key?.metadata).toMatchObject({ score: 1, answered: 2 });
    // After the finish the object records nothing new, even from a token that never saw it.
    const late = await json("POST", "/api/v1/attempts/answer", {
      token: joined.token,
      itemId: third,
      answer: "verified",
    });
    expect(late.status).toBe(409);
  });

  it("pages: a saved cookie cannot change an answer", async () => {
    const klass = await create({ shuffle: false });
    const { student, response } = await join(klass.code, { nickname: "Cookie" });
    expect(response.status).toBe(303);
    const saved = student.cookies.get("__Host-quiz") ?? "";
    const question = await student.get(location(await student.get("/quiz/q")));
    const itemId = /name="item" value="([a-z0-9-]+)"/.exec(await question.text())?.[1] ?? "";
    const right = verdictOf(itemId);

    expect((await student.post("/quiz/answer", { item: itemId, answer: other(right) })).status).toBe(303);
    student.cookies.set("__Host-quiz", saved); // the cookie from before the answer
    const again = await student.post("/quiz/answer", { item: itemId, answer: right });
    expect(location(again)).toBe(`/quiz/feedback/${itemId}?again=1`);
    expect(await (await student.get(`/quiz/feedback/${itemId}?again=1`)).text()).toContain("Not quite");

    // The cookie now carries the recorded answer: finishing scores it.
    expect(location(await student.post("/quiz/finish"))).toBe("/quiz/result");
    const [key] = await studentKeys(klass.code);
    expect(key?.metadata).toMatchObject({ score: 0, answered: 1 });
  });
});

describe("names, size and removals", () => {
  it("30 simultaneous joins under one name let exactly one in", async () => {
    const klass = await create();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        json("POST", `/api/v1/classes/${klass.code}/students`, { nickname: i % 2 ? "Sam" : "sam" }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    expect(await studentKeys(klass.code)).toHaveLength(1);
  });

  it("a full class is refused with a clear message; a removed name until the teacher lets it back", async () => {
    const klass = await create({ size: 2 });
    const ana = await joinApi(klass.code, "Ana");
    await joinApi(klass.code, "Ben");
    const full = await json("POST", `/api/v1/classes/${klass.code}/students`, { nickname: "Cy" });
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({
      title: "This class is full",
      detail: expect.stringContaining("has room for 2 students"),
    });

    const dash = async () =>
      ClassDashboard.parse(
        await (await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, klass.teacherKey)).json(),
      );
    const id = (await dash()).students.find((s) => s.nickname === "Ana")?.id ?? "";
    expect(
      (await json("DELETE", `/api/v1/classes/${klass.code}/students/${id}`, undefined, klass.teacherKey)).status,
    ).toBe(204);
    expect((await dash()).removed).toEqual([{ id, nickname: "Ana" }]);

    // The freed place is taken by someone else; the removed name is refused with its own message.
    const removed = await json("POST", `/api/v1/classes/${klass.code}/students`, { nickname: "ANA" });
    expect(removed.status).toBe(403);
    expect(await removed.json()).toMatchObject({ detail: expect.stringContaining("Your teacher removed this name") });
    // The old attempt's finish is not stored.
    const next = ana.next?.id ?? "";
    await answerApi(ana.token, next, verdictOf(next));
    await json("POST", "/api/v1/attempts/finish", { token: ana.token });
    expect(await studentKeys(klass.code)).toHaveLength(1);

    const allow = (key?: string) => json("POST", `/api/v1/classes/${klass.code}/students/${id}/allow-back`, {}, key);
    expect((await allow()).status).toBe(401);
    expect((await allow(klass.teacherKey)).status).toBe(204);
    expect((await allow(klass.teacherKey)).status).toBe(404);
    expect((await dash()).removed).toEqual([]);
    await joinApi(klass.code, "Ana");
  });
});

describe("finishing", () => {
  it("30 simultaneous finishes (each sent twice) store 30 results, each once, in KV", async () => {
    const klass = await create({ items: 6 });
    const students = await Promise.all(Array.from({ length: 30 }, (_, i) => joinApi(klass.code, `Student ${i + 1}`)));
    const tokens = await Promise.all(
      students.map(async (s) => (await answerApi(s.token, s.next?.id ?? "", "verified")).token),
    );
    const kv = countingKv();
    const finishes = await Promise.all(
      [...tokens, ...tokens].map((token) =>
        json("POST", "/api/v1/attempts/finish", { token }, undefined, { SCORES: kv.kv }),
      ),
    );
    expect(finishes.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(kv.calls.filter((c) => c === "put")).toHaveLength(30);
    const keys = await studentKeys(klass.code);
    expect(keys).toHaveLength(30);
    expect(keys.every((k) => typeof k.metadata?.finishedAt === "number" && k.metadata.answers?.length === 6)).toBe(
      true,
    );
  });
});

describe("deleting a class", () => {
  it("removes the object's data (and its alarm) and every KV record", async () => {
    const klass = await create();
    const a = await joinApi(klass.code, "Ana");
    await answerApi(a.token, a.next?.id ?? "", "verified");
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(klass.code));
    const before = await runInDurableObject(stub, async (_, state) => ({
      rows: state.storage.sql.exec("SELECT COUNT(*) AS n FROM answers").one().n,
      alarm: await state.storage.getAlarm(),
    }));
    expect(before.rows).toBe(1);
    expect(before.alarm).toBe(Date.parse(klass.expiresAt));
    expect((await listDurableObjectIds(env.CLASS_ROOM)).some((id) => id.equals(stub.id))).toBe(true);

    expect((await json("DELETE", `/api/v1/classes/${klass.code}`, undefined, klass.teacherKey)).status).toBe(200);
    // Only the tombstone is left (the object refuses joins and finishes), until the class's expiry.
    const tablesOf = (state: DurableObjectState) =>
      state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'")
        .toArray()
        .map((r) => r.name);
    const after = await runInDurableObject(stub, async (_, state) => ({
      tables: tablesOf(state),
      alarm: await state.storage.getAlarm(),
    }));
    expect(after).toEqual({ tables: ["tomb"], alarm: Date.parse(klass.expiresAt) });
    expect((await env.SCORES.list({ prefix: `v1:class:${klass.code}` })).keys).toEqual([]);
    // A student still playing: their answer and finish create nothing again.
    await answerApi(a.token, a.next?.id ?? "", "unverified");
    await json("POST", "/api/v1/attempts/finish", { token: a.token });
    expect(await runInDurableObject(stub, async (_, state) => tablesOf(state))).toEqual(["tomb"]);
    expect((await env.SCORES.list({ prefix: `v1:class:${klass.code}` })).keys).toEqual([]);
  });
});

describe("the 30-day alarm", () => {
  it("empties the object when it fires", async () => {
    const klass = await create();
    await joinApi(klass.code, "Ana");
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(klass.code));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const tables = await runInDurableObject(
      stub,
      (_, state) => state.storage.sql.exec("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").one().n,
    );
    expect(tables).toBe(0);
  });
});

describe("the cost of a class of 30 (8 statements each)", () => {
  it("counts KV and Durable Object operations", async () => {
    const kv = countingKv();
    const room = countingRoom();
    // The limiters in memory (tests/one-window-limiters.ts): 90 fewer round trips, and none counted here.
    const bindings = { SCORES: kv.kv, CLASS_ROOM: room.ns, ...oneWindowLimiters() };
    const klass = await create({ items: 8 }, bindings);
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const joined = await joinApi(klass.code, `Reader ${i + 1}`, bindings);
        let token = joined.token;
        let next: { id: string } | null = joined.next;
        while (next) {
          const answered = await answerApi(token, next.id, verdictOf(next.id), bindings);
          token = answered.token;
          next = answered.next;
        }
        const finished = await json("POST", "/api/v1/attempts/finish", { token }, undefined, bindings);
        expect(finished.status).toBe(200);
      }),
    );
    const dash = await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, klass.teacherKey, bindings);
    expect(dash.status).toBe(200);
    const board = await json("GET", `/api/v1/classes/${klass.code}/board`, undefined, undefined, bindings);
    expect(board.status).toBe(200);

    const count = (list: string[], name: string) => list.filter((c) => c === name).length;
    // Object: 30 joins and 30 checks that the class still stands after each join's KV write (a
    // delete is final), 240 answers, 30 finishes and 30 "saved" marks, and one view for the
    // dashboard, which the public board shares a moment later.
    expect(room.calls).toHaveLength(361);
    expect(count(room.calls, "kept")).toBe(30);
    expect(count(room.calls, "view")).toBe(1);
    expect([count(room.calls, "join"), count(room.calls, "answer"), count(room.calls, "finish")]).toEqual([
      30, 240, 30,
    ]);
    // KV writes: the class, 30 joins, 30 finished results.
    expect(count(kv.calls, "put")).toBe(61);
    // KV reads: a free-code check at creation, the class record at each join and finish (fresh),
    // and the teacher's sign-in (at most one, isolate memory may answer it); no list: the object
    // holds the roster and the results.
    expect(count(kv.calls, "get")).toBeGreaterThanOrEqual(61);
    expect(count(kv.calls, "get")).toBeLessThanOrEqual(62);
    expect(count(kv.calls, "list")).toBe(0);
  });
});
