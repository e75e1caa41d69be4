/**
 * The check-in and check-out at their edges, found by trying them as a student and with the API:
 * a check-in turned off after a student joined is no dead end; the JSON statements are not handed
 * to a student in the lobby, waiting to be let in, or removed; and the estimate page says where its
 * tap leads. Inside workerd with real KV and the real class object.
 */
import { reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { ClassCreated, ClassDashboard, ClassJoined } from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { call, countingRoom, createClass, join, location } from "./class-helpers";

beforeEach(async () => {
  await reset();
});

function send(path: string, body?: unknown, key?: string, method?: string): Promise<Response> {
  return call(path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function problemOf(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (
    Problem.parse(await res.json())
      .type.split("/")
      .at(-1) ?? ""
  );
}

describe("check-in edges", () => {
  it("turned off after a student joined: the check page sends them on, and the quiz stops sending them there", async () => {
    const { code, key } = await createClass({ items: "6", checks: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    expect(location(await student.get("/quiz/q"))).toBe("/quiz/check");
    const page = await (await student.get("/quiz/check")).text();
    const form = /name="form" value="([a-z0-9,]+)"/.exec(page)?.[1] ?? "";
    expect(form.split(",")).toHaveLength(6);
    expect((await send(`/api/v1/classes/${code}`, { checks: false }, key, "PATCH")).status).toBe(200);
    // The page that was open is sent: nothing to record now, so on to the quiz (not a 409 with no way out).
    const sent = await student.post("/quiz/check", { phase: "in", form, q1: "verified", estimate: "" });
    expect(sent.status).toBe(303);
    expect(location(sent)).toBe("/quiz/q");
    expect(location(await student.get("/quiz/check"))).toBe("/quiz/q");
    // The token no longer says the class has checks: the quiz pages do not send her back.
    expect(location(await student.get("/quiz/q"))).not.toBe("/quiz/check");
  });

  it("a check page asks the class's object once (its seat and the phase in one request)", async () => {
    const { code } = await createClass({ items: "6", checks: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    const counted = countingRoom();
    const page = await student.get("/quiz/check", { CLASS_ROOM: counted.ns });
    expect(page.status).toBe(200);
    expect(counted.calls).toEqual(["checkSeatAndPhase"]);
  });

  it("JSON: no check statements to a student in the lobby, waiting to be let in, or removed", async () => {
    const created = ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, checks: true })).json());
    const students = `/api/v1/classes/${created.code}/students`;
    const ana = ClassJoined.parse(await (await send(students, { nickname: "Ana" })).json());
    // The class waits for the teacher's Start.
    expect(await problemOf(await send("/api/v1/attempts/check", { token: ana.token }), 409)).toBe("class-not-started");

    const gated = ClassCreated.parse(
      await (await send("/api/v1/classes", { items: 6, checks: true, start: "join", admit: true })).json(),
    );
    const bo = ClassJoined.parse(
      await (await send(`/api/v1/classes/${gated.code}/students`, { nickname: "Bo" })).json(),
    );
    expect(await problemOf(await send("/api/v1/attempts/check", { token: bo.token }), 409)).toBe("not-admitted");
    const board = ClassDashboard.parse(
      await (await send(`/api/v1/classes/${gated.code}/dashboard`, undefined, gated.teacherKey)).json(),
    );
    const waiting = board.waiting.map((s) => s.id);
    expect(waiting).toHaveLength(1);
    expect(
      (await send(`/api/v1/classes/${gated.code}/students/remove`, { students: waiting }, gated.teacherKey)).status,
    ).toBe(200);
    expect(await problemOf(await send("/api/v1/attempts/check", { token: bo.token }), 403)).toBe("removed");

    // Once started, the statements come.
    expect((await send(`/api/v1/classes/${created.code}/start`, {}, created.teacherKey)).status).toBe(200);
    const due = await send("/api/v1/attempts/check", { token: ana.token });
    expect(due.status).toBe(200);
    expect(((await due.json()) as { statements: unknown[] }).statements).toHaveLength(6);
  });

  it("the estimate page says the check-in comes next, and the check page's estimate names its own statements", async () => {
    const { code } = await createClass({ items: "6", checks: "on" });
    const { student } = await join(code, { nickname: "Ana" });
    const estimate = await (await student.get("/quiz/estimate")).text();
    expect(estimate).toContain("One tap takes you to the check-in");
    expect(estimate).toContain("How many of the quiz&#39;s 6 statements, after the check-in,");
    const check = await (await student.get("/quiz/check")).text();
    expect(check).toMatch(/How many of these 6 check-in statements/);
    // A class without checks keeps the plain wording.
    const plain = await createClass({ items: "6" });
    const other = (await join(plain.code, { nickname: "Bo" })).student;
    const page = await (await other.get("/quiz/estimate")).text();
    expect(page).toContain("One tap takes you to the first statement.");
    expect(page).toContain("How many of these 6 do you think you will get right?");
  });
});
