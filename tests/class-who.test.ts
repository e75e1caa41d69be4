/**
 * "Who says so?" as a class setting (issue 20, item 3): off by default; on /teach, in the lobby
 * settings and the JSON create/PATCH (a non-boolean is a 400 naming body.who); a student of such a
 * class gets the three choices on the question page and in the JSON statements, the pick is kept
 * by the class's object with the answer (the first pick stands, a rejoin and the teacher's End keep
 * it), shown on the feedback and scored apart on the result; a class without it still refuses a pick;
 * teacher-paced, the right one stays back until the teacher shows the answer. Inside workerd with
 * real KV and the real class object.
 */
import { env, reset, runInDurableObject } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { WhoChoices } from "../src/domain/who-says";
import { ClassCreated, ClassInfo, ClassJoined } from "../src/routes/api/class-schemas";
import { AnswerResponse, AttemptResultBody, Problem } from "../src/routes/api/schemas";
import { openToken } from "../src/services/quiz-token";
import { whoPlanOf } from "../src/services/who-says";
import { getClass } from "../src/store/class-records";
import { SCHEMA_VERSION } from "../src/store/class-room-sql";
import {
  type Browser,
  call,
  changeInObjectOnly,
  createClass,
  escapeHtml,
  itemOn,
  join,
  location,
  rightly,
  SCHEMA_2,
} from "./class-helpers";

beforeEach(async () => {
  await reset();
});

/** The plan the Worker serves with the tests' secret. */
let plan: Map<string, WhoChoices>;
beforeAll(async () => {
  plan = await whoPlanOf(env);
});

/** An item's choices, its right voice and one wrong one (with their positions). */
function choicesOf(itemId: string) {
  const planned = plan.get(itemId);
  const right = planned?.choices[planned.right];
  const wrongAt = planned ? [0, 1, 2].find((i) => i !== planned.right) : undefined;
  const wrong = wrongAt === undefined ? undefined : planned?.choices[wrongAt];
  if (!planned || !right || !wrong || wrongAt === undefined) throw new Error(`no choices for ${itemId}`);
  return { choices: planned.choices, rightAt: planned.right, right, wrong, wrongAt };
}

