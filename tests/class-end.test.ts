/**
 * The teacher ends the class, on the real class object and local KV: every student still playing
 * is finished once with what they answered (one KV write each, none on a second end), the class
 * refuses joins and answers from then on, and the students' pages lead to their result.
 */

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ClassCreated, ClassInfo, ClassJoined } from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { studentPrefix } from "../src/store/class-keys";
import { call, countingKv, createClass, itemOn, join, location, play, rightly, wrongly } from "./class-helpers";
import { expectedErrors, failingKv } from "./quiz-helpers";

function send(path: string, body?: unknown, key?: string): Promise<Response> {
  return call(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function text(res: Response | Promise<Response>): Promise<string> {
  return (await res).text();
}

/** The student keys of a class that hold a finished result (KV metadata with a score). */
async function finishedKeys(code: string): Promise<string[]> {
  const { keys } = await env.SCORES.list({ prefix: studentPrefix(code) });
  return keys.filter((k) => typeof (k.metadata as { score?: unknown } | null)?.score === "number").map((k) => k.name);
}

describe("the teacher ends the class", () => {
  it("finishes each student still playing once, with what they answered; a second end writes nothing", async () => {
    const { code, teacher } = await createClass({ items: "6" });
    const ana = (await join(code, { nickname: "Ana" })).student;
    const ben = (await join(code, { nickname: "Ben" })).student;
    const cy = (await join(code, { nickname: "Cy" })).student;
    await play(ana, rightly, 3, { finish: false });
    await play(ben, wrongly);
    expect(await finishedKeys(code)).toHaveLength(1);

    const confirm = await text(teacher.get(`/c/${code}/teacher/end`));
    expect(confirm).toContain("Still playing: 1 student.");
    // Without the confirm field nothing ends.
    expect(location(await teacher.post(`/c/${code}/teacher/end`, {}))).toBe(`/c/${code}/teacher/end`);

    const counted = countingKv();
    const ended = await teacher.post(`/c/${code}/teacher/end`, { confirm: "end" }, { SCORES: counted.kv });
    expect(location(ended)).toBe(`/c/${code}/teacher?done=ended`);
    // Ana alone is finished now (Ben had finished; Cy answered nothing): one write.
    expect(counted.calls.filter((c) => c === "put")).toHaveLength(1);
    expect(await finishedKeys(code)).toHaveLength(2);
    const dashboard = await text(teacher.get(`/c/${code}/teacher?done=ended`));
    expect(dashboard).toContain("The class has ended.");
    expect(dashboard).toContain("Stopped early");
    expect(dashboard).not.toContain("End the class…");

    const again = countingKv();
    await teacher.post(`/c/${code}/teacher/end`, { confirm: "end" }, { SCORES: again.kv });
    expect(again.calls.filter((c) => c === "put")).toHaveLength(0);

    // Ana's phone: her next answer is not recorded; "You're in" leads to her result of 3.
    const next = await ana.get("/quiz/q");
    const item = itemOn(await text(ana.get(location(next))));
    const late = await ana.post("/quiz/answer", { item, answer: rightly(item) });
    expect(location(late)).toBe(`/c/${code}/joined`);
    const joined = await text(ana.get(`/c/${code}/joined`));
    expect(joined).toContain("The class has ended");
    expect(joined).toContain("Your result counts the 3 of 6 statements you answered.");
    const finish = await ana.post("/quiz/finish");
    expect(location(finish)).toBe("/quiz/result");
    expect(await text(ana.get("/quiz/result"))).toMatch(/3 of 3/);
    // Cy answered nothing: no result to show, and nothing stored.
    expect(await text(cy.get(`/c/${code}/joined`))).toContain("You did not answer any statement");
    expect(await finishedKeys(code)).toHaveLength(2);
    // Nobody joins an ended class.
    const newcomer = await join(code, { nickname: "Dee" });
    expect(newcomer.response.status).toBe(403);
    expect(await newcomer.response.text()).toContain("This class has ended");
  });

  it("a KV failure during the end leaves the result for the next end to write, once", async () => {
    expectedErrors();
    const { code, teacher } = await createClass({ items: "6" });
    const ana = (await join(code, { nickname: "Ana" })).student;
    await play(ana, rightly, 2, { finish: false });
    const failed = await teacher.post(`/c/${code}/teacher/end`, { confirm: "end" }, { SCORES: failingKv("put") });
    expect(failed.status).toBe(503);
    expect(await finishedKeys(code)).toHaveLength(0);
    const counted = countingKv();
    await teacher.post(`/c/${code}/teacher/end`, { confirm: "end" }, { SCORES: counted.kv });
    expect(counted.calls.filter((c) => c === "put")).toHaveLength(1);
    expect(await finishedKeys(code)).toHaveLength(1);
  });

  it("a teacher-paced class: a waiting phone is sent to its result, unshown verdicts and all", async () => {
    const { code, teacher } = await createClass({ items: "6", pace: "teacher" });
    const zara = (await join(code, { nickname: "Zara" })).student;
    await teacher.post(`/c/${code}/present/start`, {});
    const item = itemOn(await text(zara.get(location(await zara.get("/quiz/q")))));
    await zara.post("/quiz/answer", { item, answer: rightly(item) });
    await teacher.post(`/c/${code}/teacher/end`, { confirm: "end" });
    expect(location(await zara.get("/quiz/q"))).toBe(`/c/${code}/joined`);
    // The finish carries the ended class's pace, signed: the result shows at once, unshown verdicts and all.
    const result = location(await zara.post("/quiz/finish"));
    expect(result).toMatch(/^\/quiz\/result\?pace=/);
    expect(await text(zara.get(result))).toMatch(/1 of 1/);
  });
});

describe("JSON: ending a class", () => {
  it("POST …/end needs the key, says ended; then joins are 403 and answers 409, both class-ended", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { start: "join" })).json());
    const { code, teacherKey } = created;
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${code}/students`, { nickname: "Api" })).json(),
    );
    const first = joined.next;
    if (!first) throw new Error("no first statement");
    expect((await send(`/api/v1/classes/${code}/end`, {})).status).toBe(401);
    const res = await send(`/api/v1/classes/${code}/end`, {}, teacherKey);
    expect(res.status).toBe(200);
    expect(ClassInfo.parse(await res.json()).state).toBe("ended");
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${code}`)).json()).state).toBe("ended");

    const answer = await send("/api/v1/attempts/answer", { token: joined.token, itemId: first.id, answer: "verified" });
    expect(answer.status).toBe(409);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(Problem.parse(await answer.json()).type).toMatch(/class-ended$/);
    const late = await send(`/api/v1/classes/${code}/students`, { nickname: "Late" });
    expect(late.status).toBe(403);
    expect(Problem.parse(await late.json()).type).toMatch(/class-ended$/);
    // Extra fields are a 400, as for every teacher action.
    expect((await send(`/api/v1/classes/${code}/end`, { now: true }, teacherKey)).status).toBe(400);
  });
});
