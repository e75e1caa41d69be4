/**
 * Classroom mode end to end, in workerd with the real local KV: a teacher creates
 * a class, 30 students join and finish at once through the ordinary quiz pages,
 * and every one of them is on the board and the dashboard.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { JOIN_CODE_ALPHABET } from "../src/domain/ids";
import { classKey, studentPrefix } from "../src/store/class-keys";
import {
  Browser,
  call,
  countingKv,
  countingRoom,
  createClass,
  join,
  location,
  play,
  rightly,
  wrongly,
} from "./class-helpers";

/** Every URL-bearing attribute and header value in a response. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src|action|formaction)="([^"]*)"/g)].map((m) => m[1] ?? "");
}

async function listAll(prefix: string) {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.SCORES.list(cursor ? { prefix, cursor } : { prefix });
    names.push(...page.keys.map((k) => k.name));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return names;
}

describe("creating a class", () => {
  it("is a POST that redirects (303) to the dashboard, which shows the join code, the QR code and, once, the key", async () => {
    const { code, key, html, response } = await createClass({ name: "Year 9 media" });
    expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/c/${code}/teacher`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).not.toContain(key);
    // ≥ 128 random bits: 24 bytes of base64url after "tk_".
    expect(key.length - 3).toBeGreaterThanOrEqual(32);

    const joinUrl = `http://localhost/c/${code}`;
    expect(html).toContain("Your class is ready");
    expect(html).toContain(`<p class="code">${code}</p>`);
    expect(html).toContain(`<a href="${joinUrl}">${joinUrl}</a>`);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="qr-title"/);
    expect(html).toContain(`<title id="qr-title">QR code that opens ${joinUrl}</title>`);
    expect(html).toContain(`<a class="button" href="/c/${code}/present">Open the projector screen</a>`);
    // The key sits in a closed <details> at the end of the panel, after the code and the QR, so a projected page hides it.
    const reveal = /<details class="key-reveal"><summary>Show the teacher key<\/summary>([\s\S]*?)<\/details>/.exec(
      html,
    );
    expect(reveal?.[1]).toContain(key);
    expect(reveal?.[1]).toContain("shown only this once");
    expect(html.split(key)).toHaveLength(2);
    expect(html.indexOf(key)).toBeGreaterThan(html.indexOf('aria-labelledby="qr-title"'));
    expect(html.indexOf(key)).toBeGreaterThan(html.indexOf("Open the projector screen"));

    const cookies = response.headers.getSetCookie();
    const cookie = cookies.find((c) => c.startsWith(`__Host-teacher-${code}=`)) ?? "";
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toContain(key);
    // The key travels to the dashboard in a short-lived cookie for the teacher page only.
    const flash = cookies.find((c) => c.startsWith(`__Secure-key-${code}=`)) ?? "";
    expect(flash).toContain(key);
    expect(flash).toMatch(/; Max-Age=600/i);
    expect(flash).toMatch(/; Path=\/c\/[A-Z0-9]{6}\/teacher(;|$)/);
    expect(flash).toMatch(/; HttpOnly/i);
    expect(flash).toMatch(/; Secure/i);
    expect(flash).toMatch(/; SameSite=Strict/i);

    // Only the hash is stored.
    const record = await env.SCORES.get(classKey(code));
    expect(record).not.toBeNull();
    expect(record).not.toContain(key);

    // The key is in no URL the app generates: not in links, forms or redirects.
    expect(urlsIn(html).filter((u) => u.includes(key))).toEqual([]);
    expect(response.headers.get("location")).not.toContain(key);
    const signIn = await new Browser().post(`/c/${code}/teacher/sign-in`, { key });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location") ?? "").not.toContain(key);
  });

  it("shows the key on the first view only: the flash cookie is cleared, and a reload makes no second class", async () => {
    const teacher = new Browser();
    const created = await teacher.post("/teach", { items: "8", names: "typed" });
    const path = location(created);
    const first = await teacher.get(path);
    const code = path.split("/")[2] ?? "";
    const cleared = first.headers.getSetCookie().find((c) => c.startsWith(`__Secure-key-${code}=;`)) ?? "";
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(cleared).toContain(`Path=/c/${code}/teacher`);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const key = /<code>(tk_[A-Za-z0-9_-]+)<\/code>/.exec(await first.text())?.[1] ?? "";
    expect(key).toMatch(/^tk_/);

    // A reload reads; it writes nothing to KV, so it can make no class.
    const counted = countingKv();
    const again = await (await teacher.get(path, { SCORES: counted.kv })).text();
    expect(counted.calls).not.toContain("put");
    expect(again).toContain(`<p class="code">${code}</p>`);
    expect(again).not.toContain(key);
    expect(again).not.toContain("Show the teacher key");
    expect(again).toContain("The teacher key was shown once, when the class was created.");
  });

  it("the lobby: a student who joins right after the dashboard's first view shows at the next look", async () => {
    const { code, teacher } = await createClass();
    await join(code, { nickname: "Early Bird" });
    const next = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(next).toContain(">Early Bird</th>");
    expect(next).toContain("Joined: 1.");
    // Once someone has joined, the dashboard is the dashboard: the ready panel has gone...
    expect(next).not.toContain("Your class is ready");
    // ...but latecomers still find the code and a QR code while joining is open.
    expect(next).toContain(`<strong class="code-strip">${code}</strong>`);
    expect(next).toMatch(/<div class="join-strip"><svg[^>]*role="img"/);
    expect((await teacher.post(`/c/${code}/teacher/close`, {})).status).toBe(303);
    const closed = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(closed).not.toContain("join-strip");
    expect(closed).toContain("Joining is closed.");
  });

  it("never shows a key on another class's page, nor one that does not open the class", async () => {
    const a = await createClass();
    const b = await createClass();
    // B's teacher holds A's key under B's flash name (a forged or mixed-up cookie): B's page shows no key.
    b.teacher.cookies.set(`__Secure-key-${b.code}`, a.key);
    const page = await (await b.teacher.get(`/c/${b.code}/teacher`)).text();
    expect(page).not.toContain(a.key);
    expect(page).not.toContain(b.key);
    expect(page).not.toContain("tk_");
    // A's flash cookie is only read on A's page: sent to B's page, nothing shows.
    const c = new Browser();
    c.cookies = new Map(b.teacher.cookies);
    c.cookies.set(`__Secure-key-${a.code}`, a.key);
    expect(await (await c.get(`/c/${b.code}/teacher`)).text()).not.toContain(a.key);
    // Without the teacher cookie, the flash alone opens nothing.
    const stranger = new Browser();
    stranger.cookies.set(`__Secure-key-${a.code}`, a.key);
    const signIn = await stranger.get(`/c/${a.code}/teacher`);
    expect(signIn.status).toBe(401);
    expect(await signIn.text()).not.toContain(a.key);
  });

  it("refuses bad options with a clear message and no class, the settings fold open on the error", async () => {
    const res = await new Browser().post("/teach", { items: "7", names: "typed" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Choose 6, 8 or 12 statements");
    expect(html).toContain('<details class="settings" open');
  });

  it("/teach: one button creates the class with the defaults; the six choices wait in a closed fold", async () => {
    const html = await (await new Browser().get("/teach")).text();
    const button = html.indexOf('<button type="submit">Create the class</button>');
    const fold = html.indexOf('<details class="settings">');
    expect(button).toBeGreaterThan(0);
    expect(fold).toBeGreaterThan(button);
    for (const field of [
      'name="items"',
      'name="pace"',
      'name="shuffle"',
      'name="names"',
      'name="size"',
      'name="board"',
    ]) {
      expect(html.indexOf(field), field).toBeGreaterThan(fold);
    }
    // The defaults the button uses are the fold's checked values.
    expect(html).toContain('value="8" checked');
    expect(html).toContain('value="student" checked');
  });

  it("fixes the class's items at creation: both verdicts at 30% or more, no two twins", async () => {
    const { code } = await createClass({ items: "8" });
    const record = await env.SCORES.get<{ itemIds: string[] }>(classKey(code), "json");
    const verdicts = record?.itemIds.map((id) => pack.itemById.get(id)?.verdict) ?? [];
    expect(verdicts).toHaveLength(8);
    expect(verdicts.filter((v) => v === "verified").length).toBeGreaterThanOrEqual(3);
    expect(verdicts.filter((v) => v === "unverified").length).toBeGreaterThanOrEqual(3);
    const twins = record?.itemIds.flatMap((id) => pack.itemById.get(id)?.twin ?? []) ?? [];
    expect(new Set(twins).size).toBe(twins.length);
  });
});

describe("a lesson of 30", () => {
  it("30 students join and finish concurrently; all 30 are on the board and the dashboard", {
    timeout: 120_000,
  }, async () => {
    const { code, teacher } = await createClass({ items: "8", shuffle: "on", board: "on" });
    const nicknames = Array.from({ length: 30 }, (_, i) => `Student ${i + 1}`);

    const joined = await Promise.all(nicknames.map((nickname) => join(code, { nickname })));
    for (const { response } of joined) {
      expect(response.status).toBe(303);
      expect(location(response)).toBe(`/c/${code}/joined`);
    }
    // Half answer everything right, half everything wrong; one stops after 3 items.
    await Promise.all(
      joined.map(({ student }, i) => play(student, i % 2 === 0 ? rightly : wrongly, i === 29 ? 3 : undefined)),
    );

    const keys = await listAll(studentPrefix(code));
    expect(keys).toHaveLength(30);

    const board = await new Browser().get(`/c/${code}/board`);
    expect(board.status).toBe(200);
    const boardHtml = await board.text();
    expect(boardHtml).toContain("30 of 30 students have finished.");
    for (const nickname of nicknames) expect(boardHtml).toContain(`>${nickname}</th>`);
    // 14 all right share rank 1 (8 of 8), and the student who stopped early is counted on 3 answers.
    expect(boardHtml.match(/<td>1<span class="muted"> \(shared\)<\/span><\/td>/g)).toHaveLength(15);
    expect(boardHtml).toMatch(/>Student 30<\/th><td class="num">0 of 3<\/td>/);

    const dashboard = await teacher.get(`/c/${code}/teacher`);
    const dashHtml = await dashboard.text();
    expect(dashboard.status).toBe(200);
    expect(dashHtml).toContain("Joined: 30. 30 of 30 students have finished.");
    for (const nickname of nicknames) expect(dashHtml).toContain(`>${nickname}</th>`);
    expect(dashHtml).not.toContain("Playing</span>");
    // Each student's status and progress in words: Student 30 stopped after 3 of 8.
    expect(dashHtml).toMatch(
      />Student 30<\/th><td><span class="status">(?:(?!<\/tr>).)*?Stopped early<\/span><\/td><td class="num">3 of 8<\/td>/,
    );
    expect(dashHtml).toMatch(
      />Student 1<\/th><td><span class="status">(?:(?!<\/tr>).)*?Finished<\/span><\/td><td class="num">8 of 8<\/td>/,
    );
    expect(dashHtml.match(/Stopped early<\/span>/g)).toHaveLength(1);
    // Every item answered by 29 or 30 students, half of them right.
    const shares = [
      ...dashHtml.matchAll(/<td class="num">(\d+)%<span class="muted"> \((\d+) of (\d+)\)<\/span><\/td>/g),
    ];
    expect(shares).toHaveLength(8);
    for (const [, , right, answered] of shares) {
      expect(Number(right)).toBe(15);
      expect([29, 30]).toContain(Number(answered));
    }
  });
});

describe("joining", () => {
  it("accepts a code in any case with spaces, and a nickname; the quiz then carries the class", async () => {
    const { code } = await createClass();
    const spaced = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
    const { student, response } = await join(spaced, { nickname: "  Ｓａｍ  " });
    expect(response.status).toBe(303);
    const welcome = await student.get(location(response));
    const html = await welcome.text();
    expect(html).toContain('in as <span class="nick">Sam</span>');
    expect(html).toContain("8 statements");
    // Class students skip /quiz: the screen before statement 1 leads with Start, and keeps what
    // "verified" means one tap away, folded after it (the question page says it in a line too).
    expect(html).toContain("What “verified” means here");
    // Start asks the self-estimate first (one tap, or skip it), as the public quiz does.
    const start = html.indexOf('<a class="button full" href="/quiz/estimate">Start</a>');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(html.indexOf("<details>"));
    expect(html.indexOf("<details>")).toBeLessThan(html.indexOf("not the same as independently confirmed"));
    const first = await student.get("/quiz/q");
    expect(location(first)).toBe("/quiz/q/1");

    // After finishing, the result page leads back to the class, which says so and offers the board.
    await play(student, rightly, 2);
    const result = await (await student.get("/quiz/result")).text();
    expect(result).toContain(`<a class="button" href="/c/${code}/joined">Back to my class</a>`);
    const back = await (await student.get(`/c/${code}/joined`)).text();
    expect(back).toContain("<h1>You have finished</h1>");
    expect(back).toContain(`href="/c/${code}/board"`);
  });

  it.each([
    ["A", "2 to 24 characters"],
    ["x".repeat(25), "2 to 24 characters"],
    ["Ann\u0007", "hidden character"],
    ["Bo\u200bb", "hidden character"],
    ["stupid cat", "choose a different name"],
    ["   ", "Type a nickname"],
  ])("refuses the nickname %j with a clear message", async (nickname, message) => {
    const { code } = await createClass();
    const { response } = await join(code, { nickname });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html.toLowerCase()).toContain(message.toLowerCase());
    expect(html).toContain('aria-invalid="true"');
  });

  it.each([["Scunthorpe"], ["👩‍💻 Coder"], ["🏴󠁧󠁢󠁳󠁣󠁴󠁿🏴󠁧󠁢󠁳󠁣󠁴󠁿"], ["Zoë"]])("accepts %j", async (nickname) => {
    const { code } = await createClass();
    expect((await join(code, { nickname })).response.status).toBe(303);
  });

  it("keeps nicknames unique in the class, ignoring case, and suggests another", async () => {
    const { code } = await createClass();
    expect((await join(code, { nickname: "Ana" })).response.status).toBe(303);
    const { response } = await join(code, { nickname: "ANA" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Try “ANA 2”");

    // Look-alike letters make the same name: Cyrillic А, Greek Α (no new class: creation is rate limited).
    for (const nickname of ["\u0410na", "\u0391NA"]) {
      const clash = await join(code, { nickname });
      expect(clash.response.status, nickname).toBe(409);
      expect(await clash.response.text()).toContain("already has that name");
    }
    // Slurs, invisible characters and very wide symbols are refused before anything is stored.
    for (const [nickname, message] of [
      ["n1gg3r", "not allowed here"],
      ["Bob\u17B4", "hidden character"],
      ["\uFDFD".repeat(24), "too big to show"],
    ]) {
      const refused = await join(code, { nickname });
      expect(refused.response.status, nickname).toBe(400);
      expect(await refused.response.text()).toContain(message);
    }
    expect((await join(code, { nickname: "Moby Dick" })).response.status).toBe(303);
  });

  it("picks a friendly name when asked", async () => {
    const { code } = await createClass();
    const { student, response } = await join(code, { generate: true });
    const html = await (await student.get(location(response))).text();
    expect(html).toMatch(/in as <span class="nick">[A-Z][a-z]+ [A-Z][a-z]+<\/span>/);
  });

  it("gives only generated names when the teacher chose them, whatever is typed", async () => {
    const { code } = await createClass({ names: "generated" });
    const page = await (await call(`/c/${code}`)).text();
    expect(page).not.toContain('name="nickname"');
    expect(page).toContain("made-up names");
    const { student, response } = await join(code, { nickname: "Typed Name" });
    expect(response.status).toBe(303);
    const html = await (await student.get(location(response))).text();
    expect(html).not.toContain("Typed Name");
    expect(html).toMatch(/in as <span class="nick">[A-Z][a-z]+ [A-Z][a-z]+<\/span>/);
  });

  it("tells a student plainly when the code matches no class", async () => {
    const { response } = await join("ZZZZZZ", { nickname: "Kim" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No class has the code ZZZZZZ");
    const bad = await join("0OIL", { nickname: "Kim" });
    expect(bad.response.status).toBe(400);
  });

  it("a closed class refuses new joins with a clear message; students already in can finish", async () => {
    const { code, teacher } = await createClass();
    const inside = await join(code, { nickname: "Early" });
    const closed = await teacher.post(`/c/${code}/teacher/close`);
    expect(closed.status).toBe(303);
    expect(location(closed)).toBe(`/c/${code}/teacher?done=closed`);

    const late = await join(code, { nickname: "Late" });
    expect(late.response.status).toBe(403);
    expect(await late.response.text()).toContain("your teacher has closed joining");
    expect((await call(`/c/${code}`)).status).toBe(403);

    await play(inside.student, rightly);
    const board = await (await teacher.get(`/c/${code}/board`)).text();
    expect(board).toContain(">Early</th>");
    expect(board).not.toContain(">Late</th>");
  });
});

describe("the board", () => {
  it("is hidden from students unless the teacher turned it on (the teacher still sees it)", async () => {
    const { code, teacher } = await createClass({ board: "" });
    const student = await new Browser().get(`/c/${code}/board`);
    expect(student.status).toBe(403);
    expect(await student.text()).toContain("chosen not to show a class board");
    expect((await teacher.get(`/c/${code}/board`)).status).toBe(200);
  });

  it("reads the class's object, not KV: one request per teacher's refresh, shared by students' phones", async () => {
    const { code, teacher } = await createClass();
    const { student } = await join(code, { nickname: "Counted" });
    await play(student, rightly);

    const kv = countingKv();
    const room = countingRoom();
    const bindings = { SCORES: kv.kv, CLASS_ROOM: room.ns };
    // The teacher's board is always current: a read of its own.
    const res = await teacher.get(`/c/${code}/board`, bindings);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(">Counted</th>");
    expect(room.calls).toEqual(["view"]);
    // 30 phones refresh within ten seconds: they share that read; KV is not asked at all.
    const refreshed = await Promise.all(Array.from({ length: 30 }, () => call(`/c/${code}/board`, {}, bindings)));
    expect(refreshed.every((r) => r.status === 200)).toBe(true);
    expect(await refreshed[0]?.text()).toContain(">Counted</th>");
    expect(room.calls).toEqual(["view"]);
    expect(kv.calls.filter((c) => c === "list" || c === "put" || c === "delete")).toEqual([]);
    await teacher.get(`/c/${code}/board`, bindings);
    expect(room.calls).toEqual(["view", "view"]);
  });

  it("a student costs two writes (join, finish), a few reads and no list; quiz pages cost nothing", async () => {
    const { code } = await createClass();
    const counted = countingKv();
    const bindings = { SCORES: counted.kv };
    const student = new Browser();
    const joined = await student.post("/join", { code, nickname: "Frugal" }, bindings);
    expect(joined.status).toBe(303);
    expect(counted.calls.filter((c) => c === "put")).toHaveLength(1);
    const beforeQuiz = counted.calls.length;
    for (let n = 1; n <= 3; n++) {
      const page = await (await student.get(`/quiz/q/${n}`, bindings)).text();
      const item = /name="item" value="([a-z0-9-]+)"/.exec(page)?.[1] ?? "";
      await student.post("/quiz/answer", { item, answer: rightly(item) }, bindings);
    }
    expect(counted.calls.length).toBe(beforeQuiz);
    expect((await student.post("/quiz/finish", {}, bindings)).status).toBe(303);
    expect(counted.calls.filter((c) => c === "put")).toHaveLength(2);
    expect(counted.calls.filter((c) => c === "list" || c === "delete")).toEqual([]);
    expect(counted.calls.filter((c) => c === "get" || c === "getWithMetadata").length).toBeLessThanOrEqual(4);
  });

  it("has no meta refresh; a Refresh button; polling via a same-origin script and an aria-live region", async () => {
    const { code } = await createClass();
    const html = await (await call(`/c/${code}/board`)).text();
    expect(html).not.toMatch(/http-equiv="refresh"/i);
    expect(html).toContain(`<a class="button" href="/c/${code}/board">Refresh</a>`);
    expect(html).toMatch(/<p id="board-status" data-live="" role="status" aria-live="polite">|aria-live="polite"/);
    const script = /<script src="(\/assets\/poll\.[a-z0-9]+\.js)" defer=""><\/script>/.exec(html)?.[1];
    expect(script).toBeDefined();
    // A static file (npm run css), served before the Worker and cached for a year (public/_headers).
    const js = await env.ASSETS.fetch(`http://localhost${script ?? ""}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await js.text()).toContain("document.hidden");
    // No inline scripts or style attributes (CSP: script-src 'self', style-src 'self').
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toMatch(/\sstyle="/);
  });
});
