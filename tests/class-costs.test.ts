/**
 * The cost paths of docs/COSTS.md under a loop from one address, on the real class object and
 * local KV: the pace buttons are limited per class and per address (each press, stale or not, is
 * an object request); dashboard reads, replayed tokens and pages that ask where the class is stay
 * within the table's bounds, counted call by call; 200 students behind one address are served; a
 * delete is final, and a create that fails writes nothing.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import app from "../src/index";
import { ClassCreated, ClassJoined } from "../src/routes/api/class-schemas";
import { verdictOf } from "../src/services/verdicts";
import { forgetClass } from "../src/store/roster-cache";
import { call, countingKv, countingRoom } from "./class-helpers";
import { oneWindowLimiters } from "./one-window-limiters";
import { expectedErrors, failingKv } from "./quiz-helpers";

function send(path: string, body?: unknown, key?: string, address?: string, bindings: Partial<Env> = {}) {
  return call(
    path,
    {
      method: body === undefined ? "GET" : "POST",
      headers: {
        "content-type": "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(address ? { "cf-connecting-ip": address } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    bindings,
  );
}

async function newClass(pace: "teacher" | "student" = "student", options: Record<string, unknown> = {}) {
  return ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, pace, ...options })).json());
}

const count = (calls: string[], name: string) => calls.filter((c) => c === name).length;

describe("cost paths from one address", () => {
  it("stale pace presses are refused after 20 in ten seconds for a class, with Retry-After", async () => {
    const klass = await newClass("teacher");
    // However slow this machine, all 30 fall in one window of the limiter (tests/one-window-limiters.ts).
    const limiters = oneWindowLimiters();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      // Each from its own address: the class's own limit stops them.
      const res = await send(
        `/api/v1/classes/${klass.code}/pace`,
        { action: "close", step: 0, shut: true },
        klass.teacherKey,
        undefined,
        limiters,
      );
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toBe("10");
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  it("pace presses from one address over many classes are refused after 120 a minute", async () => {
    const address = "203.0.113.200";
    const classes = await Promise.all(Array.from({ length: 7 }, () => newClass("teacher")));
    // All in one window of each limiter: each class stays under its 20, the address stops at 120.
    const limiters = oneWindowLimiters();
    let refusedAt = 0;
    for (let i = 0; i < 140 && refusedAt === 0; i++) {
      const klass = classes[i % classes.length] as ClassCreated;
      const res = await send(
        `/api/v1/classes/${klass.code}/pace`,
        { action: "close", step: 0, shut: true },
        klass.teacherKey,
        address,
        limiters,
      );
      if (res.status === 429) refusedAt = i + 1;
      await res.body?.cancel();
    }
    expect(refusedAt).toBe(121);
  });
});

describe("a loop from one address, counted", () => {
  const address = "203.0.113.210";

  it("dashboard reads, replays, status reads and pace presses each stay within their bound", async () => {
    const kv = countingKv();
    const room = countingRoom();
    const bindings = { SCORES: kv.kv, CLASS_ROOM: room.ns, ...oneWindowLimiters() };
    const klass = await newClass("teacher");
    const { code, teacherKey } = klass;
    const loop = async (times: number, request: () => Promise<Response>) => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) {
        const res = await request();
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        await res.body?.cancel();
      }
      return { ok: statuses.filter((s) => s < 400).length, refused: statuses.filter((s) => s === 429).length };
    };
    const spent = (from: number) => ({ room: room.calls.length - from, lists: count(kv.calls, "list") });

    // Dashboard reads of a class nobody has joined yet: 120 a minute per class reach the object,
    // and none lists KV (the object keeps every join of a class made since it does).
    let before = room.calls.length;
    const dashboard = await loop(200, () =>
      send(`/api/v1/classes/${code}/dashboard`, undefined, teacherKey, address, bindings),
    );
    expect(dashboard).toEqual({ ok: 120, refused: 80 });
    expect(spent(before)).toEqual({ room: 120, lists: 0 });

    // An older class (no `room` mark: its roster may be in KV alone), empty: listed once, then
    // the empty roster is kept like a full one.
    const older = await newClass("student");
    const stored = (await env.SCORES.get(`v1:class:${older.code}`, "json")) as Record<string, unknown>;
    const { room: _, ...unmarked } = stored;
    await env.SCORES.put(`v1:class:${older.code}`, JSON.stringify(unmarked));
    await forgetClass(older.code);
    const olderReads = await loop(50, () =>
      send(`/api/v1/classes/${older.code}/dashboard`, undefined, older.teacherKey, address, bindings),
    );
    expect(olderReads).toEqual({ ok: 50, refused: 0 });
    expect(count(kv.calls, "list")).toBe(1);

    // Stale pace presses: 20 per class in 10 s (one window here), each one object request.
    before = room.calls.length;
    const stale = { action: "close", step: 0, shut: true };
    const presses = await loop(60, () => send(`/api/v1/classes/${code}/pace`, stale, teacherKey, address, bindings));
    expect(presses).toEqual({ ok: 20, refused: 40 });
    expect(spent(before).room).toBe(20);

    // The class opens its first statement (from another address), and a student joins.
    const open = { action: "open", step: 0, shut: true };
    expect((await send(`/api/v1/classes/${code}/pace`, open, teacherKey, "198.51.100.9")).status).toBe(200);
    const joined = ClassJoined.parse(
      await (
        await send(`/api/v1/classes/${code}/students`, { nickname: "Replay" }, undefined, address, bindings)
      ).json(),
    );
    const itemId = joined.next?.id ?? "";

    // A replayed token that lacks its answer reaches the object each time: 120 a minute per attempt.
    before = room.calls.length;
    const replays = await loop(200, () =>
      send(
        "/api/v1/attempts/answer",
        { token: joined.token, itemId, answer: "verified" },
        undefined,
        address,
        bindings,
      ),
    );
    expect(replays).toEqual({ ok: 120, refused: 80 });
    expect(spent(before).room).toBe(120);
    expect(count(room.calls, "answer")).toBe(120);

    // A page that asks where the class is (no signed pace from the socket): the same allowance,
    // per attempt, shared with that attempt's answers: the replays spent it, so none reach the object.
    const second = ClassJoined.parse(
      await (
        await send(`/api/v1/classes/${code}/students`, { nickname: "Reader" }, undefined, address, bindings)
      ).json(),
    );
    const cookie = { cookie: `__Host-quiz=${second.token}`, "cf-connecting-ip": address };
    before = room.calls.length;
    const reads = await loop(200, () => call("/quiz/q", { headers: cookie }, bindings));
    expect(reads).toEqual({ ok: 120, refused: 80 });
    expect(spent(before).room).toBe(120);
    // A refused page is a page that says to wait; a refused JSON request is problem+json.
    const page = await call("/quiz/q", { headers: cookie }, bindings);
    expect([page.status, page.headers.get("retry-after")]).toEqual([429, "60"]);
    expect(page.headers.get("content-type")).toContain("text/html");
    const text = await page.text();
    expect(text).toContain("Please wait a moment");
    expect(text).toContain("Wait a minute and try again.");
    const problem = await send(`/api/v1/classes/${code}/dashboard`, undefined, teacherKey, address, bindings);
    expect([problem.status, problem.headers.get("retry-after")]).toEqual([429, "60"]);
    expect(problem.headers.get("content-type")).toContain("application/problem+json");
    await problem.body?.cancel();
    // Live sockets of a class of 10: 10 a seat a minute from one address, its teacher's screens
    // counting 10 seats more (two keys of 100): a script gets no more than the class's size allows.
    const small = await newClass("student", { size: 10 });
    before = room.calls.length;
    const sockets = await loop(220, async () => {
      const headers = { upgrade: "websocket", "cf-connecting-ip": address };
      const res = await call(`/c/${small.code}/live`, { headers }, bindings);
      res.webSocket?.accept();
      res.webSocket?.close();
      return res;
    });
    expect(sockets).toEqual({ ok: 200, refused: 20 });
    expect(spent(before).room).toBe(200);

    // The stale presses, the replays, the reads and the sockets listed nothing.
    expect(count(kv.calls, "list")).toBe(1);
  });
});

describe("200 students behind one school address", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("join, open their sockets and finish, all of them", async () => {
    const address = "203.0.113.220";
    const room = countingRoom();
    const bindings = { CLASS_ROOM: room.ns, ...oneWindowLimiters() };
    const klass = await newClass("student", { size: 200, start: "join" });
    // The joins arrive over a few minutes, as 200 students typing names do (the app's clock, faked,
    // moves a second a student; the class's join bucket lets 10 in at once, then one a second).
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    const students: ClassJoined[] = [];
    for (let i = 0; i < 200; i++) {
      vi.setSystemTime(t0 + i * 1000);
      const nickname = `Student ${i + 1}`;
      const res = await send(`/api/v1/classes/${klass.code}/students`, { nickname }, undefined, address, bindings);
      if (res.status !== 201) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
      students.push(ClassJoined.parse(await res.json()));
    }
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await call(
        `/c/${klass.code}/live`,
        { headers: { upgrade: "websocket", "cf-connecting-ip": address } },
        bindings,
      );
      expect(res.status).toBe(101);
      const socket = res.webSocket;
      if (!socket) throw new Error("no socket");
      socket.accept();
      sockets.push(socket);
    }
    for (const student of students) {
      const itemId = student.next?.id ?? "";
      const answered = await send(
        "/api/v1/attempts/answer",
        { token: student.token, itemId, answer: verdictOf(itemId) ?? "verified" },
        undefined,
        address,
        bindings,
      );
      expect(answered.status).toBe(200);
      const { token } = (await answered.json()) as { token: string };
      const finished = await send("/api/v1/attempts/finish", { token }, undefined, address, bindings);
      expect(finished.status).toBe(200);
      await finished.body?.cancel();
    }
    for (const socket of sockets) socket.close();
    // Each student: a join and its check, a socket, an answer, a finish and its "saved" mark.
    expect([count(room.calls, "join"), count(room.calls, "kept"), count(room.calls, "fetch")]).toEqual([200, 200, 200]);
    expect([count(room.calls, "answer"), count(room.calls, "finish"), count(room.calls, "saved")]).toEqual([
      200, 200, 200,
    ]);
    const keys = await env.SCORES.list({ prefix: `v1:class:${klass.code}:s:` });
    expect(keys.keys).toHaveLength(200);
    // 800 requests in a row on a shared machine: a generous timeout, no timed assertion.
  }, 180_000);
});

/** SCORES whose puts wait until release(): a KV write that lands after everything else. */
function heldPuts() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let puts = 0;
  const kv = new Proxy(env.SCORES, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      if (prop !== "put") return value.bind(target);
      return async (...args: Parameters<KVNamespace["put"]>) => {
        puts++;
        await gate;
        return target.put(...args);
      };
    },
  });
  const waiting = async (n: number) => {
    while (puts < n) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { kv, release, waiting };
}

