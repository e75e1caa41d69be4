/**
 * The check-in and check-out of a class: the option, the forms drawn beside the class's statements,
 * the pages students play them on (before the first statement, after the finish, no feedback), the
 * counterbalancing by join order, and what the dashboard, its JSON and the CSV show — inside
 * workerd with real KV and the real class object.
 */
import { env, reset, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import type { ClassRecord } from "../src/domain/class";
import { hasTwins } from "../src/domain/forms";
import { CheckDue, CheckRecorded } from "../src/routes/api/class-checks-schema";
import { ClassCreated, ClassDashboard, ClassJoined } from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { classKey } from "../src/store/class-keys";
import { SCHEMA_VERSION } from "../src/store/class-room-sql";
import {
  Browser,
  call,
  createClass,
  escapeHtml,
  join,
  location,
  play,
  rightly,
  SCHEMA_2,
  wrongly,
} from "./class-helpers";

beforeEach(async () => {
  await reset();
});

async function recordOf(code: string): Promise<ClassRecord> {
  const record = await env.SCORES.get<ClassRecord>(classKey(code), "json");
  if (!record) throw new Error("no class record");
  return record;
}

/** The statements a check page shows, from its hidden field. */
function formOn(html: string): string[] {
  const ids = /name="form" value="([a-z0-9,]+)"/.exec(html)?.[1];
  if (!ids) throw new Error(`No check form on the page:\n${html.slice(0, 400)}`);
  return ids.split(",");
}

/** Plays the part due now: `right` of its statements right (the first ones), with an estimate. */
async function playCheck(
  student: Browser,
  right: number,
  estimate: number | null,
): Promise<{ ids: string[]; next: string }> {
  const page = await student.get("/quiz/check");
  expect(page.status).toBe(200);
  const ids = formOn(await page.text());
  const fields: Record<string, string> = { phase: "", form: ids.join(",") };
  const html = await (await student.get("/quiz/check")).text();
  fields.phase = /name="phase" value="(in|out)"/.exec(html)?.[1] ?? "";
  ids.forEach((id, i) => {
    fields[`q${i + 1}`] = i < right ? rightly(id) : wrongly(id);
  });
  if (estimate !== null) fields.estimate = String(estimate);
  const res = await student.post("/quiz/check", fields);
  expect(res.status).toBe(303);
  return { ids, next: location(res) };
}

describe("a class with a check-in and check-out", () => {
  it("draws two forms of six beside the class's statements, no twins among them all", async () => {
    const { code } = await createClass({ items: "12", checks: "on" });
    const record = await recordOf(code);
    const forms = record.checks;
    expect(forms?.a).toHaveLength(6);
    expect(forms?.b).toHaveLength(6);
    const all = [...record.itemIds, ...(forms?.a ?? []), ...(forms?.b ?? [])];
    expect(new Set(all).size).toBe(24);
    expect(hasTwins(pack.items, all)).toBe(false);
    for (const form of [forms?.a ?? [], forms?.b ?? []]) {
      expect(form.filter((id) => pack.itemById.get(id)?.verdict === "verified")).toHaveLength(3);
    }
  });

  it("students play the check-in first, the statements, then the check-out, and see their before and after", async () => {
    const { code } = await createClass({ items: "6", checks: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    expect(location(await student.get("/quiz/q"))).toBe("/quiz/check");
    expect(location(await student.get("/quiz/q/1"))).toBe("/quiz/check");
    const before = await playCheck(student, 3, 5);
    expect(before.next).toBe("/quiz/q");
    // Done once: the page sends the student on, and a second post changes nothing.
    expect(location(await student.get("/quiz/check"))).toBe("/quiz/q");
    const answered = await play(student, rightly);
    expect(answered).toHaveLength(6);
    expect(answered.some((id) => before.ids.includes(id))).toBe(false);
    expect(location(await student.get("/quiz/result"))).toBe("/quiz/check");
    const after = await playCheck(student, 6, 6);
    expect(after.next).toBe("/quiz/result");
    expect(after.ids.some((id) => before.ids.includes(id) || answered.includes(id))).toBe(false);
    const result = await (await student.get("/quiz/result")).text();
    expect(result).toContain("Before and after");
    expect(result).toContain("At the check-in you got 3 of 6 right; at the check-out, 6 of 6.");
    expect(result).toContain("You expected 5 at the check-in and 6 at the check-out.");
  });

  it("gives half the class form A first and half form B, by join order", async () => {
    const { code } = await createClass({ items: "6", checks: "on" });
    const { checks } = await recordOf(code);
    const firsts: string[][] = [];
    for (const nickname of ["Ana", "Ben", "Cy", "Dee", "Eve", "Fox"]) {
      const { student } = await join(code, { nickname });
      firsts.push((await playCheck(student, 3, null)).ids);
    }
    const a = [...(checks?.a ?? [])].sort();
    const b = [...(checks?.b ?? [])].sort();
    expect(firsts.map((ids) => [...ids].sort())).toEqual([a, b, a, b, a, b]);
  });
});

function send(path: string, body?: unknown, key?: string, method?: string): Promise<Response> {
  return call(path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A problem+json answer with its status; returns its slug (the type's last part) and field. */
async function problemOf(res: Response, status: number): Promise<{ slug: string; field: string | undefined }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = Problem.parse(await res.json());
  return { slug: body.type.split("/").at(-1) ?? "", field: body.field };
}

/** The dashboard's "Before and after" section, up to its fold of figures. */
function checksSection(html: string): string {
  const start = html.indexOf('aria-labelledby="checks-heading"');
  if (start === -1) throw new Error("No Before and after on the dashboard.");
  return html.slice(start, html.indexOf("<details", start) === -1 ? undefined : html.indexOf("<details", start));
}

describe("the class's change on the dashboard, in JSON and in the CSV", () => {
  it("shows the change in each figure with its counts, and says when the class is too small", async () => {
    const { code, key, teacher } = await createClass({ items: "6", checks: "on" });
    // Ana: 2 right before, 5 after; Ben: 4 before, 4 after; Cy only does the check-in.
    const plan = [
      { nickname: "Ana", before: 2, after: 5 },
      { nickname: "Ben", before: 4, after: 4 },
    ];
    for (const p of plan) {
      const { student } = await join(code, { nickname: p.nickname });
      await playCheck(student, p.before, 5);
      await play(student, rightly);
      expect(location(await student.get("/quiz/result"))).toBe("/quiz/check");
      await playCheck(student, p.after, 5);
    }
    const { student: cy } = await join(code, { nickname: "Cy" });
    await playCheck(cy, 6, null);

    const page = await (await teacher.get(`/c/${code}/teacher`)).text();
    const section = checksSection(page);
    expect(section).toContain("2 students did both the check-in and the check-out.");
    expect(section).toContain(
      "Right answers: 3 of 6 on average at the check-in, 4.5 at the check-out (more for 1, the same for 1).",
    );
    expect(section).toContain("Expected more than they got: 1 of 2 at the check-in, 0 of 2 at the check-out.");
    expect(section).toContain("With only 2 students, one student&#39;s answers move these a lot");
    expect(section).toContain("Check-in: 3 done. Check-out: 2 done.");
    // Said aloud: no signed figures, no verdict, no "bias".
    expect(section).not.toMatch(/[−+-]\d|\bbias\b|\bverified\b/);

    const res = await send(`/api/v1/classes/${code}/dashboard`, undefined, key);
    expect(res.status).toBe(200);
    const dashboard = ClassDashboard.parse(await res.json());
    expect(dashboard.checks).toBe(true);
    const change = dashboard.beforeAfter?.change;
    expect(change).toMatchObject({ checkedIn: 3, checkedOut: 2, both: 2, few: true, size: 6 });
    expect(change?.correct).toMatchObject({ students: 2, before: 3, after: 4.5, change: 1.5, up: 1, same: 1, down: 0 });
    expect(change?.overconfidence).toMatchObject({ students: 2, before: 2, after: 0.5, overBefore: 1, overAfter: 0 });
    expect(dashboard.beforeAfter?.students.map((s) => [s.before?.correct ?? null, s.after?.correct ?? null])).toEqual([
      [2, 5],
      [4, 4],
      [6, null],
    ]);

    const csv = await (await teacher.get(`/c/${code}/teacher.csv`)).text();
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(-4)).toEqual([
      "Check-in correct",
      "Check-out correct",
      "Check-in expected",
      "Check-out expected",
    ]);
    const row = (nick: string) =>
      lines
        .find((line) => line.startsWith(`${nick},`))
        ?.split(",")
        .slice(-4);
    expect(row("Ana")).toEqual(["2", "5", "5", "5"]);
    expect(row("Cy")).toEqual(["6", "", "", ""]);
  });

  it("a class without checks shows none, and its CSV keeps its columns", async () => {
    const { code, key, teacher } = await createClass({ items: "6" });
    const page = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(page).not.toContain("checks-heading");
    const dashboard = ClassDashboard.parse(
      await (await send(`/api/v1/classes/${code}/dashboard`, undefined, key)).json(),
    );
    expect(dashboard).toMatchObject({ checks: false, beforeAfter: null });
    const csv = await (await teacher.get(`/c/${code}/teacher.csv`)).text();
    expect(csv).not.toContain("Check-in");
  });
});

/** The text of each cell of a table row, tags dropped. */
function cellsOf(row: string): string[] {
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** The cells of the Students table's row for `nick`. */
function studentRow(html: string, nick: string): string[] {
  const row = new RegExp(`<tr><th scope="row" class="nick">${nick}</th>[\\s\\S]*?</tr>`).exec(html)?.[0];
  if (!row) throw new Error(`No row for ${nick}`);
  return cellsOf(row);
}

/** The dashboard's closed answer-key fold. */
function keyFold(html: string): string {
  const fold = /<details class="key">[\s\S]*?<\/details>/.exec(html)?.[0];
  if (!fold) throw new Error("No answer-key fold on the dashboard.");
  return fold;
}

describe("the check statements in the answer key, and who has done which part", () => {
  it("lists sets A and B with verdicts and right counts in the fold only; the Students table says who did which part", async () => {
    const { code, key, teacher, html: firstView } = await createClass({ items: "6", checks: "on" });
    const forms = (await recordOf(code)).checks;
    const a = forms?.a ?? [];
    const b = forms?.b ?? [];
    // Join order decides the sets: odd joiners have A as their check-in, even ones B.
    // Ana (A then B): 2 right, then 5. Ben (B then A): 4, then 3. Cy (A): 6 right, finishes, no check-out.
    const ana = (await join(code, { nickname: "Ana" })).student;
    await playCheck(ana, 2, null);
    await play(ana, rightly);
    await playCheck(ana, 5, null);
    const ben = (await join(code, { nickname: "Ben" })).student;
    await playCheck(ben, 4, null);
    await play(ben, wrongly);
    await playCheck(ben, 3, null);
    const cy = (await join(code, { nickname: "Cy" })).student;
    await playCheck(cy, 6, null);
    await play(cy, rightly);
    await join(code, { nickname: "Dee" }); // joins, nothing more
    // Eve (JSON) answers a statement first (too late for the check-in), stops, then does the check-out (B): 1 right.
    const eve = ClassJoined.parse(await (await send(`/api/v1/classes/${code}/students`, { nickname: "Eve" })).json());
    const answered = (await (
      await send("/api/v1/attempts/answer", { token: eve.token, itemId: eve.next?.id, answer: "verified" })
    ).json()) as { token: string };
    expect((await send("/api/v1/attempts/finish", { token: answered.token })).status).toBe(200);
    const due = CheckDue.parse(await (await send("/api/v1/attempts/check", { token: answered.token })).json());
    expect(due.phase).toBe("out");
    expect(due.statements.map((st) => st.id)).toEqual(b);
    const eveAnswers = b.map((id, i) => (i < 1 ? rightly(id) : wrongly(id)));
    const sent = await send("/api/v1/attempts/check/answers", { token: due.token, phase: "out", answers: eveAnswers });
    expect(sent.status).toBe(200);

    // Worked by hand from the plan above, position by position.
    const expected = {
      a: {
        in: ["2 of 2", "2 of 2", "1 of 2", "1 of 2", "1 of 2", "1 of 2"], // Ana 1–2 right, Cy all
        out: ["1 of 1", "1 of 1", "1 of 1", "0 of 1", "0 of 1", "0 of 1"], // Ben 1–3 right
      },
      b: {
        in: ["1 of 1", "1 of 1", "1 of 1", "1 of 1", "0 of 1", "0 of 1"], // Ben 1–4 right
        out: ["2 of 2", "1 of 2", "1 of 2", "1 of 2", "1 of 2", "0 of 2"], // Ana 1–5 right, Eve 1
      },
    };

    const page = await (await teacher.get(`/c/${code}/teacher`)).text();
    const fold = keyFold(page);
    expect(fold).toMatch(/^<details class="key">/); // closed: no open attribute
    const section = fold.slice(fold.indexOf('aria-labelledby="check-key-heading"'));
    expect(section).toContain("The check-in and check-out statements");
    const rows = [...section.matchAll(/<tr>(?:(?!<\/tr>)[\s\S])*?<th scope="row">[\s\S]*?<\/tr>/g)].map((m) =>
      cellsOf(m[0]),
    );
    expect(rows).toHaveLength(12);
    const want = [...(["a", "b"] as const)].flatMap((set) =>
      (set === "a" ? a : b).map((id, i) => [
        String(i + 1),
        pack.itemById.get(id)?.verdict === "verified" ? "Verified" : "Unverified",
        `${expected[set].in[i]} right`,
        `${expected[set].out[i]} right`,
      ]),
    );
    expect(rows.map(([n, , verdict, atIn, atOut]) => [n, verdict, atIn, atOut])).toEqual(want);
    // Each row is the statement of that set, in its order.
    const statements = rows.map((cells) => cells[1]);
    const json = ClassDashboard.parse(await (await send(`/api/v1/classes/${code}/dashboard`, undefined, key)).json());
    const listed = json.beforeAfter?.statements ?? [];
    expect(listed.map((st) => st.itemId)).toEqual([...a, ...b]);
    expect(listed.map((st) => escapeHtml(st.statement))).toEqual(statements);
    for (const st of listed) expect(section).toContain(escapeHtml(st.statement));
    // The JSON gives the same counts as the page.
    expect(
      listed.map((st) => [
        st.set,
        st.position,
        st.verdict,
        `${st.checkIn.correct} of ${st.checkIn.answered}`,
        `${st.checkOut.correct} of ${st.checkOut.answered}`,
      ]),
    ).toEqual(
      [...a, ...b].map((id, i) => {
        const set = i < 6 ? "a" : "b";
        const at = i % 6;
        return [set, at + 1, pack.itemById.get(id)?.verdict, expected[set].in[at], expected[set].out[at]];
      }),
    );

    // Outside the fold: none of the twelve statements, no verdict word, no right counts.
    for (const view of [page, firstView]) {
      const outside = view.replace(/<details class="key">[\s\S]*?<\/details>/, "");
      expect(outside).not.toMatch(/>\s*(Verified|Unverified)\s*</);
      expect(outside).not.toMatch(/\bof \d+ right\b|nobody yet/);
      for (const st of listed) expect(outside).not.toContain(escapeHtml(st.statement));
    }

    // The Students table: which parts each has done, in words, beside the status; never a verdict or a score.
    expect(page).toContain('<th scope="col">Check-in / out</th>');
    const words = Object.fromEntries(
      ["Ana", "Ben", "Cy", "Dee", "Eve"].map((nick) => {
        const [, status, done] = studentRow(page, nick);
        return [nick, [status, done]];
      }),
    );
    expect(words).toEqual({
      Ana: ["Finished", "both"],
      Ben: ["Finished", "both"],
      Cy: ["Finished", "check-in only"],
      Dee: ["Playing", "neither"],
      Eve: ["Stopped early", "check-out only"],
    });
    // The JSON says the same, in the order of `students` (finished first, then by name).
    expect(json.students.map((st) => st.nickname)).toEqual(["Ana", "Ben", "Cy", "Eve", "Dee"]);
    expect(json.beforeAfter?.students.map((st) => st.id)).toEqual(json.students.map((st) => st.id));
    expect(json.beforeAfter?.students.map((st) => [st.before !== null, st.after !== null])).toEqual([
      [true, true],
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it("a class without checks has neither the column nor the key's section", async () => {
    const { code, key, teacher } = await createClass({ items: "6" });
    await play((await join(code, { nickname: "Ana" })).student, rightly);
    const page = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(studentRow(page, "Ana")).toHaveLength(7); // name, status, progress, three figures, actions
    expect(page).not.toContain("Check-in / out");
    expect(keyFold(page)).not.toContain("check-key-heading");
    expect(page).not.toContain("The check-in and check-out statements");
    const json = ClassDashboard.parse(await (await send(`/api/v1/classes/${code}/dashboard`, undefined, key)).json());
    expect(json.beforeAfter).toBeNull();
  });
});

describe("bad input gets a clear 4xx", () => {
  it("the option: too many statements, teacher-paced, not a boolean", async () => {
    const teacher = new Browser();
    const all = await teacher.post("/teach", { items: "all", names: "typed", checks: "on" });
    expect(all.status).toBe(400);
    expect(await all.text()).toContain("choose 12 statements or fewer");
    const paced = await teacher.post("/teach", { items: "6", names: "typed", pace: "teacher", checks: "on" });
    expect(paced.status).toBe(400);
    expect(await paced.text()).toContain("for classes that go at their own pace");
    expect(await problemOf(await send("/api/v1/classes", { items: "all", checks: true }), 400)).toEqual({
      slug: "invalid-body",
      field: "body.checks",
    });
    expect((await problemOf(await send("/api/v1/classes", { checks: "yes" }), 400)).field).toBe("body.checks");
  });

  it("the settings: turned on by PATCH draws the forms; locked once a check-in is in", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    const path = `/api/v1/classes/${created.code}`;
    expect((await problemOf(await send(path, { checks: 1 }, created.teacherKey, "PATCH"), 400)).field).toBe(
      "body.checks",
    );
    expect((await send(path, { checks: true }, created.teacherKey, "PATCH")).status).toBe(200);
    expect((await recordOf(created.code)).checks?.a).toHaveLength(6);
    expect((await send(`${path}/start`, {}, created.teacherKey)).status).toBe(200);
    const { student } = await join(created.code, { nickname: "Ana" });
    await playCheck(student, 3, null);
    expect((await problemOf(await send(path, { checks: false }, created.teacherKey, "PATCH"), 409)).slug).toBe(
      "class-started",
    );
  });

  it("the check form: a missing answer, an estimate out of range, an unknown part", async () => {
    const { code } = await createClass({ items: "6", checks: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    const html = await (await student.get("/quiz/check")).text();
    const ids = formOn(html);
    const fields: Record<string, string> = { phase: "in", form: ids.join(",") };
    ids.forEach((id, i) => {
      if (i !== 2) fields[`q${i + 1}`] = rightly(id);
    });
    const missing = await student.post("/quiz/check", fields);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Please choose Verified or Unverified for statement 3.");
    const tooMany = await student.post("/quiz/check", { ...fields, q3: "verified", estimate: "9" });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("a number from 0 to 6, or none");
    expect((await student.post("/quiz/check", { ...fields, q3: "maybe" })).status).toBe(400);
    expect((await student.post("/quiz/check", { ...fields, phase: "later" })).status).toBe(400);
    // Nothing was recorded: the check-in is still due.
    expect(location(await student.get("/quiz/q"))).toBe("/quiz/check");
  });

  it("the JSON routes: wrong count, estimate, part, token, and a check-in after the first answer", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, checks: true })).json());
    expect((await send(`/api/v1/classes/${created.code}/start`, {}, created.teacherKey)).status).toBe(200);
    const joinAs = async (nickname: string) =>
      ClassJoined.parse(await (await send(`/api/v1/classes/${created.code}/students`, { nickname })).json());
    const ana = await joinAs("Ana");
    const due = CheckDue.parse(await (await send("/api/v1/attempts/check", { token: ana.token })).json());
    expect(due.phase).toBe("in");
    expect(due.statements).toHaveLength(6);
    expect(JSON.stringify(due)).not.toMatch(/"verdict"/);
    const six = due.statements.map((s) => rightly(s.id));
    const answers = (body: Record<string, unknown>) =>
      send("/api/v1/attempts/check/answers", { token: due.token, ...body });
    expect(await problemOf(await answers({ phase: "in", answers: six.slice(0, 5) }), 422)).toEqual({
      slug: "check-answers-count",
      field: "body.answers",
    });
    expect((await problemOf(await answers({ phase: "in", answers: six, estimate: 7 }), 422)).field).toBe(
      "body.estimate",
    );
    expect((await problemOf(await answers({ phase: "in", answers: six, estimate: -1 }), 400)).field).toBe(
      "body.estimate",
    );
    expect((await problemOf(await answers({ phase: "out", answers: six }), 409)).slug).toBe("check-not-now");
    expect((await problemOf(await answers({ phase: "in", answers: ["yes"] }), 400)).field).toMatch(/^body\.answers/);
    expect((await problemOf(await send("/api/v1/attempts/check", { token: "nope" }), 401)).field).toBe("body.token");
    const recorded = CheckRecorded.parse(await (await answers({ phase: "in", answers: six, estimate: 4 })).json());
    // No feedback on the check-in: its figures wait for the check-out.
    expect(recorded).toMatchObject({ phase: "in", estimate: 4, before: null, after: null });
    // A second send changes nothing: the part is done.
    expect((await problemOf(await answers({ phase: "in", answers: six }), 409)).slug).toBe("check-not-now");

    // Ben answers a statement first: his check-in is then too late.
    const ben = await joinAs("Ben");
    const first = ben.next?.id ?? "";
    expect(
      (await send("/api/v1/attempts/answer", { token: ben.token, itemId: first, answer: "verified" })).status,
    ).toBe(200);
    const late = await send("/api/v1/attempts/check/answers", { token: ben.token, phase: "in", answers: six });
    expect((await problemOf(late, 409)).slug).toBe("check-not-now");
    const benDue = CheckDue.parse(await (await send("/api/v1/attempts/check", { token: ben.token })).json());
    expect(benDue).toMatchObject({ phase: null, passed: 1 });

    // A public attempt has no checks.
    const started = await (await send("/api/v1/attempts", {})).json();
    expect(
      (await problemOf(await send("/api/v1/attempts/check", { token: (started as { token: string }).token }), 409))
        .slug,
    ).toBe("no-checks");
  });
});

describe("the class's object moves to schema 5 (and on to the latest)", () => {
  it("a class opened at schema 2 gains the checks table once, and keeps a check-in from then on", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("OLD5SC"));
    const after = await runInDurableObject(stub, (room, state) => {
      state.storage.sql.exec(SCHEMA_2);
      state.storage.sql.exec("INSERT INTO meta VALUES ('expires', ?)", Date.now() + 86_400_000);
      state.storage.sql.exec(
        "INSERT INTO students (sid, nick, attempt, joined, answered, items, back, seen) VALUES ('s1', 'Old', 'a1', 0, 0, '[\"i1\"]', 'K7M2Q', 0)",
      );
      const take = { attempt: "a1", phase: "in" as const, items: ["x1", "x2"], answers: "vu", estimate: 1 };
      const done = room.check(take, Date.now());
      const schema = state.storage.sql.exec("SELECT v FROM meta WHERE k = 'schema'").one().v;
      return { done, schema, seat: room.checkSeat("a1") };
    });
    expect(after.schema).toBe(SCHEMA_VERSION);
    expect(after.done).toMatchObject({ ok: true, first: true });
    expect(after.seat).toMatchObject({ turn: 1, answered: 0, takes: [{ phase: "in", answers: "vu", estimate: 1 }] });
  });
});
