/**
 * "Know what you know" in classes: the self-estimate before the first statement and how sure each
 * answer is, as pages and as JSON, recorded by the class's Durable Object (schema 4), carried into
 * the finished result in KV, and the dashboard's "sure and wrong" and calibration counts — inside
 * workerd with real KV and the real class object.
 */
import { env, reset, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { ClassCreated, ClassDashboard, ClassJoined } from "../src/routes/api/class-schemas";
import { AnswerResponse, AttemptResultBody, EstimateResponse, Problem } from "../src/routes/api/schemas";
import { openToken } from "../src/services/quiz-token";
import {
  fromStored,
  jsonBytes,
  MAX_METADATA_BYTES,
  packConfidences,
  studentPrefix,
  unpackConfidences,
} from "../src/store/class-keys";
import { SCHEMA_VERSION } from "../src/store/class-room-sql";
import { type Browser, call, createClass, itemOn, join, location, rightly, SCHEMA_2, wrongly } from "./class-helpers";

beforeEach(async () => {
  await reset();
});

type Sure = "sure" | "fairly" | "guessing" | "";
/** How the n-th statement (0-based, in the student's order) is answered. */
type Plan = (n: number, itemId: string) => { right: boolean; sure: Sure };

/** Answers up to `count` statements through the pages by `plan`, then finishes (unless told not to). */
async function playPlan(student: Browser, plan: Plan, count = Number.POSITIVE_INFINITY, finish = true) {
  const answered: string[] = [];
  while (answered.length < count) {
    const target = location(await student.get("/quiz/q"));
    if (!target.startsWith("/quiz/q/")) break;
    const itemId = itemOn(await (await student.get(target)).text());
    const { right, sure } = plan(answered.length, itemId);
    const answer = right ? rightly(itemId) : wrongly(itemId);
    const res = await student.post("/quiz/answer", { item: itemId, answer, confidence: sure });
    expect(res.status).toBe(303);
    answered.push(itemId);
  }
  if (finish) expect(location(await student.post("/quiz/finish"))).toBe("/quiz/result");
  return answered;
}

/** Joins through the pages and gives the estimate the way "Start" leads (null: skipped). */
async function joinWithEstimate(code: string, nickname: string, estimate: number | null) {
  const { student } = await join(code, { nickname });
  if (estimate !== null)
    expect(location(await student.post("/quiz/estimate", { estimate: String(estimate) }))).toBe("/quiz/q");
  return student;
}

async function stateOf(token: string | undefined) {
  const opened = await openToken(token, env.QUIZ_SECRET);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.state;
}

async function studentKeys(code: string) {
  return (await env.SCORES.list<Record<string, unknown>>({ prefix: studentPrefix(code) })).keys;
}

function send(path: string, body?: unknown, key?: string): Promise<Response> {
  return call(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function problem(res: Response, status: number, field: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = Problem.parse(await res.json());
  expect(body.field).toBe(field);
  return body;
}

/** A class over the JSON API (student-paced, started; or teacher-paced) and a way to join it. */
async function apiClass(options: Record<string, unknown> = {}) {
  const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, ...options })).json());
  if (options.pace !== "teacher") {
    expect((await send(`/api/v1/classes/${created.code}/start`, {}, created.teacherKey)).status).toBe(200);
  }
  const joinAs = async (nickname: string) => {
    const res = await send(`/api/v1/classes/${created.code}/students`, { nickname });
    expect(res.status).toBe(201);
    return ClassJoined.parse(await res.json());
  };
  return { ...created, joinAs };
}

async function answerJson(token: string, itemId: string, answer: "verified" | "unverified", confidence?: string) {
  const res = await send("/api/v1/attempts/answer", { token, itemId, answer, ...(confidence ? { confidence } : {}) });
  expect(res.status).toBe(200);
  return AnswerResponse.parse(await res.json());
}

async function estimateJson(token: string, estimate: unknown) {
  return send("/api/v1/attempts/estimate", { token, estimate });
}

