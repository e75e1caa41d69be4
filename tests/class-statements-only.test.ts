/**
 * A class set to "statements only" (issue 18, item 1): its questions show the statement without
 * "What the report says" — on the question pages, the check pages, the projector and in the JSON
 * statements — while the feedback still shows the sentences; off by default; changeable in the
 * lobby (the students' tokens follow); bad values refused. Inside workerd with real KV and the
 * real class object.
 */
import { env, reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { ClassCreated, ClassJoined } from "../src/routes/api/class-schemas";
import { AnswerResponse, Problem } from "../src/routes/api/schemas";
import { getClass } from "../src/store/class-records";
import { call, changeInObjectOnly, createClass, itemOn, join, location, ORIGIN, rightly } from "./class-helpers";

beforeEach(async () => {
  await reset();
});

const REPORT = "What the report says";
const NOTE = "Statements only: your teacher chose to show each statement without the report&#39;s sentences.";

function send(path: string, body: unknown, key?: string, method = "POST"): Promise<Response> {
  return call(path, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** The student's current question page, reached as a browser does (GET /quiz/q, then its redirect). */
async function questionPage(student: Awaited<ReturnType<typeof join>>["student"]): Promise<string> {
  const next = await student.get("/quiz/q");
  expect(next.status).toBe(303);
  expect(location(next)).toMatch(/^\/quiz\/q\/\d+$/);
  return (await student.get(location(next))).text();
}

describe("a class set to statements only", () => {
  it("shows questions without the report, and the feedback with its sentences; a default class shows the report", async () => {
    for (const statementsOnly of [true, false]) {
      const { code } = await createClass({ items: "6", ...(statementsOnly ? { statementsOnly: "on" } : {}) });
      const { student } = await join(code, { nickname: "Ana" });
      const html = await questionPage(student);
      expect(html.includes(REPORT), `the report, statementsOnly ${statementsOnly}`).toBe(!statementsOnly);
      expect(html.includes(NOTE)).toBe(statementsOnly);
      const item = itemOn(html);
      const answered = await student.post("/quiz/answer", { item, answer: rightly(item) });
      const feedback = await (await student.get(location(answered))).text();
      // The answer always teaches from the article's own sentences, highlighted.
      expect(feedback).toContain("<mark>");
    }
  });

  it("is offered on /teach, off by default, and shown in the class's JSON", async () => {
    const page = await (await call("/teach")).text();
    expect(page).toMatch(/<input type="checkbox" name="statementsOnly"\/?>/);
    const plain = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    expect(plain.statementsOnly).toBe(false);
    const bare = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, statementsOnly: true })).json());
    expect(bare.statementsOnly).toBe(true);
  });

  it("gives JSON clients each statement with an empty context, at the join and after each answer", async () => {
    const created = ClassCreated.parse(
      await (await send("/api/v1/classes", { items: 6, start: "join", statementsOnly: true })).json(),
    );
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Ben" })).json(),
    );
    expect(joined.next?.statement.length).toBeGreaterThan(10);
    expect(joined.next?.context).toBe("");
    const id = joined.next?.id ?? "";
    const res = await send("/api/v1/attempts/answer", { token: joined.token, itemId: id, answer: rightly(id) });
    expect(res.status).toBe(200);
    const answered = AnswerResponse.parse(await res.json());
    expect(answered.next?.context).toBe("");
    // The same class without the setting: the report comes with the statement.
    const plain = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, start: "join" })).json());
    const other = ClassJoined.parse(
      await (await send(`/api/v1/classes/${plain.code}/students`, { nickname: "Cy" })).json(),
    );
    expect(other.next?.context.length).toBeGreaterThan(20);
  });

  it("refuses a value that is not true or false, naming the field; a PATCH in the lobby reaches students already in", async () => {
    for (const value of ["yes", 1, null]) {
      const res = await send("/api/v1/classes", { statementsOnly: value });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(await res.json()).field).toBe("body.statementsOnly");
    }
    // A class in its lobby: Ana joins, then the teacher turns the setting on.
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    const { student } = await join(created.code, { nickname: "Ana" });
    const path = `/api/v1/classes/${created.code}`;
    const changed = await send(path, { statementsOnly: true }, created.teacherKey, "PATCH");
    expect(changed.status).toBe(200);
    // "You're in" seats her under the new settings (a new token), then the teacher starts.
    expect((await student.get(`/c/${created.code}/joined`)).status).toBe(200);
    expect((await send(`${path}/start`, {}, created.teacherKey)).status).toBe(200);
    const html = await questionPage(student);
    expect(html).not.toContain(REPORT);
    expect(html).toContain(NOTE);
  });

  it("the object's settings decide over a record that predates the change (another isolate's cached copy)", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    const { student } = await join(created.code, { nickname: "Ana" });
    // The object takes the change; the record this isolate reads still says the report is shown.
    await changeInObjectOnly(created.code, { statementsOnly: true });
    expect((await getClass(env.SCORES, created.code))?.statementsOnly).toBeUndefined();
    // "You're in" seats Ana under rev 1, and a join that read the old record is seated so too.
    expect((await student.get(`/c/${created.code}/joined`)).status).toBe(200);
    expect((await send(`/api/v1/classes/${created.code}/start`, {}, created.teacherKey)).status).toBe(200);
    expect(await questionPage(student)).not.toContain(REPORT);
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Cy" })).json(),
    );
    expect(joined.next?.context).toBe("");
  });

  it("leaves the report off the check pages and the projector", async () => {
    const { code } = await createClass({ items: "6", checks: "on", statementsOnly: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    const check = await (await student.get("/quiz/check")).text();
    expect(check).toContain("Statement 6 of 6");
    expect(check).not.toContain(REPORT);
    expect(check).toContain(NOTE);
    // No feedback follows a check: the note does not promise it.
    expect(check).not.toContain("The sentences come with the answer.");

    const paced = await createClass({ items: "6", pace: "teacher", statementsOnly: "on" });
    await join(paced.code, { nickname: "Bo" });
    const headers = { ...paced.teacher.headers(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" };
    const opened = await call(`/c/${paced.code}/present/pace`, {
      method: "POST",
      headers: { ...headers, "x-in-place": "1" },
      body: new URLSearchParams({ action: "open", step: "0", shut: "1" }).toString(),
    });
    const screen = await opened.text();
    expect(screen).toContain("Statement 1 of 6");
    expect(screen).not.toContain(REPORT);
  });
});
