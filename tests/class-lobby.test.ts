/**
 * The lobby and the teacher's reveal, on the real class object and local KV: a class waits for its
 * teacher's Start (pages and JSON refuse answers until then; a homework class starts on joining),
 * a teacher-paced close gives phones no verdict until "Show the answer" (the socket says which),
 * and the class link knows a student who already joined.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readSignal } from "../src/domain/pace-signal";
import { ClassCreated, ClassInfo, ClassJoined } from "../src/routes/api/class-schemas";
import { AnswerResponse, Problem } from "../src/routes/api/schemas";
import { Browser, call, createClass, itemOn, join, location, play, rightly } from "./class-helpers";

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

/** Waits (up to 2 s) until `ready()` holds: WebSocket messages arrive on their own schedule. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("a student-paced class waits in its lobby until the teacher starts it", () => {
  it("pages: 'You're in as …' waits, an answer is not recorded, and Start lets everyone in", async () => {
    const { code, teacher } = await createClass({ start: "teacher" });
    const { student, response } = await join(code, { nickname: "Zara" });
    expect(location(response)).toBe(`/c/${code}/joined`);
    let html = await text(student.get(`/c/${code}/joined`));
    expect(html).toContain('in as <span class="nick">Zara</span>');
    expect(html).toContain("Your teacher will start the quiz");
    expect(html).toContain('data-follow="lobby,0,1,0"');
    expect(html).not.toContain('href="/quiz/q"');
    // Without a WebSocket, poll.js copies this block from a fresh page: Start then appears by itself.
    expect(html).toContain('<div id="joined-now" data-live="true">');
    // A student who types the address anyway: the answer is refused and they are sent back to wait.
    const item = itemOn(await text(student.get("/quiz/q/1")));
    const early = await student.post("/quiz/answer", { item, answer: rightly(item) });
    expect(location(early)).toBe(`/c/${code}/joined`);
    expect(await text(teacher.get(`/c/${code}/teacher`))).toContain("Start the quiz");
    expect(await text(teacher.get(`/c/${code}/present`))).toContain("Start the quiz on every phone");

    const started = await teacher.post(`/c/${code}/present/start`, { from: "dashboard" });
    expect(location(started)).toBe(`/c/${code}/teacher`);
    html = await text(student.get(`/c/${code}/joined`));
    // Start asks the self-estimate first (one tap, or skip it).
    expect(html).toContain('<a class="button full" href="/quiz/estimate">Start</a>');
    expect(html).not.toContain("data-follow");
    const answered = await student.post("/quiz/answer", { item, answer: rightly(item) });
    expect(location(answered)).toBe(`/quiz/feedback/${item}`);
    // The early answer was never recorded: the dashboard counts one answer, the one after Start.
    expect(await text(teacher.get(`/c/${code}/present`))).not.toContain("Start the quiz on every phone");
    // A latecomer after the start goes straight in.
    const late = await join(code, { nickname: "Yusuf" });
    expect(await text(late.student.get(`/c/${code}/joined`))).toContain('href="/quiz/estimate">Start</a>');
  });

  it("JSON: the class says lobby, an answer is a 409 class-not-started, and POST …/start runs it", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6 })).json());
    expect(created).toMatchObject({ start: "teacher", state: "lobby" });
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Ana" })).json(),
    );
    const itemId = joined.next?.id ?? "";
    const refused = await send("/api/v1/attempts/answer", { token: joined.token, itemId, answer: "verified" });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(Problem.parse(await refused.json()).type).toMatch(/class-not-started$/);
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${created.code}`)).json()).state).toBe("lobby");

    // Only the key starts it.
    expect((await send(`/api/v1/classes/${created.code}/start`, {})).status).toBe(401);
    const start = await send(`/api/v1/classes/${created.code}/start`, {}, created.teacherKey);
    expect(start.status).toBe(200);
    expect(ClassInfo.parse(await start.json()).state).toBe("running");
    const ok = await send("/api/v1/attempts/answer", { token: joined.token, itemId, answer: "verified" });
    expect(ok.status).toBe(200);
    // The refused answer recorded nothing: this one is the first.
    expect(AnswerResponse.parse(await ok.json()).repeated).toBe(false);
    expect(ClassInfo.parse(await (await send(`/api/v1/classes/${created.code}`)).json()).state).toBe("running");
  });

  it("a homework class (start on joining) has no lobby; a bad start value is a 400 naming the field", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, start: "join" })).json());
    expect(created).toMatchObject({ start: "join", state: "running" });
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${created.code}/students`, { nickname: "Ana" })).json(),
    );
    const res = await send("/api/v1/attempts/answer", {
      token: joined.token,
      itemId: joined.next?.id,
      answer: "verified",
    });
    expect(res.status).toBe(200);
    const bad = await send("/api/v1/classes", { start: "later" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("body.start");
    const { code, teacher } = await createClass({ start: "join" });
    const { student } = await join(code, { nickname: "Ben" });
    expect(await text(student.get(`/c/${code}/joined`))).toContain('href="/quiz/estimate">Start</a>');
    expect(await text(teacher.get(`/c/${code}/present`))).not.toContain("Start the quiz on every phone");
  });

  it("the lobby and the waiting room say what to do when the page does not move on (no JavaScript), next to Refresh", async () => {
    for (const fields of [{ start: "teacher" }, { admit: "on" }] as Record<string, string>[]) {
      const { code } = await createClass(fields);
      const { student } = await join(code, { nickname: "Zara" });
      const html = await text(student.get(`/c/${code}/joined`));
      // Never "moves on by itself" alone: without JavaScript it only moves when the student asks.
      const said = /<p class="lede" role="status">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
      expect(said).toMatch(/moves on by itself[^.]*\. If it does not, press Refresh\./);
      expect(html).toContain(`<a class="button secondary" href="/c/${code}/joined">Refresh</a>`);
    }
  });

  it("the socket greets a class nobody has joined yet with its own phase: running for homework, lobby otherwise", async () => {
    for (const [start, phase] of [
      ["join", "running"],
      ["teacher", "lobby"],
    ] as const) {
      // Fresh: the class's object has held nothing yet (no join, no Start).
      const { code } = await createClass({ start });
      const res = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
      expect(res.status).toBe(101);
      const socket = res.webSocket;
      if (!socket) throw new Error("No WebSocket");
      socket.accept();
      const messages: { phase: string; p?: string }[] = [];
      socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
      await until(() => messages.length >= 1);
      expect(messages[0]?.phase).toBe(phase);
      // The signed copy a phone passes on says the same.
      const room = env.CLASS_ROOM.idFromName(code).toString();
      expect(await readSignal(env.QUIZ_SECRET, room, messages[0]?.p, Date.now())).toMatchObject({ phase });
      socket.close(1000, "done");
    }
  });

  it("the socket tells a waiting phone the phase, and the Start changes it", async () => {
    const { code, teacher } = await createClass({ start: "teacher" });
    await join(code, { nickname: "Ana" });
    const res = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
    const socket = res.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    const messages: { phase: string }[] = [];
    socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
    await until(() => messages.length >= 1);
    expect(messages[0]?.phase).toBe("lobby");
    await teacher.post(`/c/${code}/present/start`, {});
    await until(() => messages.length >= 2);
    expect(messages[1]?.phase).toBe("running");
    socket.close(1000, "done");
  });
});

describe("a teacher-paced reveal", () => {
  it("the close sends phones no verdict: the socket says shown only after 'Show the answer'", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, pace: "teacher" })).json());
    const path = `/api/v1/classes/${created.code}/pace`;
    const res = await call(`/c/${created.code}/live`, { headers: { upgrade: "websocket" } });
    const socket = res.webSocket;
    if (!socket) throw new Error("No WebSocket");
    socket.accept();
    const messages: { step: number; shut: boolean; shown: boolean }[] = [];
    socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
    await send(path, { action: "open", step: 0, shut: true }, created.teacherKey);
    await send(path, { action: "close", step: 1, shut: false }, created.teacherKey);
    await until(() => messages.length >= 3);
    expect(messages[2]).toMatchObject({ step: 1, shut: true, shown: false });
    const shown = await send(path, { action: "reveal", step: 1, shut: true }, created.teacherKey);
    expect(await shown.json()).toMatchObject({ step: 1, shut: true, shown: true });
    await until(() => messages.length >= 4);
    expect(messages[3]).toMatchObject({ step: 1, shut: true, shown: true });
    // A second reveal changes nothing (no message).
    await send(path, { action: "reveal", step: 1, shut: true }, created.teacherKey);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toHaveLength(4);
    socket.close(1000, "done");
  });
});

describe("the class link knows you", () => {
  it("with the class cookie, /c/CODE continues as yourself where you were; ?new=1 lets someone else join", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Zara" });
    for (let n = 1; n <= 2; n++) {
      const item = itemOn(await text(student.get(`/quiz/q/${n}`)));
      await student.post("/quiz/answer", { item, answer: rightly(item) });
    }
    const link = await student.get(`/c/${code}`);
    expect(location(link)).toBe(`/c/${code}/joined`);
    const html = await text(student.get(`/c/${code}/joined`));
    expect(html).toContain('in as <span class="nick">Zara</span>');
    expect(html).toContain("you have answered 2 of 8");
    expect(html).toContain('<a class="button full" href="/quiz/q">Continue</a>');
    expect(location(await student.get("/quiz/q"))).toBe("/quiz/q/3");
    // Someone else on the same device, and anyone without the cookie, gets the join form.
    expect(await text(student.get(`/c/${code}?new=1`))).toContain('action="/join"');
    expect(await text(new Browser().get(`/c/${code}`))).toContain('action="/join"');
    // Inside the class, the public quiz's page says that starting there leaves the class.
    const start = await text(student.get("/quiz"));
    expect(start).toContain("You are playing a class quiz on this device");
    expect(start).toContain("Leave the class and play on my own");
    expect(start).not.toContain(">Start again<");
  });

  it("a finished class result leads back to the class, and its other button says it leaves the class", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Zara" });
    await play(student, rightly, 2);
    const result = await text(student.get("/quiz/result"));
    expect(result).toContain(`<a class="button" href="/c/${code}/joined">Back to my class</a>`);
    expect(result).toContain("Leave the class and play on my own");
    expect(result).not.toContain(">Play again<");
  });
});

describe("the join form sent back", () => {
  it("a wrong code says so once, beside the field, with the focus there and the nickname kept", async () => {
    const res = await new Browser().post("/join", { code: "ZZZ222", nickname: "Zara" });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html.match(/No class has the code ZZZ222/g)).toHaveLength(1);
    expect(html).toMatch(/<input[^>]*id="code"[^>]*autofocus=""/);
    expect(html).toMatch(/<input[^>]*id="code"[^>]*aria-invalid="true"/);
    expect(html).not.toMatch(/<input[^>]*id="nickname"[^>]*autofocus/);
    expect(html).toContain('value="Zara"');
  });
});
