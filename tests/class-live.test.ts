/**
 * The live classroom inside workerd, on the real class object and local KV: the WebSocket the
 * live pages follow, the projector screen (the teacher's, never the key), and a teacher-paced
 * class moving one statement at a time — phones wait, only the open statement takes answers, the
 * verdict comes after the teacher closes it, and a double click never skips a statement.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sourcePack } from "../src/content/source";
import { ClassCreated } from "../src/routes/api/class-schemas";
import { SCHEMA } from "../src/store/class-room-sql";
import {
  Browser,
  call,
  countingRoom,
  createClass,
  escapeHtml,
  itemOn,
  join,
  location,
  rightly,
  wrongly,
} from "./class-helpers";

/** The teacher presses a pace button on the projector screen, as the page showed the class. */
function press(teacher: Browser, code: string, action: "open" | "close" | "reveal", step: number, shut: boolean) {
  return teacher.post(`/c/${code}/present/pace`, { action, step: String(step), shut: shut ? "1" : "0" });
}

async function text(res: Response | Promise<Response>): Promise<string> {
  return (await res).text();
}

/**
 * One student joins per answer and answers the class's first statement (a class made with
 * shuffle "" gives everyone the same one): true answers rightly, false wrongly. Returns the
 * statement's id and the students (named "Student 1", … from `first`).
 */
async function answerFirst(code: string, rights: boolean[], first = 1): Promise<{ item: string; students: Browser[] }> {
  let item = "";
  const students: Browser[] = [];
  for (const [i, right] of rights.entries()) {
    const { student } = await join(code, { nickname: `Student ${first + i}` });
    item = itemOn(await text(student.get("/quiz/q/1")));
    await student.post("/quiz/answer", { item, answer: right ? rightly(item) : wrongly(item) });
    students.push(student);
  }
  return { item, students };
}