describe("a class student's self-estimate and confidences, as pages", () => {
  it("Start asks the estimate; each question asks how sure; the result shows expected against got, the marks and calibration", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Sure Sam" });
    expect(await (await student.get(`/c/${code}/joined`)).text()).toContain('href="/quiz/estimate"');
    const ask = await (await student.get("/quiz/estimate")).text();
    expect(ask).toContain("How many of these 8 do you think you will get right?");
    for (let n = 0; n <= 8; n++) expect(ask).toContain(`name="estimate" value="${n}"`);
    expect(ask).not.toContain('value="9"');
    // Skipping goes where the class is (the lobby, the open statement), not to a fixed first one.
    expect(ask).toContain('href="/quiz/q"');
    expect(location(await student.post("/quiz/estimate", { estimate: "7" }))).toBe("/quiz/q");
    expect((await stateOf(student.cookies.get("__Host-quiz"))).estimate).toBe(7);
    // Asked once: "You're in" now leads straight to the statements.
    expect(await (await student.get(`/c/${code}/joined`)).text()).toContain('<a class="button full" href="/quiz/q">');

    const question = await (await student.get(location(await student.get("/quiz/q")))).text();
    for (const level of ["sure", "fairly", "guessing"]) {
      expect(question).toContain(`<input type="radio" name="confidence" value="${level}"/>`);
    }
    // Right and sure on the first two, wrong and sure on the third, the other five right and not said.
    await playPlan(student, (n) => ({ right: n !== 2, sure: n < 3 ? "sure" : "" }));
    const result = await (await student.get("/quiz/result")).text();
    expect(result).toContain("You expected 7 and got 7: you judged yourself exactly.");
    // By hand: sure 3 + 3 − 6 = 0; not said counts as guessing, 1 each for 5 right: 5 of a possible 24.
    expect(result).toContain("Marked by how sure you said you were: <strong>5</strong> of a possible 24.");
    expect(result).toContain("When you were sure you were right 2 times out of 3.");
    expect(result).toContain("When you did not say you were right 5 times out of 5.");

    // The finished result in KV carries them: the value, and the metadata the dashboard lists.
    const [key] = await studentKeys(code);
    expect(fromStored(key?.metadata)?.estimate).toBe(7);
    expect(fromStored(key?.metadata)?.confidences).toBe("sss-----");
    const stored = JSON.parse((await env.SCORES.get(key?.name ?? "")) ?? "{}") as Record<string, unknown>;
    expect(stored.estimate).toBe(7);
    expect(stored.confidences).toBe("sss-----");
  });

  it("in the lobby: the estimate is asked on “You're in” while the class waits, and said back after one tap", async () => {
    const { code, teacher } = await createClass({ start: "teacher" });
    const { student } = await join(code, { nickname: "Lobby Lu" });
    const waiting = await (await student.get(`/c/${code}/joined`)).text();
    expect(waiting).toContain("Your teacher will start the quiz.");
    expect(waiting).toContain('<input type="hidden" name="from" value="joined"/>');
    expect(waiting).toContain("How many of these 8 do you think you will get right?");
    // The form sits outside the live region, so a refresh of the status never resets it under a finger.
    expect(waiting.indexOf('id="joined-now"')).toBeLessThan(waiting.indexOf('action="/quiz/estimate"'));
    const tapped = await student.post("/quiz/estimate", { estimate: "5", from: "joined" });
    expect(location(tapped)).toBe(`/c/${code}/joined`);
    const after = await (await student.get(`/c/${code}/joined`)).text();
    expect(after).toContain("You expect to get 5 of 8 right.");
    expect(after).not.toContain('action="/quiz/estimate"');

    expect((await teacher.post(`/c/${code}/present/start`, {})).status).toBe(303);
    await playPlan(student, () => ({ right: true, sure: "fairly" }));
    const [key] = await studentKeys(code);
    expect(fromStored(key?.metadata)?.estimate).toBe(5);
    expect(fromStored(key?.metadata)?.confidences).toBe("ffffffff");
  });

  it("teacher-paced: the estimate while waiting, the confidence with the answer, and no verdict until the teacher shows it", async () => {
    const { code, teacher } = await createClass({ pace: "teacher" });
    const { student } = await join(code, { nickname: "Paced Pat" });
    expect(await (await student.get(`/c/${code}/joined`)).text()).toContain(
      '<input type="hidden" name="from" value="joined"/>',
    );
    expect(location(await student.post("/quiz/estimate", { estimate: "6", from: "joined" }))).toBe(`/c/${code}/joined`);
    const press = (action: string, step: number, shut: boolean) =>
      teacher.post(`/c/${code}/present/pace`, { action, step: String(step), shut: shut ? "1" : "0" });
    expect((await press("open", 0, true)).status).toBe(303);
    const target = location(await student.get("/quiz/q"));
    expect(target).toBe("/quiz/q/1");
    const itemId = itemOn(await (await student.get(target)).text());
    const answered = await student.post("/quiz/answer", { item: itemId, answer: wrongly(itemId), confidence: "sure" });
    expect(location(answered)).toMatch(/^\/quiz\/q(\?pace=|$)/);
    const waiting = await (await student.get(location(answered))).text();
    expect(waiting).toContain("Your answer is in");
    expect(waiting).not.toMatch(/Right|Not quite|it is (verified|unverified)/);
    // The feedback page itself holds back until the teacher shows the answer.
    expect(location(await student.get(`/quiz/feedback/${itemId}`))).toBe("/quiz/q");
    const state = await stateOf(student.cookies.get("__Host-quiz"));
    expect([state.estimate, state.confidences?.[0]]).toEqual([6, "s"]);
    expect((await press("close", 1, false)).status).toBe(303);
    expect((await press("reveal", 1, true)).status).toBe(303);
    const feedback = await (await student.get(`/quiz/feedback/${itemId}`)).text();
    expect(feedback).toContain("Not quite");
  });

  it("refuses a bad estimate or confidence from a class page with a 400 page, recording nothing", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Typo Ty" });
    const before = student.cookies.get("__Host-quiz");
    const cases: Record<string, string>[] = [
      {},
      { estimate: "" },
      { estimate: "9" },
      { estimate: "-1" },
      { estimate: "seven" },
    ];
    for (const fields of cases) {
      const res = await student.post("/quiz/estimate", fields);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("a number from 0 to 8");
    }
    expect(student.cookies.get("__Host-quiz")).toBe(before);
    const itemId = itemOn(await (await student.get(location(await student.get("/quiz/q")))).text());
    for (const confidence of ["certain", "3", "sure,guessing"]) {
      const res = await student.post("/quiz/answer", { item: itemId, answer: "verified", confidence });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Sure, Fairly sure or Guessing");
    }
    expect((await stateOf(student.cookies.get("__Host-quiz"))).answers).toBe("--------");
    // Nothing reached the class's object either: the dashboard's tally is empty.
    expect(await (await call(`/c/${code}/board`)).text()).not.toContain("Typo Ty</th>");
  });
});