describe("delete is final", () => {
  it("a delete racing 40 joins and 10 finishes (their KV writes landing after it) leaves no key of the class; the object refuses after", async () => {
    const klass = await newClass("student", { size: 200, start: "join" });
    // Ten students have answered and finish during the race; forty more join during it.
    const playing = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const joined = ClassJoined.parse(
          await (await send(`/api/v1/classes/${klass.code}/students`, { nickname: `Early ${i}` })).json(),
        );
        const itemId = joined.next?.id ?? "";
        const res = await send("/api/v1/attempts/answer", { token: joined.token, itemId, answer: "verified" });
        return ((await res.json()) as { token: string }).token;
      }),
    );
    // The worst order: the object admits 40 joins and records 10 finishes, then the delete runs
    // to its end, and only then do their KV writes land (held back here until the delete is done).
    const held = heldPuts();
    const joins = Array.from({ length: 40 }, (_, i) =>
      send(`/api/v1/classes/${klass.code}/students`, { nickname: `Racer ${i}` }, undefined, undefined, {
        SCORES: held.kv,
      }),
    );
    const finishes = playing.map((token) =>
      send("/api/v1/attempts/finish", { token }, undefined, undefined, { SCORES: held.kv }),
    );
    await held.waiting(50);
    const deleted = await call(`/api/v1/classes/${klass.code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${klass.teacherKey}` },
    });
    expect(deleted.status).toBe(200);
    held.release();
    const settled = await Promise.all([...joins, ...finishes]);
    // Each join learns the class is gone (and deletes the key it wrote); each finish shows the
    // student their result (and deletes the key it wrote).
    expect(settled.slice(0, 40).map((res) => res.status)).toEqual(Array(40).fill(404));
    expect(settled.slice(40).map((res) => res.status)).toEqual(Array(10).fill(200));
    expect((await env.SCORES.list({ prefix: `v1:class:${klass.code}` })).keys).toEqual([]);

    // From now on the object refuses joins and finishes, and nothing is written again.
    const late = await send(`/api/v1/classes/${klass.code}/students`, { nickname: "Late" });
    expect(late.status).toBe(404);
    await late.body?.cancel();
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(klass.code));
    const expiresAt = Date.parse(klass.expiresAt);
    const refused = await stub.join(
      { expiresAt, size: 200, gated: false },
      { sid: "A".repeat(22), nick: "Late", attemptId: "late", now: Date.now(), client: "x", items: [] },
    );
    expect(refused).toEqual({ ok: false, refused: "deleted" });
    expect(await stub.kept()).toBe(false);
    for (const token of playing) {
      const again = await send("/api/v1/attempts/finish", { token });
      expect(again.status).toBe(200);
      await again.body?.cancel();
    }
    expect((await env.SCORES.list({ prefix: `v1:class:${klass.code}` })).keys).toEqual([]);
  });

  it("a new class that draws a deleted class's code is not refused", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("TOMB23"));
    const student = { sid: "B".repeat(22), nick: "Ana", attemptId: "a1", now: Date.now(), client: "x", items: [] };
    expect((await stub.join({ expiresAt: 1000, size: 5, gated: false }, student)).ok).toBe(true);
    await stub.destroy({ expiresAt: 1000 });
    expect((await stub.join({ expiresAt: 1000, size: 5, gated: false }, student)).ok).toBe(false);
    expect((await stub.join({ expiresAt: 2000, size: 5, gated: false }, student)).ok).toBe(true);
    expect(await stub.kept()).toBe(true);
  });
});

describe("a create that fails writes nothing", () => {
  const classKeys = async () => (await env.SCORES.list({ prefix: "v1:class:" })).keys.length;

  it("when KV refuses the write: a 503, and no class record", async () => {
    expectedErrors();
    const before = await classKeys();
    const res = await send("/api/v1/classes", { items: 6 }, undefined, undefined, { SCORES: failingKv("put") });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await classKeys()).toBe(before);
  });

  it("without a public address (PUBLIC_ORIGIN unset, another Host): a 503, and no class record", async () => {
    expectedErrors();
    const before = await classKeys();
    for (const [path, init] of [
      ["/api/v1/classes", { headers: { "content-type": "application/json" }, body: "{}" }],
      [
        "/teach",
        {
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://school.example" },
          body: "items=6&names=typed",
        },
      ],
    ] as const) {
      const res = await app.request(
        `http://school.example${path}`,
        { method: "POST", ...init, headers: { ...init.headers, "cf-connecting-ip": "198.51.100.201" } },
        { ...env, PUBLIC_ORIGIN: "" },
      );
      expect(res.status).toBe(503);
    }
    expect(await classKeys()).toBe(before);
  });
});