/** Waits (up to 2 s) until `ready()` holds: WebSocket messages arrive on their own schedule. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("the live WebSocket, GET /c/{CODE}/live", () => {
  it("upgrades, greets with the pace, and tells every screen of a join, an answer and a finish", async () => {
    const { code } = await createClass();
    const res = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
    expect(res.status).toBe(101);
    const socket = res.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    const messages: { v: number; step: number; shut: boolean }[] = [];
    socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
    await until(() => messages.length >= 1);
    const { p: signal, ...greeting } = messages[0] as { p?: unknown };
    expect(greeting).toEqual({ v: 0, step: 0, shut: true, shown: false, phase: "running", d: 0, r: 0 });
    // The same, signed: a phone passes it on so its next page asks the object nothing.
    expect(signal).toMatch(/^[\w-]+\.[\w-]+$/);

    const { student } = await join(code, { nickname: "Ana" });
    await until(() => messages.length >= 2);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.v).toBeGreaterThan(0);
    // The messages name nobody: any page of the class may listen.
    expect(JSON.stringify(messages)).not.toContain("Ana");

    const item = itemOn(await text(student.get("/quiz/q/1")));
    await student.post("/quiz/answer", { item, answer: rightly(item) });
    await until(() => messages.length >= 3);
    expect(messages).toHaveLength(3);
    await student.post("/quiz/finish");
    await until(() => messages.length >= 4);
    expect(messages).toHaveLength(4);
    socket.close(1000, "done");
  });

  it("answers a plain GET with 426 and how to upgrade, and an unknown class with 404", async () => {
    const { code } = await createClass();
    const plain = await call(`/c/${code}/live`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get("upgrade")).toBe("websocket");
    expect(await plain.text()).toContain("This address is a WebSocket");
    const none = await call("/c/ZZZZZZ/live", { headers: { upgrade: "websocket" } });
    expect(none.status).toBe(404);
  });
});

describe("the projector screen, GET /c/{CODE}/present", () => {
  it("is the teacher's: a sign-in page without the class's cookie", async () => {
    const { code } = await createClass();
    const res = await new Browser().get(`/c/${code}/present`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("teacher key");
  });

  it("shows the code, the QR, the join address and the names as they join, and never the key", async () => {
    const { code, key, teacher } = await createClass();
    let html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain(`<p class="code">${code}</p>`);
    expect(html).toContain("<svg");
    expect(html).toContain("/join</strong>");
    expect(html).toContain("Nobody has joined yet.");
    expect(html).toContain(`data-live-code="${code}"`);
    expect(html).not.toContain(key);
    await join(code, { nickname: "Ana" });
    await join(code, { nickname: "Ben" });
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("<li>Ana</li>");
    expect(html).toContain("<li>Ben</li>");
    expect(html).toContain("2 joined · 0 finished · 0 of 16 answers in");
    expect(html).not.toContain(key);
  });

  it("walks through the claims that fooled the class, the verdict only when the teacher asks", async () => {
    const { code, key, teacher } = await createClass({ shuffle: "" });
    // Five answers (the bar for ranking), one of them wrong.
    const { item } = await answerFirst(code, [false, true, true, true, true]);
    const verdict = rightly(item) === "verified" ? "Verified" : "Unverified";
    const said =
      wrongly(item) === "verified" ? "1 said Verified, 4 said Unverified" : "4 said Verified, 1 said Unverified";
    const hidden = await text(teacher.get(`/c/${code}/present?claim=1`));
    expect(hidden).toContain("Claim 1 of 1 that fooled the class most");
    expect(hidden).toContain(escapeHtml(sourcePack.itemById.get(item)?.statement ?? "?"));
    expect(hidden).toContain(`${said} (5 answers).`);
    // The bar carries both counts and shares, big enough for the back of the room.
    const [verified, unverified] = wrongly(item) === "verified" ? [1, 4] : [4, 1];
    expect(hidden).toContain(`<strong>${verified}</strong> said Verified (${verified * 20}%)`);
    expect(hidden).toContain(`<strong>${unverified}</strong> said Unverified (${unverified * 20}%)`);
    expect(hidden).toContain("Show the answer");
    expect(hidden).not.toContain("got it right");
    const shown = await text(teacher.get(`/c/${code}/present?claim=1&reveal=1`));
    expect(shown).toContain(`<strong>${verdict}.</strong> 4 of 5 got it right.`);
    expect(shown).not.toContain(key);
  });
});

describe("the splits (the object's running tally)", () => {
  it("count present students only: a removed name's answers leave the split", async () => {
    const { code, teacher } = await createClass({ shuffle: "" });
    await answerFirst(code, [false, true, true, true, true]);
    expect(await text(teacher.get(`/c/${code}/present?claim=1`))).toContain("(5 answers).");
    const dashboard = await text(teacher.get(`/c/${code}/teacher`));
    // The first name on the dashboard's list is "Student 1", who answered wrongly.
    const sid = /name="student" value="([^"]+)"/.exec(dashboard)?.[1] ?? "";
    expect((await teacher.post(`/c/${code}/teacher/remove`, { student: sid })).status).toBe(303);
    const after = await text(teacher.get(`/c/${code}/present?claim=1`));
    expect(after).not.toContain("(5 answers).");
    // Four answers, all right: below the bar and nobody missed it.
    expect(after).not.toContain("fooled the class most");
  });

  it("are counted from the answers, once, for a class whose object predates the tally", async () => {
    const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName("OLD234"));
    const view = await runInDurableObject(stub, (room, state) => {
      // The tables as the previous release made them: no tally.
      state.storage.sql.exec(SCHEMA.replace(/CREATE TABLE IF NOT EXISTS tally[^;]*;/, ""));
      state.storage.sql.exec("INSERT INTO meta VALUES ('expires', ?)", Date.now() + 86_400_000);
      for (const [sid, attempt, answer, removed] of [
        ["s1", "a1", "v", 0],
        ["s2", "a2", "u", 0],
        ["s3", "a3", "v", 0],
        ["s4", "a4", "v", 1],
      ] as const) {
        state.storage.sql.exec(
          "INSERT INTO students (sid, nick, attempt, joined, removed) VALUES (?, ?, ?, 0, ?)",
          sid,
          sid,
          attempt,
          removed,
        );
        state.storage.sql.exec("INSERT INTO answers (attempt, item, answer) VALUES (?, 'item-a', ?)", attempt, answer);
      }
      return room.view();
    });
    expect(view?.tallies).toEqual({ "item-a": { v: 2, u: 1 } });
  });
});

describe("the walk-through's link on the projector screen", () => {
  it("is offered only once a claim has fooled someone and has enough answers (never a link to an empty walk-through)", async () => {
    const { code, teacher } = await createClass({ shuffle: "" });
    await answerFirst(code, [true]);
    let html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("1 joined · 0 finished · 1 of 8 answers in");
    expect(html).not.toContain("Talk through the claims");
    // Four answers, three wrong: still one short of the bar.
    await answerFirst(code, [false, false, false], 2);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("4 joined · 0 finished · 4 of 32 answers in");
    expect(html).not.toContain("Talk through the claims");
    await answerFirst(code, [false], 5);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("Talk through the claims that fooled the class");
    expect(await text(teacher.get(`/c/${code}/present?claim=1`))).toContain("Claim 1 of 1 that fooled the class most");
  });
});

describe("a teacher-paced class", () => {
  it("moves one statement at a time: phones wait, answers go to the open statement only, the verdict after the reveal", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const ana = (await join(code, { nickname: "Ana" })).student;
    const ben = (await join(code, { nickname: "Ben" })).student;

    // Before the first statement: the lobby, "You're in as Ana", which works without JavaScript (Refresh).
    let res = await ana.get("/quiz/q");
    expect(location(res)).toBe(`/c/${code}/joined`);
    let html = await text(ana.get(`/c/${code}/joined`));
    expect(html).toContain('in as <span class="nick">Ana</span>');
    expect(html).toContain("Your teacher will start the quiz");
    expect(html).toContain(`href="/c/${code}/joined"`);
    expect(html).toContain('data-follow="lobby,0,1,0"');
    expect(html).not.toContain('href="/quiz/q"');
    const early = itemOn(await text(ana.get("/quiz/q/1")));
    expect(location(await ana.post("/quiz/answer", { item: early, answer: "verified" }))).toBe("/quiz/q");

    // The teacher opens statement 1; a double click (the same form again) changes nothing.
    res = await press(teacher, code, "open", 0, true);
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/c/${code}/present`);
    await press(teacher, code, "open", 0, true);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("Statement 1 of 6");
    expect(html).toContain("0 of 2 have answered.");

    expect(location(await ana.get("/quiz/q"))).toBe("/quiz/q/1");
    // Statement 2 is not open: an answer to it is not recorded, and she is sent to where the class is.
    const second = itemOn(await text(ana.get("/quiz/q/2")));
    expect(location(await ana.post("/quiz/answer", { item: second, answer: "verified" }))).toBe("/quiz/q");
    const first = itemOn(await text(ana.get("/quiz/q/1")));
    res = await ana.post("/quiz/answer", { item: first, answer: wrongly(first) });
    // The object said where the class is with her answer: the waiting page is sent that, signed,
    // and asks the object nothing.
    const waiting = location(res);
    expect(waiting).toMatch(/^\/quiz\/q\?pace=[\w-]+\.[\w-]+$/);
    const counted = countingRoom();
    expect(await text(ana.get(waiting, { CLASS_ROOM: counted.ns }))).toContain("Your answer is in");
    expect(counted.calls).toEqual([]);
    // No verdict while the statement is open: she waits, and cannot call it out to the room.
    expect(location(await ana.get(`/quiz/feedback/${first}`))).toBe("/quiz/q");
    expect(await text(ana.get("/quiz/q"))).toContain("Your answer is in");
    // A signal she edits to say "shown" is not one: the object is asked, and the verdict stays back.
    const [body = "", sig = ""] = decodeURIComponent(waiting.split("pace=")[1] ?? "").split(".");
    const forged = btoa(atob(body.replace(/-/g, "+").replace(/_/g, "/")).replace('"shown":false', '"shown":true'))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    const tampered = await ana.get(`/quiz/feedback/${first}?pace=${forged}.${sig}`, { CLASS_ROOM: counted.ns });
    expect(location(tampered)).toBe("/quiz/q");
    expect(counted.calls).toEqual(["status"]);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("1 of 2 have answered.");
    expect(html).not.toContain("said Verified");
    expect(html).not.toContain("</strong> said Verified (");
    // The room reads what the phones show: the passage and the two choices, as labels.
    expect(html).toContain('<h2 id="present-passage">What the report says</h2>');
    expect(html).toContain(escapeHtml(sourcePack.itemById.get(first)?.context.split("\n")[0] ?? "?"));
    expect(html).toContain('<span class="ver">Verified</span><span class="unv">Unverified</span>');
    expect(html).not.toContain('class="reveal');
    expect(html).not.toContain("Who says it");

    // The teacher closes it: the split is drawn, Ben (who did not answer) can no longer answer.
    await press(teacher, code, "close", 1, false);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("Statement 1 of 6: closed");
    expect(html).toMatch(/[01] said Verified, [01] said Unverified \(1 answer\)\./);
    expect(html).not.toContain("got it right");
    // The split's labels for the room, with no verdict, explanation or claimant beside them.
    expect(html).toMatch(/<strong>[01]<\/strong> said Verified \((0|100)%\)/);
    expect(html).not.toContain('class="reveal');
    expect(html).not.toContain("Who says it");
    // A query string reveals nothing: only the teacher's press does.
    expect(await text(teacher.get(`/c/${code}/present?reveal=1`))).not.toContain("got it right");
    expect(html).toContain("Show the answer on every phone");
    expect(html).not.toContain("Open statement 2");
    res = await ben.post("/quiz/answer", { item: first, answer: rightly(first) });
    expect(location(res)).toBe("/quiz/q");
    expect(await text(ben.get("/quiz/q"))).toContain("This statement is closed");
    // Closed but not shown: Ana's phone says to look at the screen, and still holds the verdict.
    html = await text(ana.get("/quiz/q"));
    expect(html).toContain("Answers are in");
    expect(html).toContain('data-follow="running,1,1,0"');
    expect(location(await ana.get(`/quiz/feedback/${first}`))).toBe("/quiz/q");
    await press(teacher, code, "reveal", 1, true);
    html = await text(teacher.get(`/c/${code}/present`));
    expect(html).toContain("0 of 1 got it right.");
    expect(html).toContain("Who says it");
    expect(html).toContain("Open statement 2");
    expect(location(await ana.get("/quiz/q"))).toBe(`/quiz/feedback/${first}`);
    const feedback = await text(ana.get(`/quiz/feedback/${first}`));
    expect(feedback).toContain('href="/quiz/q"');
    // The answer page follows the class, so the phone moves to statement 2 when it opens.
    expect(feedback).toContain(`data-live-code="${code}" data-follow="running,1,1,1"`);
    expect(feedback).toMatch(/<script src="\/assets\/poll\.[a-z0-9]+\.js" defer/);

    // Statement 2 opens for both; Ana's early answer to it was never recorded.
    await press(teacher, code, "open", 1, true);
    expect(location(await ana.get("/quiz/q"))).toBe("/quiz/q/2");
    expect(await text(ana.get("/quiz/q/2"))).toContain('name="item"');
    expect(location(await ben.get("/quiz/q"))).toBe("/quiz/q/2");
    // A stale page's "close" for statement 1 does not close statement 2.
    await press(teacher, code, "close", 1, false);
    expect(await text(teacher.get(`/c/${code}/present`))).toContain("Statement 2 of 6");
    expect(await text(teacher.get(`/c/${code}/present`))).not.toContain("Statement 2 of 6: closed");
  });

  it("refuses an answer to a statement that is not open over the API too (409, problem+json)", async () => {
    const created = await call("/api/v1/classes", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ items: 6, pace: "teacher", shuffle: true }),
    });
    expect(created.status).toBe(201);
    const klass = ClassCreated.parse(await created.json());
    expect(klass.pace).toBe("teacher");
    const joined = await call(`/api/v1/classes/${klass.code}/students`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ nickname: "Ana" }),
    });
    const { token, next } = (await joined.json()) as { token: string; next: { id: string } };
    const res = await call("/api/v1/attempts/answer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, itemId: next.id, answer: "verified" }),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(((await res.json()) as { type: string }).type).toContain("statement-closed");
  });

  it("is read and moved over the JSON API too: anyone may read the pace, only the key moves it, a retry skips nothing", async () => {
    const send = (path: string, body?: unknown, key?: string) =>
      call(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, pace: "teacher" })).json());
    const path = `/api/v1/classes/${created.code}/pace`;
    expect(await (await send(path)).json()).toEqual({
      code: created.code,
      step: 0,
      shut: true,
      shown: false,
      itemCount: 6,
    });
    const open = { action: "open", step: 0, shut: true };
    expect((await send(path, open)).status).toBe(401);
    const moved = await send(path, open, created.teacherKey);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ step: 1, shut: false });
    // The same press again (a retry, a second client): the class stays on statement 1.
    expect(await (await send(path, open, created.teacherKey)).json()).toMatchObject({ step: 1, shut: false });
    const closed = await send(path, { action: "close", step: 1, shut: false }, created.teacherKey);
    expect(await closed.json()).toMatchObject({ step: 1, shut: true });
    const bad = await send(path, { action: "skip", step: 1, shut: true }, created.teacherKey);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const studentPaced = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    const none = await send(`/api/v1/classes/${studentPaced.code}/pace`);
    expect(none.status).toBe(409);
    expect(((await none.json()) as { type: string }).type).toContain("student-paced");
  });

  it("is chosen at creation: a pace that is neither comes back to the form with a clear message", async () => {
    const res = await new Browser().post("/teach", { items: "8", names: "typed", pace: "robot" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Choose whether students go at their own pace or you move the class.");
    expect(html).toContain('name="pace"');
  });

  it("has no pace buttons in a student-paced class, and none for anyone but the teacher", async () => {
    const student = await createClass();
    const res = await press(student.teacher, student.code, "open", 0, true);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("student-paced");
    const paced = await createClass({ pace: "teacher" });
    const stranger = await press(new Browser(), paced.code, "open", 0, true);
    expect(stranger.status).toBe(401);
    expect(await text(paced.teacher.get(`/c/${paced.code}/present`))).toContain("Start: open statement 1");
  });

  it("sends a student who missed the last statement to their result once the teacher showed its answer", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const { student } = await join(code, { nickname: "Ana" });
    for (let step = 0; step < 6; step++) {
      await press(teacher, code, "open", step, true);
      if (step === 0) {
        const item = itemOn(await text(student.get("/quiz/q/1")));
        await student.post("/quiz/answer", { item, answer: rightly(item) });
      }
      await press(teacher, code, "close", step + 1, false);
      await press(teacher, code, "reveal", step + 1, true);
    }
    const html = await text(student.get("/quiz/q"));
    expect(html).toContain("That was the last statement");
    expect(html).toContain('action="/quiz/finish"');
    // The finish carries where the object had the class, signed: the result page asks it nothing.
    const result = location(await student.post("/quiz/finish"));
    expect(result).toMatch(/^\/quiz\/result\?pace=[\w-]+\.[\w-]+$/);
    const counted = countingRoom();
    expect(await text(student.get(result, { CLASS_ROOM: counted.ns }))).toContain("<small>Your result</small>");
    expect(counted.calls).toEqual([]);
    const present = await text(teacher.get(`/c/${code}/present`));
    expect(present).toContain("Statement 6 of 6: closed");
  });

  it("holds an early finisher's result until the last answer is shown, whatever signal the address brings", async () => {
    const { code, teacher } = await createClass({ pace: "teacher", items: "6" });
    const other = await createClass({ pace: "teacher", items: "6" });
    const { student } = await join(code, { nickname: "Ana" });
    await press(teacher, code, "open", 0, true);
    const item = itemOn(await text(student.get("/quiz/q/1")));
    await student.post("/quiz/answer", { item, answer: rightly(item) });
    const early = location(await student.post("/quiz/finish"));
    expect(early).toMatch(/^\/quiz\/result\?pace=/);
    const held = await text(student.get(early));
    expect(held).toContain("<h1>You have finished</h1>");
    expect(held).not.toContain("<small>Your result</small>");
    // Another class's signal, even one that has shown everything, is not this class's: still held.
    for (let step = 0; step < 6; step++) {
      await press(other.teacher, other.code, "open", step, true);
      await press(other.teacher, other.code, "close", step + 1, false);
      await press(other.teacher, other.code, "reveal", step + 1, true);
    }
    const watcher = await call(`/c/${other.code}/live`, { headers: { upgrade: "websocket" } });
    const socket = watcher.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    let greeting = "";
    socket.addEventListener("message", (event) => {
      greeting ||= String(event.data);
    });
    await until(() => greeting !== "");
    socket.close(1000, "done");
    const foreign = (JSON.parse(greeting) as { p: string }).p;
    expect(await text(student.get(`/quiz/result?pace=${encodeURIComponent(foreign)}`))).toContain(
      "<h1>You have finished</h1>",
    );
    // Once the class has seen every answer, the page asked without a signal shows the result.
    for (let step = 1; step <= 6; step++) {
      if (step > 1) await press(teacher, code, "open", step - 1, true);
      await press(teacher, code, "close", step, false);
      await press(teacher, code, "reveal", step, true);
    }
    expect(await text(student.get("/quiz/result"))).toContain("<small>Your result</small>");
  });
});