describe("the same as JSON, recorded by the class's object", () => {
  it("takes an estimate before the first answer and a confidence with each; the object's record stands", async () => {
    const klass = await apiClass();
    const jo = await klass.joinAs("Json Jo");
    const res = await estimateJson(jo.token, 3);
    expect(res.status).toBe(200);
    const estimated = EstimateResponse.parse(await res.json());
    expect(estimated).toMatchObject({ estimate: 3, total: 6 });
    const itemId = jo.next?.id ?? "";
    const first = await answerJson(estimated.token, itemId, rightly(itemId), "sure");
    expect(first.confidence).toBe("sure");
    // An older token (before the answer) tries another confidence: the recorded one comes back.
    const replay = await answerJson(estimated.token, itemId, wrongly(itemId), "guessing");
    expect(replay.repeated).toBe(true);
    expect(replay.confidence).toBe("sure");
    expect(replay.result).toMatchObject({ answer: rightly(itemId) });
    // Too late now: the estimate comes before the first answer.
    await problem(await estimateJson(first.token, 4), 409, "body.estimate");

    let token = first.token;
    let next = first.next;
    while (next) {
      const answered = await answerJson(token, next.id, rightly(next.id), "fairly");
      token = answered.token;
      next = answered.next;
    }
    const finished = await send("/api/v1/attempts/finish", { token });
    const result = AttemptResultBody.parse(await finished.json());
    expect(result.estimate).toBe(3);
    expect(result.estimateLine).toBe("You expected 3 and got 6: you did better than you thought.");
    // By hand: sure right 3, five fairly right 2 each: 13 of 18.
    expect(result.certaintyMarks).toEqual({ total: 13, best: 18 });
    expect(result.calibration.map((row) => [row.confidence, row.right, row.answered])).toEqual([
      ["sure", 1, 1],
      ["fairly", 5, 5],
    ]);
  });

  it("an estimate given on a second tab after the first answer never reaches the result", async () => {
    const klass = await apiClass();
    const tab = await klass.joinAs("Two Tabs");
    const itemId = tab.next?.id ?? "";
    const answered = await answerJson(tab.token, itemId, wrongly(itemId), "sure");
    // The first tab's token has no answer yet, so the token takes an estimate…
    const late = EstimateResponse.parse(await (await estimateJson(tab.token, 4)).json());
    const next = answered.next?.id ?? "";
    const second = await answerJson(late.token, next, rightly(next));
    // …but the object kept none with the first answer, and its record wins at the finish.
    const result = AttemptResultBody.parse(
      await (await send("/api/v1/attempts/finish", { token: second.token })).json(),
    );
    expect(result.estimate).toBeNull();
    expect(result.review.filter((line) => line.answer !== null).map((line) => line.confidence)).toEqual(["sure", null]);
  });

  it("teacher-paced: the confidence goes with the answer and nothing gives the verdict away until the teacher shows it", async () => {
    const klass = await apiClass({ pace: "teacher" });
    let pace = { step: 0, shut: true };
    const press = async (action: "open" | "close" | "reveal") => {
      const res = await send(`/api/v1/classes/${klass.code}/pace`, { action, ...pace }, klass.teacherKey);
      expect(res.status).toBe(200);
      const moved = (await res.json()) as typeof pace;
      pace = { step: moved.step, shut: moved.shut };
    };
    const ana = await klass.joinAs("Paced Ana");
    const estimated = EstimateResponse.parse(await (await estimateJson(ana.token, 2)).json());
    await press("open");
    const itemId = ana.next?.id ?? "";
    const held = await answerJson(estimated.token, itemId, wrongly(itemId), "sure");
    expect(held.confidence).toBe("sure");
    expect(held.result).toMatchObject({ held: true });
    expect(JSON.stringify(held)).not.toMatch(/"verdict"|"correct"|"explanation"/);
    await press("close");
    await press("reveal");
    const shown = await answerJson(held.token, itemId, wrongly(itemId), "guessing");
    expect(shown.confidence).toBe("sure");
    expect(shown.result).toMatchObject({ correct: false });
    // The teacher's end finishes Ana from the object's record: estimate and confidence kept.
    expect((await send(`/api/v1/classes/${klass.code}/end`, {}, klass.teacherKey)).status).toBe(200);
    const [key] = await studentKeys(klass.code);
    expect(fromStored(key?.metadata)?.estimate).toBe(2);
    expect(fromStored(key?.metadata)?.confidences).toBe("s-----");
  });

  it("a student back with their code gets their estimate and confidences back", async () => {
    const klass = await apiClass();
    const bo = await klass.joinAs("Back Bo");
    const estimated = EstimateResponse.parse(await (await estimateJson(bo.token, 1)).json());
    const itemId = bo.next?.id ?? "";
    await answerJson(estimated.token, itemId, rightly(itemId), "guessing");
    const back = await send(`/api/v1/classes/${klass.code}/students/back`, { back: bo.back });
    expect(back.status).toBe(200);
    const state = await stateOf(((await back.json()) as { token: string }).token);
    expect(state.estimate).toBe(1);
    expect(state.confidences?.[state.items.indexOf(itemId)]).toBe("g");
    expect(state.confidences?.replaceAll("-", "")).toBe("g");
  });

  it("answers bad input with a clear 4xx problem naming the field", async () => {
    const klass = await apiClass();
    const { token, next } = await klass.joinAs("Bad Input");
    const estimateCases: [unknown, number][] = [
      [undefined, 400],
      [null, 400],
      ["2", 400],
      [2.5, 400],
      [-1, 400],
      [101, 400],
      // More than the class's 6 statements: the class's own bound.
      [7, 422],
    ];
    for (const [estimate, status] of estimateCases) {
      const body = estimate === undefined ? { token } : { token, estimate };
      const res = await send("/api/v1/attempts/estimate", body);
      const p = await problem(res, status, "body.estimate");
      expect(p.detail ?? p.title).not.toMatch(/at .*\.ts|stack/i);
    }
    await problem(await send("/api/v1/attempts/estimate", { estimate: 2 }), 400, "body.token");
    for (const confidence of ["certain", 3, true, ""]) {
      const res = await send("/api/v1/attempts/answer", { token, itemId: next?.id, answer: "verified", confidence });
      await problem(res, 400, "body.confidence");
    }
    // Nothing was recorded: the first real answer is the first.
    const ok = await answerJson(token, next?.id ?? "", "verified", "fairly");
    expect(ok.repeated).toBe(false);
  });
});

