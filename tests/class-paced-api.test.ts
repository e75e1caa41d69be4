/**
 * A teacher-paced class over the JSON API, on the real class object: an answer's verdict is held
 * back until the teacher shows its answer, not merely closes it (as the pages do), and a late joiner starts at the
 * open statement, the missed ones counted as not answered, never wrong.
 */
import { describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { ClassCreated, ClassJoined } from "../src/routes/api/class-schemas";
import { AnswerResponse, AttemptResultBody } from "../src/routes/api/schemas";
import { call } from "./class-helpers";

function send(path: string, body?: unknown, key?: string): Promise<Response> {
  return call(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function pacedClass(items = 6) {
  const created = ClassCreated.parse(await (await send("/api/v1/classes", { items, pace: "teacher" })).json());
  let pace = { step: 0, shut: true };
  const press = async (action: "open" | "close" | "reveal") => {
    const res = await send(`/api/v1/classes/${created.code}/pace`, { action, ...pace }, created.teacherKey);
    expect(res.status).toBe(200);
    const moved = (await res.json()) as { step: number; shut: boolean };
    pace = { step: moved.step, shut: moved.shut };
  };
  const joinAs = async (nickname: string) => {
    const res = await send(`/api/v1/classes/${created.code}/students`, { nickname });
    expect(res.status).toBe(201);
    return ClassJoined.parse(await res.json());
  };
  return { code: created.code, press, joinAs };
}

async function answer(token: string, itemId: string, given: "verified" | "unverified") {
  const res = await send("/api/v1/attempts/answer", { token, itemId, answer: given });
  expect(res.status).toBe(200);
  return AnswerResponse.parse(await res.json());
}

describe("a teacher-paced class over the JSON API", () => {
  it("holds back the verdict until the teacher closes the statement, then gives it on a repeat", async () => {
    const klass = await pacedClass();
    const ana = await klass.joinAs("Ana");
    expect(ana.next?.position).toBe(1);
    const itemId = ana.next?.id ?? "";
    await klass.press("open");
    const held = await answer(ana.token, itemId, "verified");
    expect(held.result).toEqual({ itemId, statement: expect.any(String), answer: "verified", held: true });
    expect(JSON.stringify(held)).not.toMatch(/"verdict"|"correct"|"explanation"/);
    // The same answer again while it is open: still nothing given away.
    const again = await answer(held.token, itemId, "unverified");
    expect(again.repeated).toBe(true);
    expect(again.result).toMatchObject({ answer: "verified", held: true });
    expect(again.next?.position).toBe(2);

    await klass.press("close");
    // Closed, the split on the big screen: the verdict still waits for the teacher's reveal.
    const closed = await answer(held.token, itemId, "verified");
    expect(closed.result).toMatchObject({ answer: "verified", held: true });
    expect(JSON.stringify(closed)).not.toMatch(/"verdict"|"correct"|"explanation"/);
    await klass.press("reveal");
    const shown = await answer(held.token, itemId, "verified");
    expect(shown.repeated).toBe(true);
    expect(shown.result).toMatchObject({
      itemId,
      answer: "verified",
      verdict: pack.itemById.get(itemId)?.verdict,
      correct: pack.itemById.get(itemId)?.verdict === "verified",
    });
    expect(shown.result).not.toHaveProperty("held");
  });

  it("starts a late joiner at the open statement; the missed ones are not answered, never wrong", async () => {
    const klass = await pacedClass();
    await klass.press("open");
    await klass.press("close");
    await klass.press("open");
    await klass.press("close");
    await klass.press("open");
    const ben = await klass.joinAs("Ben");
    expect(ben.next?.position).toBe(3);
    const itemId = ben.next?.id ?? "";
    const verdict = pack.itemById.get(itemId)?.verdict ?? "verified";
    const answered = await answer(ben.token, itemId, verdict);
    expect(answered.result).toMatchObject({ held: true });
    // Answered the open one: next is the statement the teacher opens next.
    expect(answered.next?.position).toBe(4);
    await klass.press("close");
    await klass.press("reveal");

    const res = await send("/api/v1/attempts/finish", { token: answered.token });
    expect(res.status).toBe(200);
    const result = AttemptResultBody.parse(await res.json());
    expect(result.answered).toBe(1);
    expect(result.correct).toBe(1);
    expect(result.review.slice(0, 2).map((line) => [line.answer, line.correct])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(result.review[2]).toMatchObject({ itemId, answer: verdict, correct: true });
  });
});

describe("a finish in a teacher-paced class", () => {
  it("gives no verdict of a statement the teacher has not closed, and gives them once closed", async () => {
    const klass = await pacedClass();
    const ana = await klass.joinAs("Ana");
    await klass.press("open");
    const first = await answer(ana.token, ana.next?.id ?? "", "verified");
    await klass.press("close");
    await klass.press("open"); // statement 2 open, answered, not closed: its verdict and the rest stay back
    const second = await answer(first.token, first.next?.id ?? "", "unverified");
    const res = await send("/api/v1/attempts/finish", { token: second.token });
    expect(res.status).toBe(200);
    const result = AttemptResultBody.parse(await res.json());
    expect(result.review[0]?.verdict).toBe(pack.itemById.get(result.review[0]?.itemId ?? "")?.verdict);
    expect(result.review.slice(1).map((line) => [line.verdict, line.correct])).toEqual(
      result.review.slice(1).map(() => [null, null]),
    );
    // Closing statement 2 still holds its verdict; once the teacher shows the answer, a repeat
    // finish gives it, and no later one.
    await klass.press("close");
    const closed = AttemptResultBody.parse(
      await (await send("/api/v1/attempts/finish", { token: second.token })).json(),
    );
    expect(closed.review[1]?.verdict).toBeNull();
    await klass.press("reveal");
    const later = AttemptResultBody.parse(
      await (await send("/api/v1/attempts/finish", { token: second.token })).json(),
    );
    expect(later.review[1]?.verdict).toBe(pack.itemById.get(later.review[1]?.itemId ?? "")?.verdict);
    // Statement 3 was never answered: its verdict stays back whatever the teacher shows later.
    expect(later.review[2]).toMatchObject({ answer: null, verdict: null, correct: null });
  });
});

describe("the totals of a finish in a teacher-paced class", () => {
  it("count only the statements whose answer the teacher has shown, and all of them after the last reveal", async () => {
    const klass = await pacedClass();
    const ana = await klass.joinAs("Ana");
    const right = (id: string) => pack.itemById.get(id)?.verdict ?? "verified";
    await klass.press("open");
    const one = await answer(ana.token, ana.next?.id ?? "", right(ana.next?.id ?? ""));
    await klass.press("close");
    await klass.press("reveal");
    await klass.press("open");
    const secondId = one.next?.id ?? "";
    const two = await answer(one.token, secondId, right(secondId));
    await klass.press("close"); // statement 2 closed, its answer not shown: its verdict is in no figure
    const held = AttemptResultBody.parse(await (await send("/api/v1/attempts/finish", { token: two.token })).json());
    expect([held.answered, held.correct, held.total]).toEqual([1, 1, 6]);
    expect(held.review[1]).toMatchObject({ verdict: null, correct: null });
    await klass.press("reveal");
    const full = AttemptResultBody.parse(await (await send("/api/v1/attempts/finish", { token: two.token })).json());
    expect([full.answered, full.correct]).toEqual([2, 2]);
  });
});

describe("a finish with a token that lags the object", () => {
  it("finishes from what the object recorded (the answer's response was lost)", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, start: "join" })).json());
    const ana = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Ana" })).json(),
    );
    const itemId = ana.next?.id ?? "";
    await answer(ana.token, itemId, "verified"); // its response (and new token) is "lost"
    const res = await send("/api/v1/attempts/finish", { token: ana.token });
    expect(res.status).toBe(200);
    const result = AttemptResultBody.parse(await res.json());
    expect(result.answered).toBe(1);
    expect(result.review.find((line) => line.itemId === itemId)?.answer).toBe("verified");
    // Nothing answered anywhere: still a clear 409.
    const ben = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Ben" })).json(),
    );
    const empty = await send("/api/v1/attempts/finish", { token: ben.token });
    expect(empty.status).toBe(409);
    expect(((await empty.json()) as { type: string }).type).toContain("nothing-answered");
  });
});
