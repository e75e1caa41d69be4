/**
 * Back in as yourself, on the real class object and local KV: each student gets a code at joining;
 * typing it on the class's join page (any device, no cookie) brings back the same row with its
 * answers and finish; a wrong code is refused without saying whose a code is; the teacher can look
 * a student's code up. The same through JSON.
 */
import { describe, expect, it } from "vitest";
import { ClassJoined, StudentCode } from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { Browser, call, createClass, join, location, play, rightly } from "./class-helpers";

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

/** The code to get back in, as "You're in as …" shows it. */
function codeOn(html: string): string {
  const back = /Your code to get back in: <strong class="code-inline">([A-Z0-9]{5})<\/strong>/.exec(html)?.[1];
  if (!back) throw new Error("No code to get back in on the page.");
  return back;
}

describe("a student who lost their tab gets back in with their code", () => {
  it("pages: same row, same answers, the next unanswered statement; no ghost row on the dashboard", async () => {
    const { code, teacher } = await createClass();
    const { student } = await join(code, { nickname: "Lost Cookie" });
    const back = codeOn(await text(student.get(`/c/${code}/joined`)));
    const first = await play(student, rightly, 3, { finish: false });

    // A new tab or another phone: no cookie at all.
    const again = new Browser();
    const joinPage = await text(again.get(`/c/${code}`));
    expect(joinPage).toContain("Been here before? Get back in with your code");
    const res = await again.post("/join/back", { code, back: back.toLowerCase() });
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/c/${code}/joined`);
    const joined = await text(again.get(`/c/${code}/joined`));
    expect(joined).toContain('in as <span class="nick">Lost Cookie</span>');
    expect(joined).toContain("you have answered 3 of 8");
    expect(codeOn(joined)).toBe(back);
    expect(location(await again.get("/quiz/q"))).toBe("/quiz/q/4");

    const dashboard = await text(teacher.get(`/c/${code}/teacher`));
    expect(dashboard.match(/<th scope="row" class="nick">/g)).toHaveLength(1);
    expect(dashboard).toContain("Joined: 1.");
    expect(dashboard).toContain("3 of 8");

    // The rest from the new device: the finish counts all 8, the first 3 as recorded.
    const rest = await play(again, rightly);
    expect(rest).toHaveLength(5);
    expect(new Set([...first, ...rest]).size).toBe(8);
    const result = await text(again.get("/quiz/result"));
    expect(result).toMatch(/8 of 8/);
    // The old tab's cookie is the same attempt: it finds the result, not a second row.
    await student.post("/quiz/finish");
    expect(await text(teacher.get(`/c/${code}/teacher`))).toContain("Joined: 1.");
  });

  it("a finished student who comes back sees 'You have finished' with their result", async () => {
    const { code } = await createClass({ items: "6" });
    const { student } = await join(code, { nickname: "Ana" });
    const back = codeOn(await text(student.get(`/c/${code}/joined`)));
    await play(student, rightly);
    const again = new Browser();
    await again.post("/join/back", { code, back });
    expect(await text(again.get(`/c/${code}/joined`))).toContain("You have finished");
    expect(await text(again.get("/quiz/result"))).toMatch(/6 of 6/);
  });

  it("a wrong code is one refusal that names nobody; a malformed one says what a code looks like", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Ana" });
    const real = codeOn(await text(student.get(`/c/${code}/joined`)));
    const wrong = real === "22222" ? "33333" : "22222";
    const stranger = new Browser();
    const refused = await stranger.post("/join/back", { code, back: wrong });
    expect(refused.status).toBe(404);
    const html = await refused.text();
    expect(html).toContain("No one in this class has that code");
    expect(html).not.toContain("Ana");
    expect(html).toContain('<details open="">');
    expect(html).toMatch(/id="back"[^>]*aria-invalid="true"/);
    expect(stranger.cookies.size).toBe(0);
    const malformed = await stranger.post("/join/back", { code, back: "K0" });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("5 letters and numbers");
    // A code from another class opens nothing here.
    const other = await createClass();
    const theirs = await join(other.code, { nickname: "Ben" });
    const bens = codeOn(await text(theirs.student.get(`/c/${other.code}/joined`)));
    expect((await stranger.post("/join/back", { code, back: bens })).status).toBe(404);
  });

  it("a removed student's code opens nothing", async () => {
    const { code, teacher } = await createClass();
    const { student } = await join(code, { nickname: "Prank" });
    const back = codeOn(await text(student.get(`/c/${code}/joined`)));
    const dashboard = await text(teacher.get(`/c/${code}/teacher`));
    const sid = /name="student" value="([^"]+)"/.exec(dashboard)?.[1] ?? "";
    await teacher.post(`/c/${code}/teacher/remove`, { student: sid });
    expect((await new Browser().post("/join/back", { code, back })).status).toBe(404);
  });

  it("the teacher's Code button shows that student's code; an unknown id, or no sign-in, shows none", async () => {
    const { code, teacher } = await createClass();
    const { student } = await join(code, { nickname: "Zara" });
    const back = codeOn(await text(student.get(`/c/${code}/joined`)));
    const dashboard = await text(teacher.get(`/c/${code}/teacher`));
    expect(dashboard).not.toContain(back);
    const sid = /action="\/c\/[A-Z0-9]{6}\/teacher\/code"><input type="hidden" name="student" value="([^"]+)"/.exec(
      dashboard,
    )?.[1];
    expect(sid).toBeDefined();
    const shown = await text(teacher.post(`/c/${code}/teacher/code`, { student: sid ?? "" }));
    expect(shown).toContain(`<p class="code-strip">${back}</p>`);
    expect(shown).toContain("Tell it to");
    const unknown = await teacher.post(`/c/${code}/teacher/code`, { student: "nobody" });
    expect(location(unknown)).toBe(`/c/${code}/teacher?done=not-found`);
    const outsider = await new Browser().post(`/c/${code}/teacher/code`, { student: sid ?? "" });
    expect(outsider.status).toBe(401);
    expect(await outsider.text()).not.toContain(back);
  });
});

describe("JSON: the code comes with the join, and brings the attempt back", () => {
  it("join gives `back`; POST …/students/back gives the same attempt with its answers and the next statement", async () => {
    const { code, key } = await createClass();
    const joined = ClassJoined.parse(
      await (await send(`/api/v1/classes/${code}/students`, { nickname: "Api" })).json(),
    );
    expect(joined.back).toMatch(/^[A-Z0-9]{5}$/);
    const first = joined.next;
    if (!first) throw new Error("no first statement");
    const answered = await send("/api/v1/attempts/answer", {
      token: joined.token,
      itemId: first.id,
      answer: rightly(first.id),
    });
    expect(answered.status, await answered.clone().text()).toBe(200);

    const res = await send(`/api/v1/classes/${code}/students/back`, { back: ` ${joined.back.toLowerCase()} ` });
    expect(res.status).toBe(200);
    const back = ClassJoined.parse(await res.json());
    expect(back.attemptId).toBe(joined.attemptId);
    expect(back.answered).toBe(1);
    expect(back.next?.id).not.toBe(first.id);
    expect(back.nickname).toBe("Api");

    const dashboard = (await (await send(`/api/v1/classes/${code}/dashboard`, undefined, key)).json()) as {
      students: { id: string }[];
    };
    expect(dashboard.students).toHaveLength(1);
    const id = dashboard.students[0]?.id ?? "";
    const looked = await send(`/api/v1/classes/${code}/students/${id}/code`, undefined, key);
    expect(StudentCode.parse(await looked.json())).toEqual({ id, nickname: "Api", back: joined.back });
    expect((await send(`/api/v1/classes/${code}/students/${id}/code`)).status).toBe(401);
    expect((await send(`/api/v1/classes/${code}/students/nobody/code`, undefined, key)).status).toBe(404);
  });

  it("bad input: a wrong code 404, a malformed one 422, a bad body 400, all problem+json, no token", async () => {
    const { code } = await createClass();
    const cases: [unknown, number, string][] = [
      [{ back: "22222" }, 404, "rejoin-code-not-found"],
      [{ back: "K0" }, 422, "invalid-rejoin-code"],
      [{ back: 12345 }, 400, "invalid-body"],
      [{}, 400, "invalid-body"],
      [{ back: "22222", extra: 1 }, 400, "invalid-body"],
    ];
    for (const [body, status, slug] of cases) {
      const res = await send(`/api/v1/classes/${code}/students/back`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = Problem.parse(await res.json());
      expect(problem.type, JSON.stringify(body)).toContain(slug);
    }
    expect((await send("/api/v1/classes/ZZZZZZ/students/back", { back: "22222" })).status).toBe(404);
  });
});

describe("the code on every class page", () => {
  it("a class student's question, feedback and result pages carry their code; a public reader's none", async () => {
    const { code } = await createClass({ items: "6" });
    const { student } = await join(code, { nickname: "Zara" });
    const back = codeOn(await text(student.get(`/c/${code}/joined`)));
    const question = await text(student.get("/quiz/q/1"));
    expect(codeOn(question)).toBe(back);
    const item = /name="item" value="([a-z0-9-]+)"/.exec(question)?.[1] ?? "";
    const answered = await student.post("/quiz/answer", { item, answer: rightly(item) });
    expect(codeOn(await text(student.get(location(answered))))).toBe(back);
    await play(student, rightly);
    expect(codeOn(await text(student.get("/quiz/result")))).toBe(back);

    const reader = new Browser();
    await reader.post("/quiz/start", {});
    const page = await text(reader.get("/quiz/q/1"));
    expect(page).toContain("Verified or unverified?");
    expect(page).not.toContain("Your code to get back in");
  });
});