describe("the dashboard: expected against got, and sure and wrong", () => {
  it("matches a hand-worked class on the page, in JSON and in the CSV", async () => {
    const { code, key, teacher } = await createClass();
    // Statements in class order (no shuffle). By hand:
    //   Ana  est 8: wrong and sure on 1 and 2, right on the rest → 6: over (2 above)
    //   Ben  est 2: all right, nothing said                     → 8: under (6 below)
    //   Cy   est 5: wrong on 1 (sure), 2 and 3 (guessing)        → 5: well
    //   Dee  no estimate: all right                              → no estimate
    //   Eve  est 3: stops after 2, wrong on 1 (fairly)           → stopped early
    // Sure and wrong: statement 1 by Ana and Cy (2 of the 3 sure, with Dee), statement 2 by Ana (1 of
    // the 2 sure, with Dee); Dee was sure and right throughout.
    const ana = await joinWithEstimate(code, "Ana", 8);
    await playPlan(ana, (n) => ({ right: n > 1, sure: n < 2 ? "sure" : "" }));
    await playPlan(await joinWithEstimate(code, "Ben", 2), () => ({ right: true, sure: "" }));
    const cy = await joinWithEstimate(code, "Cy", 5);
    await playPlan(cy, (n) => ({ right: n > 2, sure: n === 0 ? "sure" : n < 3 ? "guessing" : "" }));
    await playPlan(await joinWithEstimate(code, "Dee", null), () => ({ right: true, sure: "sure" }));
    await playPlan(await joinWithEstimate(code, "Eve", 3), (n) => ({ right: n > 0, sure: "fairly" }), 2);

    const res = await send(`/api/v1/classes/${code}/dashboard`, undefined, key);
    expect(res.status).toBe(200);
    const dash = ClassDashboard.parse(await res.json());
    expect(dash.know.calibration).toEqual({ over: 1, under: 1, well: 1, noEstimate: 1, stoppedEarly: 1 });
    expect(dash.know.sureAndWrong.map(({ position, sureWrong, sure }) => [position, sureWrong, sure])).toEqual([
      [1, 2, 3],
      [2, 1, 2],
    ]);
    expect(dash.know.sureAndWrong[0]?.statement).toBe(dash.items[0]?.statement);
    const byName = new Map(dash.students.map((s) => [s.nickname, s.id]));
    const know = new Map(dash.know.students.map((s) => [s.id, s]));
    expect(know.get(byName.get("Ana") ?? "")).toMatchObject({ estimate: 8, fit: "over", sureWrong: 2 });
    expect(know.get(byName.get("Ben") ?? "")).toMatchObject({ estimate: 2, fit: "under", sureWrong: 0 });
    expect(know.get(byName.get("Cy") ?? "")).toMatchObject({ estimate: 5, fit: "well", sureWrong: 1 });
    expect(know.get(byName.get("Dee") ?? "")).toMatchObject({ estimate: null, fit: null, sureWrong: 0 });
    expect(know.get(byName.get("Eve") ?? "")).toMatchObject({ estimate: 3, fit: null, sureWrong: 0 });

    const html = await (await teacher.get(`/c/${code}/teacher`)).text();
    const fold = html.indexOf('<details class="key">');
    const counts = html.indexOf('<h2 id="know-heading">Expected against got</h2>');
    // The counts name no verdict: in the live body, before the closed answer-key fold.
    expect(counts).toBeGreaterThan(html.indexOf('id="dash-body"'));
    expect(counts).toBeLessThan(fold);
    expect(html).toContain("<strong>1</strong> expected more than they got");
    expect(html).toContain("<strong>1</strong> about right (within 1)");
    expect(html).toContain("<strong>1</strong> did better than they expected");
    expect(html).toContain("Not counted: 1 student skipped the estimate; 1 student stopped early.");
    // "Sure and wrong" gives verdicts away: only inside the fold, closed by default.
    expect(html.indexOf("<h2>Sure and wrong</h2>")).toBeGreaterThan(fold);
    expect(html).not.toMatch(/<details class="key" open/);
    expect(html).toContain("<strong>2</strong> of the 3 who were sure got it wrong (statement 1)");
    expect(html).toContain("<strong>1</strong> of the 2 who were sure got it wrong (statement 2)");

    const csv = await (await teacher.get(`/c/${code}/teacher.csv`)).text();
    expect(csv.split("\r\n")[0]).toContain(",Finished (UTC),Expected,Expected against got,Wrong while sure,Q1,");
    const row = (nick: string) => csv.split("\r\n").find((line) => line.startsWith(`${nick},`)) ?? "";
    expect(row("Ana")).toMatch(/,8,expected more,2,wrong,wrong,right,/);
    expect(row("Ben")).toMatch(/,2,did better,0,right,/);
    expect(row("Cy")).toMatch(/,5,about right,1,wrong,/);
    expect(row("Dee")).toMatch(/:\d\d,,,0,right,/);
    expect(row("Eve")).toMatch(/,3,,0,wrong,right,,/);
  });

  it("says what it will show before anyone with an estimate has finished, and lists nothing as sure and wrong", async () => {
    const { code, teacher } = await createClass();
    await join(code, { nickname: "Not Yet" });
    const html = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(html).toContain("Once students who gave an estimate finish every statement");
    expect(html).toContain("Nothing yet: a statement is listed here once a student who finished got it wrong");
  });
});

