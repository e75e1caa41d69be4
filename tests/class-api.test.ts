/**
 * The classroom JSON API in workerd with the real local KV: create, join, play
 * through the ordinary /api/v1/attempts endpoints, board, and the teacher's
 * endpoints behind `Authorization: Bearer <key>`. Bodies are parsed with the
 * same zod schemas the OpenAPI document is generated from.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import {
  ClassBoard,
  ClassCreated,
  ClassDashboard,
  ClassDeleted,
  ClassInfo,
  ClassJoined,
} from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { studentPrefix } from "../src/store/class-keys";
import { call } from "./class-helpers";

function json(method: string, path: string, body?: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  return call(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function create(options: Record<string, unknown> = {}) {
  const res = await json("POST", "/api/v1/classes", { items: 6, board: true, start: "join", ...options });
  expect(res.status).toBe(201);
  return { res, body: ClassCreated.parse(await res.json()) };
}

async function joinApi(code: string, body: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    const res = await json("POST", `/api/v1/classes/${code}/students`, body);
    if (res.status !== 429 || attempt > 30) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Plays a joined student through POST /api/v1/attempts/answer and /finish. */
async function playApi(joined: ClassJoined, rightly: boolean, count = Number.POSITIVE_INFINITY) {
  let token = joined.token;
  let next: { id: string } | null = joined.next;
  let answered = 0;
  while (next && answered < count) {
    const verdict = pack.itemById.get(next.id)?.verdict ?? "verified";
    const answer = rightly ? verdict : verdict === "verified" ? "unverified" : "verified";
    const res = await json("POST", "/api/v1/attempts/answer", { token, itemId: next.id, answer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; next: { id: string } | null };
    token = body.token;
    next = body.next;
    answered++;
  }
  const finished = await json("POST", "/api/v1/attempts/finish", { token });
  expect(finished.status).toBe(200);
  return finished.json() as Promise<{ correct: number; answered: number }>;
}

describe("POST /api/v1/classes", () => {
  it("creates a class: code, join URL, QR SVG with an accessible name, and the key once, never cached", async () => {
    const { res, body } = await create({ name: "API class", names: "typed", shuffle: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("location")).toBe(`/api/v1/classes/${body.code}`);
    expect(body.joinUrl).toBe(`http://localhost/c/${body.code}`);
    expect(body.itemCount).toBe(6);
    expect(body.teacherKey).toMatch(/^tk_[A-Za-z0-9_-]{32}$/);
    expect(body.qrSvg).toMatch(
      /^<svg [^>]*role="img" aria-label="QR code that opens http:\/\/localhost\/c\/[A-Z0-9]{6}"/,
    );
    expect(body.qrSvg).toContain("<title>");
    expect(JSON.stringify({ ...body, teacherKey: "" })).not.toContain(body.teacherKey);
  });

  it("names the field at fault", async () => {
    const res = await json("POST", "/api/v1/classes", { items: 7 });
    expect(res.status).toBe(400);
    const problem = Problem.parse(await res.json());
    expect(problem.field).toBe("body.items");
    const extra = Problem.parse(await (await json("POST", "/api/v1/classes", { secret: 1 })).json());
    expect(extra.field).toBe("body.secret");
  });
});

describe("joining and playing over JSON", () => {
  it("joins with a nickname and stores the finished attempt under the class, not as a public attempt", async () => {
    const { body: klass } = await create();
    const info = ClassInfo.parse(await (await call(`/api/v1/classes/${klass.code.toLowerCase()}`)).json());
    expect(info).toMatchObject({ code: klass.code, open: true, names: "typed", itemCount: 6, board: true });

    const res = await joinApi(klass.code, { nickname: "Json Jo" });
    expect(res.status).toBe(201);
    const joined = ClassJoined.parse(await res.json());
    expect(joined).toMatchObject({ code: klass.code, nickname: "Json Jo", total: 6, answered: 0 });

    const before = (await env.SCORES.list({ prefix: "v1:quiz:" })).keys.length;
    // All six, all right: a class's draw holds both verdicts (30-70% verified), so discernment is 1.
    // (Four of them, as this test once played, were sometimes all of one verdict: discernment 0.)
    const result = await playApi(joined, true);
    expect(result).toMatchObject({ correct: 6, answered: 6 });
    expect((await env.SCORES.list({ prefix: "v1:quiz:" })).keys.length).toBe(before);
    const [student] = (await env.SCORES.list({ prefix: studentPrefix(klass.code) })).keys;
    expect(student?.metadata).toMatchObject({ nick: "Json Jo", score: 6, answered: 6, discernment: 1 });

    const board = ClassBoard.parse(await (await call(`/api/v1/classes/${klass.code}/board`)).json());
    expect(board.rows).toEqual([
      { rank: 1, tied: false, nickname: "Json Jo", correct: 6, answered: 6, discernment: 1 },
    ]);
  });

  it("refuses bad nicknames (422), taken ones (409) and closed classes (403), naming the field", async () => {
    const { body: klass } = await create();
    const bad = await joinApi(klass.code, { nickname: "x" });
    expect(bad.status).toBe(422);
    expect(Problem.parse(await bad.json()).field).toBe("body.nickname");
    expect((await joinApi(klass.code, { nickname: "Taken" })).status).toBe(201);
    const taken = await joinApi(klass.code, { nickname: "TAKEN" });
    expect(taken.status).toBe(409);
    expect(Problem.parse(await taken.json()).detail).toContain("TAKEN 2");

    expect((await json("POST", `/api/v1/classes/${klass.code}/close`, {}, klass.teacherKey)).status).toBe(200);
    const closed = await joinApi(klass.code, { nickname: "Too late" });
    expect(closed.status).toBe(403);
    expect(Problem.parse(await closed.json()).type).toBe("/api/v1/problems/class-closed");
  });

  it("gives a made-up name in a generated-names class, whatever is sent", async () => {
    const { body: klass } = await create({ names: "generated" });
    const res = await joinApi(klass.code, { nickname: "Typed" });
    expect(res.status).toBe(201);
    expect(ClassJoined.parse(await res.json()).nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it("404s an unknown code", async () => {
    expect((await call("/api/v1/classes/ZZZZZZ")).status).toBe(404);
    expect((await joinApi("ZZZZZZ", { nickname: "Nobody" })).status).toBe(404);
  });
});

describe("teacher endpoints", () => {
  it("no key: 401 with WWW-Authenticate; wrong key: 403; no such class: the same 403", async () => {
    const { body: klass } = await create({ name: "Hidden name" });
    const missing = await call(`/api/v1/classes/${klass.code}/dashboard`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, "tk_wrong");
    const none = await json("GET", "/api/v1/classes/ZZZZZZ/dashboard", undefined, klass.teacherKey);
    expect(wrong.status).toBe(403);
    expect(none.status).toBe(403);
    const wrongText = await wrong.text();
    expect(wrongText).toBe(await none.text());
    expect(wrongText).not.toContain("Hidden name");
    for (const [method, path] of [
      ["GET", "results.csv"],
      ["POST", "close"],
      ["DELETE", "students/AAAAAAAAAAAAAAAAAAAAAA"],
      ["DELETE", ""],
    ] as const) {
      const res = await json(method, `/api/v1/classes/${klass.code}/${path}`.replace(/\/$/, ""), undefined, "tk_x");
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it("the dashboard ranks the statements that fooled the class once five have answered them", async () => {
    const { body: klass } = await create({ board: false, shuffle: false });
    const players = ["Ann", "Bo", "Cy", "Di", "Ed"];
    for (const [i, nickname] of players.entries()) {
      const joined = ClassJoined.parse(await (await joinApi(klass.code, { nickname })).json());
      // The first four get everything wrong; the last gets everything right.
      await playApi(joined, i === players.length - 1);
    }
    const dash = ClassDashboard.parse(
      await (await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, klass.teacherKey)).json(),
    );
    expect(dash.mostFooled).toHaveLength(3);
    expect(dash.mostFooled.map((item) => [item.answered, item.correct])).toEqual([
      [5, 1],
      [5, 1],
      [5, 1],
    ]);
    expect(dash.mostFooled[0]?.prompt.length).toBeGreaterThan(20);
  });

  it("the dashboard, CSV, remove and delete work with the key", async () => {
    const { body: klass } = await create({ board: false });
    const a = ClassJoined.parse(await (await joinApi(klass.code, { nickname: "=cmd()" })).json());
    const b = ClassJoined.parse(await (await joinApi(klass.code, { nickname: "Bee" })).json());
    await playApi(a, false);
    await playApi(b, true, 3);
    await joinApi(klass.code, { nickname: "Still playing" });

    // A hidden board: 403 for students, 200 with the key.
    expect((await call(`/api/v1/classes/${klass.code}/board`)).status).toBe(403);
    const board = await json("GET", `/api/v1/classes/${klass.code}/board`, undefined, klass.teacherKey);
    expect(ClassBoard.parse(await board.json()).rows.map((r) => r.nickname)).toEqual(["Bee", "=cmd()"]);

    const dash = ClassDashboard.parse(
      await (await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, klass.teacherKey)).json(),
    );
    expect(dash).toMatchObject({ joined: 3, finished: 2 });
    expect(dash.items).toHaveLength(6);
    // Two finishers: no statement has the five answers a ranking needs.
    expect(dash.mostFooled).toEqual([]);
    expect(dash.students.find((s) => s.nickname === "=cmd()")).toMatchObject({
      correct: 0,
      discernment: -1,
      status: "finished",
      progress: 6,
    });
    expect(dash.students.find((s) => s.nickname === "Bee")).toMatchObject({ status: "stopped early", progress: 3 });
    const still = dash.students.find((s) => s.nickname === "Still playing");
    expect(still).toMatchObject({ status: "playing", correct: null });
    // Nothing answered yet: 0 from the class's object, null from a KV entry (which does not know).
    expect([0, null]).toContain(still?.progress);
    expect(dash.class.answered).toBe(9);

    const csv = await json("GET", `/api/v1/classes/${klass.code}/results.csv`, undefined, klass.teacherKey);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("\r\n'=cmd(),finished,6,0,-1,");
    expect(text).toContain("\r\nBee,stopped early,3,");
    expect(text).toContain("\r\n\r\nQ1,");

    const playing = dash.students.find((s) => s.nickname === "Still playing");
    const removed = await json(
      "DELETE",
      `/api/v1/classes/${klass.code}/students/${playing?.id}`,
      undefined,
      klass.teacherKey,
    );
    expect(removed.status).toBe(204);
    const again = await json(
      "DELETE",
      `/api/v1/classes/${klass.code}/students/${playing?.id}`,
      undefined,
      klass.teacherKey,
    );
    expect(again.status).toBe(404);

    const deleted = await json("DELETE", `/api/v1/classes/${klass.code}`, undefined, klass.teacherKey);
    expect(deleted.status).toBe(200);
    expect(ClassDeleted.parse(await deleted.json())).toEqual({ code: klass.code, deletedKeys: 3 });
    expect((await env.SCORES.list({ prefix: `v1:class:${klass.code}` })).keys).toEqual([]);
    expect((await json("GET", `/api/v1/classes/${klass.code}/dashboard`, undefined, klass.teacherKey)).status).toBe(
      403,
    );
  });
});