function send(path: string, body?: unknown, key?: string, method = body === undefined ? "GET" : "POST") {
  return call(path, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function created(body: Record<string, unknown>) {
  const res = await send("/api/v1/classes", body);
  expect(res.status).toBe(201);
  return ClassCreated.parse(await res.json());
}

async function joinJson(code: string, nickname: string) {
  const res = await send(`/api/v1/classes/${code}/students`, { nickname });
  expect(res.status).toBe(201);
  return ClassJoined.parse(await res.json());
}

async function answerJson(token: string, itemId: string, who?: string) {
  const res = await send("/api/v1/attempts/answer", {
    token,
    itemId,
    answer: rightly(itemId),
    ...(who ? { who } : {}),
  });
  expect(res.status).toBe(200);
  return AnswerResponse.parse(await res.json());
}

async function stateOf(token: string) {
  const opened = await openToken(token, env.QUIZ_SECRET);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.state;
}

/** The student's current question page, reached as a browser does. */
async function questionPage(student: Browser): Promise<string> {
  const next = await student.get("/quiz/q");
  expect(next.status).toBe(303);
  expect(location(next)).toMatch(/^\/quiz\/q\/\d+$/);
  return (await student.get(location(next))).text();
}

/** The "who says so?" radios on a page: [key, label] in the order shown. */
function radiosOn(html: string): string[][] {
  return [...html.matchAll(/name="who" value="([^"]+)"\/>([^<]*)</g)].map((m) => [m[1] ?? "", m[2] ?? ""]);
}

describe("the class option", () => {
  it("is on /teach and the lobby settings, off by default; JSON create and PATCH take it; a non-boolean is a 400 naming body.who", async () => {
    const teach = await (await call("/teach")).text();
    expect(teach).toMatch(/<input type="checkbox" name="who"\/?>/);
    expect((await created({ items: 6 })).who).toBe(false);
    expect((await created({ items: 6, who: true })).who).toBe(true);
    for (const value of ["yes", 1, null, "on"]) {
      const res = await send("/api/v1/classes", { who: value });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(await res.json()).field).toBe("body.who");
    }
    // The form: ticked on /teach, shown ticked on the lobby's settings page, untick it there.
    const form = await createClass({ items: "6", who: "on", start: "teacher" });
    const info = ClassInfo.parse(await (await send(`/api/v1/classes/${form.code}`)).json());
    expect(info.who).toBe(true);
    const settings = await (await form.teacher.get(`/c/${form.code}/teacher/settings`)).text();
    expect(settings).toMatch(/<input type="checkbox" name="who" checked=""\/?>/);
    const changed = await form.teacher.post(`/c/${form.code}/teacher/settings`, { items: "6", names: "typed" });
    expect(changed.status).toBe(303);
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${form.code}`)).json()).who).toBe(false);

    // PATCH in the lobby: a bad value names the field; true turns it on.
    const json = await created({ items: 6 });
    const path = `/api/v1/classes/${json.code}`;
    const bad = await send(path, { who: "true" }, json.teacherKey, "PATCH");
    expect(bad.status).toBe(400);
    expect(Problem.parse(await bad.json()).field).toBe("body.who");
    const patched = await send(path, { who: true }, json.teacherKey, "PATCH");
    expect(patched.status).toBe(200);
    expect(ClassInfo.parse(await (await send(path)).json()).who).toBe(true);
  });

  it("reaches a student already in when 'You're in' seats them under the changed settings", async () => {
    const json = await created({ items: 6 });
    const { student } = await join(json.code, { nickname: "Ana" });
    const path = `/api/v1/classes/${json.code}`;
    expect((await send(path, { who: true }, json.teacherKey, "PATCH")).status).toBe(200);
    expect((await student.get(`/c/${json.code}/joined`)).status).toBe(200);
    expect((await send(`${path}/start`, {}, json.teacherKey)).status).toBe(200);
    const html = await questionPage(student);
    const itemId = itemOn(html);
    expect(radiosOn(html)).toEqual(choicesOf(itemId).choices.map((v) => [v.key, escapeHtml(v.label)]));
  });

  it("the object's settings decide over a record that predates the change (another isolate's cached copy)", async () => {
    const json = await created({ items: 6 });
    const { student } = await join(json.code, { nickname: "Ana" });
    // The object takes the change; the record this isolate reads still says no "who says so?".
    await changeInObjectOnly(json.code, { who: true });
    expect((await getClass(env.SCORES, json.code))?.who).toBeUndefined();
    // "You're in" reseats Ana under rev 1, asking it; so does a join that read the old record.
    expect((await student.get(`/c/${json.code}/joined`)).status).toBe(200);
    const joined = await joinJson(json.code, "Ben");
    expect((await stateOf(joined.token)).who).toBe("-".repeat(6));
    expect((await send(`/api/v1/classes/${json.code}/start`, {}, json.teacherKey)).status).toBe(200);
    expect(radiosOn(await questionPage(student))).toHaveLength(3);
  });
});

describe("a student of a class that asks who says so (pages)", () => {
  it("sees the three choices before the verdict; the pick is kept, shown on the feedback with the right one, scored on the result", async () => {
    const { code } = await createClass({ items: "6", who: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    const first = await questionPage(student);
    expect(first).toContain("Who says so? Pick one, or skip it.");
    const a = itemOn(first);
    const ca = choicesOf(a);
    expect(radiosOn(first)).toEqual(ca.choices.map((v) => [v.key, escapeHtml(v.label)]));
    // In the same form as the verdict, before it.
    expect(first.indexOf('name="who"')).toBeLessThan(first.indexOf('name="answer"'));

    // Right verdict, right voice.
    const answered = await student.post("/quiz/answer", { item: a, answer: rightly(a), who: ca.right.key });
    expect(location(answered)).toBe(`/quiz/feedback/${a}`);
    const right = await (await student.get(location(answered))).text();
    expect(right).toContain(`Who says so: you said <strong>${escapeHtml(ca.right.label)}</strong>. Right.`);

    // Right verdict, wrong voice.
    const b = itemOn(await questionPage(student));
    const cb = choicesOf(b);
    await student.post("/quiz/answer", { item: b, answer: rightly(b), who: cb.wrong.key });
    const wrong = await (await student.get(`/quiz/feedback/${b}`)).text();
    expect(wrong).toContain(
      `Who says so: you said <strong>${escapeHtml(cb.wrong.label)}</strong>; it was <strong>${escapeHtml(cb.right.label)}</strong>.`,
    );
    // Back to b's form with another pick: the first one stands.
    await student.post("/quiz/answer", { item: b, answer: rightly(b), who: cb.right.key });
    expect(await (await student.get(`/quiz/feedback/${b}`)).text()).toContain(
      `you said <strong>${escapeHtml(cb.wrong.label)}</strong>`,
    );
    // A name that is not one of the statement's choices is refused, nothing recorded.
    const c = itemOn(await questionPage(student));
    const odd = await student.post("/quiz/answer", { item: c, answer: rightly(c), who: "not-a-voice" });
    expect(odd.status).toBe(400);
    // Skipped: "not said".
    await student.post("/quiz/answer", { item: c, answer: rightly(c) });
    expect(await (await student.get(`/quiz/feedback/${c}`)).text()).toContain(
      `Who says so: you did not say; it was <strong>${escapeHtml(choicesOf(c).right.label)}</strong>.`,
    );

    // Scored apart: 3 right verdicts, 1 of 3 named.
    expect(location(await student.post("/quiz/finish"))).toBe("/quiz/result");
    const result = await (await student.get("/quiz/result")).text();
    expect(result).toContain('<p class="reading">You named who says so 1 of 3 times.</p>');
  });

  it("a class without the setting shows no choices and refuses a pick (page 400, JSON 422 naming body.who)", async () => {
    const { code } = await createClass({ items: "6" });
    const { student } = await join(code, { nickname: "Ben" });
    const html = await questionPage(student);
    expect(html).not.toContain('name="who"');
    expect(html).not.toContain("Who says so?");
    const itemId = itemOn(html);
    const refused = await student.post("/quiz/answer", {
      item: itemId,
      answer: rightly(itemId),
      who: choicesOf(itemId).right.key,
    });
    expect(refused.status).toBe(400);
    // Nothing was recorded: the question is still there.
    expect(itemOn(await questionPage(student))).toBe(itemId);

    const jo = await joinJson(code, "Jo");
    expect(jo.next?.who).toBeUndefined();
    const id = jo.next?.id ?? "";
    const res = await send("/api/v1/attempts/answer", {
      token: jo.token,
      itemId: id,
      answer: rightly(id),
      who: choicesOf(id).right.key,
    });
    expect(res.status).toBe(422);
    const problem = Problem.parse(await res.json());
    expect(problem.field).toBe("body.who");
    expect(problem.type).toMatch(/who-not-asked$/);
    expect((await answerJson(jo.token, id)).repeated).toBe(false);
  });
});

describe("a student of a class that asks who says so (JSON)", () => {
  it("gets who.choices with each statement, the pick in the feedback, the score apart in the result", async () => {
    const klass = await created({ items: 6, start: "join", who: true });
    const joined = await joinJson(klass.code, "Cy");
    const a = joined.next?.id ?? "";
    expect(joined.next?.who?.choices).toEqual(choicesOf(a).choices.map(({ key, label }) => ({ key, label })));
    const first = await answerJson(joined.token, a, choicesOf(a).right.key);
    expect(first.result).toMatchObject({
      who: { picked: { key: choicesOf(a).right.key }, right: { key: choicesOf(a).right.key }, correct: true },
    });
    const b = first.next?.id ?? "";
    expect(first.next?.who?.choices).toHaveLength(3);
    const second = await answerJson(first.token, b, choicesOf(b).wrong.key);
    expect(second.result).toMatchObject({ who: { picked: { key: choicesOf(b).wrong.key }, correct: false } });
    // The first token, sent again for b with the right key: the object's recorded pick comes back.
    const replay = await answerJson(first.token, b, choicesOf(b).right.key);
    expect(replay.repeated).toBe(true);
    expect(replay.result).toMatchObject({ who: { picked: { key: choicesOf(b).wrong.key }, correct: false } });
    const state = await stateOf(replay.token);
    expect(state.who?.slice(0, 2)).toBe(`${choicesOf(a).rightAt}${choicesOf(b).wrongAt}`);

    const finished = await send("/api/v1/attempts/finish", { token: second.token });
    expect(finished.status).toBe(200);
    const result = AttemptResultBody.parse(await finished.json());
    expect(result.correct).toBe(2);
    expect(result.who).toEqual({ named: 1, asked: 2, line: "You named who says so 1 of 2 times." });
    expect(result.review[1]?.who).toEqual({ picked: choicesOf(b).wrong.key, right: choicesOf(b).right.key });
  });

  it("finishes from the object's record when the token lags, and a rejoin with the code gets the picks back", async () => {
    const klass = await created({ items: 6, start: "join", who: true });
    const joined = await joinJson(klass.code, "Di");
    const a = joined.next?.id ?? "";
    const answered = await answerJson(joined.token, a, choicesOf(a).right.key);
    // The student's code on another device: the attempt as the object holds it, the pick included.
    const back = await send(`/api/v1/classes/${klass.code}/students/back`, { back: joined.back });
    expect(back.status).toBe(200);
    const rejoined = ClassJoined.parse(await back.json());
    expect((await stateOf(rejoined.token)).who).toBe(`${choicesOf(a).rightAt}${"-".repeat(5)}`);
    expect(rejoined.next?.who?.choices).toHaveLength(3);
    // The join's token (no answer in it) finishes: the object's answer and pick count.
    expect(answered.answered).toBe(1);
    const res = await send("/api/v1/attempts/finish", { token: joined.token });
    expect(res.status).toBe(200);
    const result = AttemptResultBody.parse(await res.json());
    expect(result.answered).toBe(1);
    expect(result.who).toMatchObject({ named: 1, asked: 1 });
  });

  it("the teacher's End finishes a student with the picks the object kept", async () => {
    const klass = await created({ items: 6, start: "join", who: true });
    const joined = await joinJson(klass.code, "Ed");
    const a = joined.next?.id ?? "";
    const first = await answerJson(joined.token, a, choicesOf(a).right.key);
    const b = first.next?.id ?? "";
    await answerJson(first.token, b, choicesOf(b).wrong.key);
    expect((await send(`/api/v1/classes/${klass.code}/end`, {}, klass.teacherKey)).status).toBe(200);
    const res = await send(`/api/v1/classes/${klass.code}/students/back`, { back: joined.back });
    const state = await stateOf(ClassJoined.parse(await res.json()).token);
    expect(state.finishedAt).toBeDefined();
    expect(state.who).toBe(`${choicesOf(a).rightAt}${choicesOf(b).wrongAt}${"-".repeat(4)}`);
  });
});

describe("a teacher-paced class that asks who says so", () => {
  async function pacedClass() {
    const klass = await created({ items: 6, pace: "teacher", who: true });
    let pace = { step: 0, shut: true };
    const press = async (action: "open" | "close" | "reveal") => {
      const res = await send(`/api/v1/classes/${klass.code}/pace`, { action, ...pace }, klass.teacherKey);
      expect(res.status).toBe(200);
      const moved = (await res.json()) as { step: number; shut: boolean };
      pace = { step: moved.step, shut: moved.shut };
    };
    return { ...klass, press };
  }

  it("JSON: no who.right in the answer or the result before the teacher shows the answer; there after", async () => {
    const klass = await pacedClass();
    const ana = await joinJson(klass.code, "Ana");
    const a = ana.next?.id ?? "";
    const ca = choicesOf(a);
    expect(ana.next?.who?.choices).toHaveLength(3);
    await klass.press("open");
    const held = await answerJson(ana.token, a, ca.wrong.key);
    expect(held.result).toEqual({ itemId: a, statement: expect.any(String), answer: rightly(a), held: true });
    expect(JSON.stringify(held)).not.toMatch(/"right"|"correct"|"picked"/);
    // Finished early, closed but not shown: the review keeps the right one back.
    await klass.press("close");
    const early = await send("/api/v1/attempts/finish", { token: held.token });
    const closedText = await early.text();
    const closed = AttemptResultBody.parse(JSON.parse(closedText));
    expect(closed.review[0]?.who).toEqual({ picked: ca.wrong.key, right: null });
    expect(closed.who).toMatchObject({ asked: 0 });
    expect(closedText).not.toContain(`"right":"${ca.right.key}"`);

    await klass.press("reveal");
    const shown = await answerJson(held.token, a, ca.right.key);
    expect(shown.repeated).toBe(true);
    expect(shown.result).toMatchObject({ who: { picked: { key: ca.wrong.key }, right: { key: ca.right.key } } });
    const later = AttemptResultBody.parse(await (await send("/api/v1/attempts/finish", { token: held.token })).json());
    expect(later.review[0]?.who).toEqual({ picked: ca.wrong.key, right: ca.right.key });
    expect(later.who).toMatchObject({ named: 0, asked: 1 });
  });

  it("pages: the feedback with both parts waits for the teacher's reveal", async () => {
    const klass = await pacedClass();
    const { student } = await join(klass.code, { nickname: "Bo" });
    await klass.press("open");
    const html = await questionPage(student);
    const itemId = itemOn(html);
    const c = choicesOf(itemId);
    expect(radiosOn(html)).toHaveLength(3);
    const answered = await student.post("/quiz/answer", { item: itemId, answer: rightly(itemId), who: c.right.key });
    expect(answered.status).toBe(303);
    const pages = [await student.get("/quiz/q"), await student.get(`/quiz/feedback/${itemId}`)];
    await klass.press("close");
    pages.push(await student.get("/quiz/q"), await student.get(`/quiz/feedback/${itemId}`));
    for (const page of pages) {
      const text = await page.text();
      expect(text).not.toContain("Who says so: you said");
      expect(text).not.toContain("Right.");
    }
    // The feedback page sends the student back until the answer is shown.
    expect(pages[1]?.status).toBe(303);
    expect(pages[3]?.status).toBe(303);
    await klass.press("reveal");
    const feedback = await student.get(`/quiz/feedback/${itemId}`);
    expect(feedback.status).toBe(200);
    expect(await feedback.text()).toContain(
      `Who says so: you said <strong>${escapeHtml(c.right.label)}</strong>. Right.`,
    );
  });
});

describe("the class's object moves to schema 6", () => {
  it("a class opened at schema 2 gains the answers' who column once, and keeps a pick from then on", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("OLD6SC"));
    const after = await runInDurableObject(stub, (room, state) => {
      const sql = state.storage.sql;
      sql.exec(SCHEMA_2);
      sql.exec("INSERT INTO meta VALUES ('expires', ?)", Date.now() + 86_400_000);
      sql.exec(
        "INSERT INTO students (sid, nick, attempt, joined, answered, items, back, seen) VALUES ('s1', 'Old', 'a1', 0, 1, '[\"i1\",\"i2\"]', 'K7M2Q', 0)",
      );
      // An answer from before picks: no who.
      sql.exec("INSERT INTO answers VALUES ('a1', 'i1', 'v')");
      const answered = room.answer("a1", "i2", "u", undefined, 0, { who: "2" });
      const again = room.answer("a1", "i2", "v", undefined, 0, { who: "0" });
      const schema = sql.exec("SELECT v FROM meta WHERE k = 'schema'").one().v;
      const rows = sql.exec("SELECT item, who FROM answers ORDER BY item").toArray();
      return { answered, again, schema, rows, back: room.rejoin("K7M2Q", Date.now()) };
    });
    expect(after.schema).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(6);
    expect(after.answered).toMatchObject({ answer: "u", who: "2", first: true });
    // The first pick stands, as the first answer does.
    expect(after.again).toMatchObject({ answer: "u", who: "2", first: false });
    expect(after.rows).toEqual([
      { item: "i1", who: null },
      { item: "i2", who: "2" },
    ]);
    expect(after.back?.who).toEqual({ i2: "2" });
  });
});
