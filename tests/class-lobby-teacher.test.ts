/**
 * The teacher's lobby, on the real class object and local KV: several names removed in one POST,
 * a class whose teacher admits each name (the waiting room: pages, JSON, the socket's door
 * count), and the settings changed until the first answer (the KV record and the object in
 * step; students already in seated under the new settings; a 409 class-started after it). Also
 * the object's migration from schema 2 to 3.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ClassCreated, ClassDashboard, ClassInfo, ClassJoined, StudentsChanged } from "../src/routes/api/class-schemas";
import { AnswerResponse, Problem } from "../src/routes/api/schemas";
import { SCHEMA_VERSION } from "../src/store/class-room-sql";
import { Browser, call, createClass, itemOn, join, location, ORIGIN, play, rightly, SCHEMA_2 } from "./class-helpers";

function send(path: string, body?: unknown, key?: string, method?: string): Promise<Response> {
  return call(path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function text(res: Response | Promise<Response>): Promise<string> {
  return (await res).text();
}

/** A class made through JSON, with students joined through JSON. */
async function jsonClass(options: Record<string, unknown>, names: string[]) {
  const created = ClassCreated.parse(await (await send("/api/v1/classes", options)).json());
  const joined = [];
  for (const nickname of names) {
    const res = await send(`/api/v1/classes/${created.code}/students`, { nickname });
    expect(res.status).toBe(201);
    joined.push(ClassJoined.parse(await res.json()));
  }
  return { created, joined };
}

async function dashboard(code: string, key: string) {
  return ClassDashboard.parse(await (await send(`/api/v1/classes/${code}/dashboard`, undefined, key)).json());
}