describe("KV metadata in the largest case", () => {
  it("stays within 1024 bytes with the whole pack, the longest name, an estimate and a confidence on every answer", async () => {
    const { code } = await createClass({ items: "all" });
    const nick = "👨‍👩‍👧‍👦".repeat(21); // the longest name that fits (525 bytes)
    const student = await joinWithEstimate(code, nick, pack.items.length);
    await playPlan(student, () => ({ right: false, sure: "guessing" }));
    const [key] = await studentKeys(code);
    expect(fromStored(key?.metadata)?.estimate).toBe(pack.items.length);
    expect(fromStored(key?.metadata)?.confidences).toBe("g".repeat(pack.items.length));
    const bytes = jsonBytes(key?.metadata);
    // Measured: 985 bytes for the 50-statement pack, 944 without the estimate and confidences; the
    // confidences unpacked (one character each) would make it 1,025, over the limit.
    expect(bytes).toBeLessThanOrEqual(MAX_METADATA_BYTES);
    expect(bytes).toBe(985);
  });
});

describe("the metadata's packed confidences", () => {
  it("pack three statements to a character and unpack to the same, whatever the length", () => {
    expect(packConfidences("sfg-")).toBe("bA");
    for (const confidences of ["", "s", "fg", "sfg", "g--s", "-".repeat(7), `${"sfg-".repeat(12)}gs`]) {
      const packed = packConfidences(confidences);
      expect(packed).toHaveLength(Math.ceil(confidences.length / 3));
      expect(unpackConfidences(packed, confidences.length)).toBe(confidences);
    }
    expect(unpackConfidences("b!", 4)).toBeNull();
    expect(unpackConfidences("bA", 9)).toBeNull();
  });
});

describe("the class's object moves to schema 4 (and on to the latest)", () => {
  it("a class opened at schema 2 gains the columns once, and keeps a confidence and an estimate from then on", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("OLD4SC"));
    const after = await runInDurableObject(stub, (room, state) => {
      // The tables as the previous release made them (schema 2), one student with one answer.
      state.storage.sql.exec(SCHEMA_2);
      state.storage.sql.exec("INSERT INTO meta VALUES ('expires', ?)", Date.now() + 86_400_000);
      state.storage.sql.exec(
        "INSERT INTO students (sid, nick, attempt, joined, answered, items, back, seen) VALUES ('s1', 'Old', 'a1', 0, 1, '[\"i1\",\"i2\"]', 'K7M2Q', 0)",
      );
      state.storage.sql.exec("INSERT INTO answers VALUES ('a1', 'i1', 'v')");
      const answered = room.answer("a1", "i2", "u", undefined, 0, { confidence: "s", estimate: 2 });
      const schema = state.storage.sql.exec("SELECT v FROM meta WHERE k = 'schema'").one().v;
      const rows = state.storage.sql.exec("SELECT item, confidence FROM answers ORDER BY item").toArray();
      const student = state.storage.sql.exec("SELECT estimate FROM students").one();
      return { answered, schema, rows, estimate: student.estimate };
    });
    expect(after.schema).toBe(SCHEMA_VERSION);
    expect(after.answered).toMatchObject({ answer: "u", confidence: "s", first: true });
    expect(after.rows).toEqual([
      { item: "i1", confidence: null },
      { item: "i2", confidence: "s" },
    ]);
    // The estimate is kept with a first answer only: this student had answered before.
    expect(after.estimate).toBeNull();
  });

  it("a new class is at the latest schema from its first join", async () => {
    const { code } = await createClass();
    await join(code, { nickname: "New" });
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(code));
    const schema = await runInDurableObject(
      stub,
      (_, state) => state.storage.sql.exec("SELECT v FROM meta WHERE k = 'schema'").one().v,
    );
    expect(schema).toBe(SCHEMA_VERSION);
  });
});