/** POST a form whose field repeats (the roster's ticked checkboxes), as a browser does. */
function postTicked(teacher: Browser, path: string, ids: string[]): Promise<Response> {
  const body = new URLSearchParams(ids.map((id) => ["student", id])).toString();
  return call(path, {
    method: "POST",
    headers: { ...teacher.headers(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

async function problemOf(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return Problem.parse(await res.json()).type;
}

describe("removing several students at once", () => {
  it("the dashboard: one checkbox per row, one button, one POST removes the ticked names and keeps them out", async () => {
    const { code, teacher, key } = await createClass();
    for (const nickname of ["Ada", "Ben", "Cleo"]) await join(code, { nickname });
    const html = await text(teacher.get(`/c/${code}/teacher`));
    expect(html).toContain("Remove the ticked students");
    const boxes = [...html.matchAll(/type="checkbox" name="student" value="([^"]+)" form="remove-ticked"/g)];
    expect(boxes).toHaveLength(3);
    const before = await dashboard(code, key);
    const ids = before.students.filter((s) => s.nickname !== "Ben").map((s) => s.id);
    const res = await postTicked(teacher, `/c/${code}/teacher/remove-ticked`, ids);
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/c/${code}/teacher?done=removed-ticked`);
    const after = await dashboard(code, key);
    expect(after.students.map((s) => s.nickname)).toEqual(["Ben"]);
    expect(after.removed.map((r) => r.nickname).sort()).toEqual(["Ada", "Cleo"]);
    // Their names stay refused.
    expect((await join(code, { nickname: "Ada" })).response.status).toBe(403);
    // Nothing ticked: a notice, nothing removed.
    const none = await postTicked(teacher, `/c/${code}/teacher/remove-ticked`, []);
    expect(location(none)).toBe(`/c/${code}/teacher?done=none-ticked`);
    expect((await dashboard(code, key)).students).toHaveLength(1);
    // Only the teacher.
    expect((await postTicked(new Browser(), `/c/${code}/teacher/remove-ticked`, ids)).status).toBe(401);
    // A name removed meanwhile, or a made-up id: a notice, and nobody else is removed.
    const stale = await postTicked(teacher, `/c/${code}/teacher/remove-ticked`, [...ids, "not-an-id"]);
    expect(location(stale)).toBe(`/c/${code}/teacher?done=not-found`);
    const ben = (await dashboard(code, key)).students.map((s) => s.id);
    const mixed = await postTicked(teacher, `/c/${code}/teacher/remove-ticked`, [...ben, ids[0] ?? ""]);
    expect(location(mixed)).toBe(`/c/${code}/teacher?done=not-found`);
    expect((await dashboard(code, key)).students.map((s) => s.nickname)).toEqual(["Ben"]);
  });

  it("JSON: all or none, bounded, and bad input is a problem", async () => {
    const { created } = await jsonClass({ size: 3 }, ["Dina", "Emil", "Fay"]);
    const { code, teacherKey: key } = created;
    const path = `/api/v1/classes/${code}/students/remove`;
    const ids = (await dashboard(code, key)).students.map((s) => s.id);
    expect(ids).toHaveLength(3);
    // Not an array, an empty list, a wrong type inside, an unknown field: 400, nothing removed.
    expect(await problemOf(await send(path, { students: ids[0] }, key), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { students: [] }, key), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { students: [1] }, key), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { students: ids, all: true }, key), 400)).toMatch(/invalid-body$/);
    // Longer than the class: 400.
    const four = [...ids, ids[0] ?? ""];
    expect(await problemOf(await send(path, { students: four }, key), 400)).toMatch(/invalid-body$/);
    // One unknown id among known ones: 404, and nobody is removed.
    const unknown = await send(path, { students: [ids[0], "AAAAAAAAAAAAAAAAAAAAAA"] }, key);
    expect(await problemOf(unknown, 404)).toMatch(/student-not-found$/);
    expect((await dashboard(code, key)).students).toHaveLength(3);
    // Without the key: 401, and the body is not looked at.
    expect((await send(path, { students: [] })).status).toBe(401);
    const ok = await send(path, { students: [ids[0], ids[1]] }, key);
    expect(ok.status).toBe(200);
    expect(StudentsChanged.parse(await ok.json())).toEqual({ code, count: 2 });
    const after = await dashboard(code, key);
    expect(after.students.map((s) => s.nickname)).toEqual(["Fay"]);
    expect(after.removed).toHaveLength(2);
    // Removed already: 404 the second time.
    expect(await problemOf(await send(path, { students: [ids[0]] }, key), 404)).toMatch(/student-not-found$/);
  });
});

describe("a class whose teacher admits each name", () => {
  it("pages: the student waits, greyed on the dashboard, cannot answer, and Admit lets them in", async () => {
    const { code, teacher } = await createClass({ admit: "on" });
    const { student } = await join(code, { nickname: "Gus" });
    let html = await text(student.get(`/c/${code}/joined`));
    expect(html).toContain("Waiting for your teacher to let you in");
    expect(html).toMatch(/data-door="\d+"/);
    expect(html).toContain(`href="/c/${code}/joined">Refresh</a>`);
    expect(html).not.toMatch(/href="\/quiz\/(q|estimate)"/);
    // The dashboard shows the name greyed, with Admit; the projector does not show it.
    let board = await text(teacher.get(`/c/${code}/teacher`));
    expect(board).toContain("Waiting to be let in (1)");
    expect(board).toContain("Joined: 0. Waiting to be let in: 1.");
    expect(board).toContain('<span class="nick muted">Gus</span>');
    expect(board).toContain('aria-label="Admit Gus"');
    expect(await text(teacher.get(`/c/${code}/present`))).not.toContain("Gus");
    // An answer typed anyway is not recorded: back to the waiting page.
    const item = itemOn(await text(student.get("/quiz/q/1")));
    const early = await student.post("/quiz/answer", { item, answer: rightly(item) });
    expect(location(early)).toBe(`/c/${code}/joined`);

    const sid = /name="student" value="([^"]+)"[^>]*>\s*<button type="submit" aria-label="Admit Gus"/.exec(board)?.[1];
    expect(sid).toBeDefined();
    // A made-up id, or no sign-in: nobody is let in.
    const bogus = await teacher.post(`/c/${code}/teacher/admit`, { student: "AAAAAAAAAAAAAAAAAAAAAA" });
    expect(location(bogus)).toBe(`/c/${code}/teacher?done=not-found`);
    expect((await new Browser().post(`/c/${code}/teacher/admit`, { all: "1" })).status).toBe(401);
    expect(await text(student.get(`/c/${code}/joined`))).toContain("Waiting for your teacher to let you in");
    const admitted = await teacher.post(`/c/${code}/teacher/admit`, { student: sid ?? "" });
    expect(location(admitted)).toBe(`/c/${code}/teacher?done=admitted`);
    board = await text(teacher.get(`/c/${code}/teacher`));
    expect(board).not.toContain("Waiting to be let in");
    html = await text(student.get(`/c/${code}/joined`));
    expect(html).toContain('in as <span class="nick">Gus</span>');
    const answered = await student.post("/quiz/answer", { item, answer: rightly(item) });
    expect(location(answered)).toBe(`/quiz/feedback/${item}`);
  });

  it("pages: Refuse removes the name (its page says so), and 'Admit everyone waiting' lets all in", async () => {
    const { code, teacher, key } = await createClass({ admit: "on" });
    const students = [];
    for (const nickname of ["Hana", "Ivo", "Jon"]) students.push((await join(code, { nickname })).student);
    const board = await text(teacher.get(`/c/${code}/teacher`));
    expect(board).toContain("Admit everyone waiting");
    const hana = (await dashboard(code, key)).waiting.find((w) => w.nickname === "Hana");
    const refused = await teacher.post(`/c/${code}/teacher/remove`, { student: hana?.id ?? "" });
    expect(location(refused)).toBe(`/c/${code}/teacher?done=removed`);
    const hanaPhone = students[0] ?? new Browser();
    expect(await text(hanaPhone.get(`/c/${code}/joined`))).toContain("You are not in this class");
    const all = await teacher.post(`/c/${code}/teacher/admit`, { all: "1" });
    expect(location(all)).toBe(`/c/${code}/teacher?done=admitted`);
    const after = await dashboard(code, key);
    expect(after.waiting).toEqual([]);
    expect(after.students.map((s) => s.nickname)).toEqual(["Ivo", "Jon"]);
    expect(after.removed.map((r) => r.nickname)).toEqual(["Hana"]);
    for (const s of students.slice(1)) expect(await text(s.get(`/c/${code}/joined`))).toContain("in as <span");
  });

  it("JSON: join says waiting, answers are 409 not-admitted, …/students/admit lets them in; bad input refused", async () => {
    const { created, joined } = await jsonClass({ admit: true, start: "join" }, ["Kai", "Lin"]);
    const { code, teacherKey: key } = created;
    expect(created.admit).toBe(true);
    expect(joined.map((j) => j.waiting)).toEqual([true, true]);
    const [kai, lin] = joined;
    const itemId = kai?.next?.id ?? "";
    const refused = await send("/api/v1/attempts/answer", { token: kai?.token, itemId, answer: "verified" });
    expect(await problemOf(refused, 409)).toMatch(/not-admitted$/);
    const path = `/api/v1/classes/${code}/students/admit`;
    const waiting = (await dashboard(code, key)).waiting;
    expect(waiting.map((w) => w.nickname)).toEqual(["Kai", "Lin"]);
    expect((await dashboard(code, key)).students).toEqual([]);
    // Bad input: not an array, empty, an unknown id (nobody let in), without the key.
    expect(await problemOf(await send(path, { students: "Kai" }, key), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { students: [] }, key), 400)).toMatch(/invalid-body$/);
    const unknown = await send(path, { students: [waiting[0]?.id, "AAAAAAAAAAAAAAAAAAAAAA"] }, key);
    expect(await problemOf(unknown, 404)).toMatch(/student-not-found$/);
    expect((await dashboard(code, key)).waiting).toHaveLength(2);
    expect((await send(path, { students: "all" })).status).toBe(401);

    const one = await send(path, { students: [waiting[0]?.id] }, key);
    expect(StudentsChanged.parse(await one.json())).toEqual({ code, count: 1 });
    const ok = await send("/api/v1/attempts/answer", { token: kai?.token, itemId, answer: "verified" });
    expect(ok.status).toBe(200);
    AnswerResponse.parse(await ok.json());
    // Admitted already: not waiting any more.
    expect(await problemOf(await send(path, { students: [waiting[0]?.id] }, key), 404)).toMatch(/student-not-found$/);
    // Rejoining says whether the student still waits.
    const back = await send(`/api/v1/classes/${code}/students/back`, { back: lin?.back });
    expect(ClassJoined.parse(await back.json()).waiting).toBe(true);
    const all = await send(path, { students: "all" }, key);
    expect(StudentsChanged.parse(await all.json()).count).toBe(1);
    expect((await dashboard(code, key)).students.map((s) => s.nickname)).toEqual(["Kai", "Lin"]);
  });

  it("the socket's door count moves when the teacher admits or refuses someone (a waiting page looks again then)", async () => {
    const { created, joined } = await jsonClass({ admit: true }, ["Max"]);
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(created.code));
    const door = () =>
      runInDurableObject(
        stub,
        (_room, state) => state.storage.sql.exec("SELECT v FROM meta WHERE k = 'door'").toArray()[0]?.v ?? 0,
      );
    expect(await door()).toBe(0);
    const waiting = (await dashboard(created.code, created.teacherKey)).waiting;
    await send(`/api/v1/classes/${created.code}/students/admit`, { students: [waiting[0]?.id] }, created.teacherKey);
    expect(await door()).toBe(1);
    expect(joined).toHaveLength(1);
  });
});

describe("the settings, changeable until the first answer", () => {
  it("pages: the dashboard links to them in the lobby; a change reaches KV and the object, and students already in follow", async () => {
    const { code, teacher, key } = await createClass({ start: "teacher" });
    const { student } = await join(code, { nickname: "Nia" });
    expect(await text(student.get(`/c/${code}/joined`))).toContain("Your teacher will start the quiz");
    expect(await text(teacher.get(`/c/${code}/teacher`))).toContain(`href="/c/${code}/teacher/settings"`);
    expect((await new Browser().get(`/c/${code}/teacher/settings`)).status).toBe(401);
    expect((await new Browser().post(`/c/${code}/teacher/settings`, { items: "12" })).status).toBe(401);
    const page = await text(teacher.get(`/c/${code}/teacher/settings`));
    expect(page).toContain("Save the settings");
    expect(page).toContain('name="admit"');
    // A bad size comes back on the form, nothing changed.
    const bad = await teacher.post(`/c/${code}/teacher/settings`, { items: "12", size: "0", pace: "student" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("A class has room for 1 to 200 students.");
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${code}`)).json()).itemCount).toBe(8);
    // Homework start, 12 statements, admit each name.
    const saved = await teacher.post(`/c/${code}/teacher/settings`, {
      items: "12",
      size: "30",
      pace: "student",
      start: "join",
      admit: "on",
      shuffle: "on",
      names: "typed",
    });
    expect(location(saved)).toBe(`/c/${code}/teacher?done=settings`);
    const info = ClassInfo.parse(await (await send(`/api/v1/classes/${code}`)).json());
    expect(info).toMatchObject({ itemCount: 12, size: 30, start: "join", admit: true, state: "running" });
    // Nia, already in, is seated under the new settings by her next page: 12 statements, a new token.
    const html = await text(student.get(`/c/${code}/joined`));
    expect(html).toContain("12 statements");
    expect(html).toContain('href="/quiz/estimate">Start</a>');
    // A newcomer waits to be admitted (the new setting).
    const late = await join(code, { nickname: "Omar" });
    expect(await text(late.student.get(`/c/${code}/joined`))).toContain("Waiting for your teacher to let you in");
    // Nia answers: from now on the settings stay.
    expect(await play(student, rightly, 1, { finish: false })).toHaveLength(1);
    expect(await text(teacher.get(`/c/${code}/teacher`))).not.toContain(`/c/${code}/teacher/settings`);
    const locked = await teacher.get(`/c/${code}/teacher/settings`);
    expect(locked.status).toBe(409);
    const lockedHtml = await locked.text();
    expect(lockedHtml).toContain("A student has answered");
    expect(lockedHtml).not.toContain("Save the settings");
    const late2 = await teacher.post(`/c/${code}/teacher/settings`, { items: "6", size: "30", pace: "student" });
    expect(late2.status).toBe(409);
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${code}`)).json()).itemCount).toBe(12);
    expect((await dashboard(code, key)).settingsOpen).toBe(false);
  });

  it("JSON: PATCH changes what it names, an old token gets 409 class-settings-changed and a rejoin seats it; 409 class-started after the first answer", async () => {
    const { created, joined } = await jsonClass({ items: 8 }, ["Pia"]);
    const { code, teacherKey: key } = created;
    const path = `/api/v1/classes/${code}`;
    expect((await dashboard(code, key)).settingsOpen).toBe(true);
    // Bad input: an unknown field, a size out of range, a wrong type; without the key.
    expect(await problemOf(await send(path, { colour: "red" }, key, "PATCH"), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { size: 0 }, key, "PATCH"), 400)).toMatch(/invalid-body$/);
    expect(await problemOf(await send(path, { admit: "yes" }, key, "PATCH"), 400)).toMatch(/invalid-body$/);
    expect((await send(path, { items: 6 }, undefined, "PATCH")).status).toBe(401);
    // Smaller than the class already is: 409 size-below-joined.
    await send(`/api/v1/classes/${code}/students`, { nickname: "Quin" });
    expect(await problemOf(await send(path, { size: 1 }, key, "PATCH"), 409)).toMatch(/size-below-joined$/);

    const res = await send(path, { items: 6, pace: "teacher" }, key, "PATCH");
    expect(res.status).toBe(200);
    const info = ClassInfo.parse(await res.json());
    expect(info).toMatchObject({ itemCount: 6, pace: "teacher", size: 40, state: "lobby" });
    // Pia's token is from before: refused, nothing recorded; her code seats her under the new settings.
    const pia = joined[0];
    const stale = await send("/api/v1/attempts/answer", {
      token: pia?.token,
      itemId: pia?.next?.id,
      answer: "verified",
    });
    expect(await problemOf(stale, 409)).toMatch(/class-settings-changed$/);
    const back = ClassJoined.parse(await (await send(`${path}/students/back`, { back: pia?.back })).json());
    expect(back.total).toBe(6);
    // Teacher-paced now: the first statement opens, and her new token answers it.
    await send(`${path}/start`, {}, key);
    const first = ClassJoined.parse(await (await send(`${path}/students/back`, { back: pia?.back })).json());
    const answered = await send("/api/v1/attempts/answer", {
      token: first.token,
      itemId: first.next?.id,
      answer: "verified",
    });
    expect(answered.status).toBe(200);
    expect((await dashboard(code, key)).settingsOpen).toBe(false);
    expect(await problemOf(await send(path, { items: 8 }, key, "PATCH"), 409)).toMatch(/class-started$/);
    expect(ClassInfo.parse(await (await send(path)).json()).itemCount).toBe(6);
  });

  it("JSON: an ended class keeps its settings (409 class-ended); a class that does not exist is the same 403", async () => {
    const { created } = await jsonClass({ items: 8 }, ["Uma"]);
    const { code, teacherKey: key } = created;
    expect((await send(`/api/v1/classes/${code}/end`, {}, key)).status).toBe(200);
    expect(await problemOf(await send(`/api/v1/classes/${code}`, { items: 6 }, key, "PATCH"), 409)).toMatch(
      /class-ended$/,
    );
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${code}`)).json()).itemCount).toBe(8);
    for (const [path, method] of [
      ["/api/v1/classes/ZZZZZZ", "PATCH"],
      ["/api/v1/classes/ZZZZZZ/students/remove", "POST"],
      ["/api/v1/classes/ZZZZZZ/students/admit", "POST"],
    ] as const) {
      const res = await send(path, { students: "all" }, key, method);
      expect(await problemOf(res, 403)).toMatch(/teacher-key-rejected$/);
    }
  });

  it("a join that read the record before the change is seated under the object's newer settings", async () => {
    const { created } = await jsonClass({ items: 8 }, []);
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(created.code));
    const settings = {
      rev: 1,
      itemIds: ["a-1", "a-2"],
      shuffle: false,
      paced: true,
      gated: true,
      admit: true,
      size: 5,
    };
    const joined = await runInDurableObject(stub, async (room) => {
      await room.configure({ expiresAt: Date.now() + 86_400_000 }, settings, true);
      const cls = { expiresAt: Date.now() + 86_400_000, size: 40, gated: false, rev: 0 };
      const s = { sid: "s".repeat(22), nick: "Rae", attemptId: "x", now: Date.now(), client: "c", items: ["b-1"] };
      return room.join(cls, s);
    });
    expect(joined).toMatchObject({ ok: true, waiting: true, rev: 1, seat: { items: ["a-1", "a-2"], paced: true } });
  });
});

describe("the class object's tables", () => {
  it("a class opened under schema 2 gets schema 3 once: the waiting column and the settings table", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("MIG234"));
    const after = await runInDurableObject(stub, (room, state) => {
      const sql = state.storage.sql;
      // The tables as schema 2 made them.
      sql.exec(SCHEMA_2);
      sql.exec("INSERT INTO students (sid, nick, attempt, joined) VALUES ('s1', 'Sol', 'a1', 0)");
      const view = room.view();
      const schema = sql.exec("SELECT v FROM meta WHERE k = 'schema'").one().v;
      const settings = sql.exec("SELECT COUNT(*) AS n FROM settings").one().n;
      // A second look migrates nothing again.
      room.view();
      return { view, schema, settings };
    });
    expect(after.schema).toBe(SCHEMA_VERSION);
    expect(after.settings).toBe(0);
    expect(after.view?.students.map((s) => [s.nick, s.waiting])).toEqual([["Sol", false]]);
  });
});
