/**
 * The limits of each JSON request body, at the boundary and one past it, inside workerd: the
 * zod schemas the Worker validates with (src/routes/api/requests.ts, class-requests.ts) and the
 * 16 KB body limit. The numbers are written out here, not imported, so a changed limit fails a test.
 */
import { describe, expect, it } from "vitest";
import { ClassCreated } from "../src/routes/api/class-schemas";
import { Problem } from "../src/routes/api/schemas";
import { call } from "./class-helpers";

function post(path: string, body: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  return call(path, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** A 400 naming `field`, as problem+json. */
async function expectRefused(res: Response, field: string): Promise<void> {
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(Problem.parse(await res.json()).field).toBe(field);
}

describe("POST /api/v1/classes: each option at its limit and one past it", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["size 1", { size: 1 }],
    ["size 200", { size: 200 }],
    ["6 statements", { items: 6 }],
    ["12 statements", { items: 12 }],
    ['"all" statements', { items: "all" }],
    ["teacher pace", { pace: "teacher" }],
    ["a 60-character name", { name: "n".repeat(60) }],
  ];
  for (const [name, body] of accepted) {
    it(`accepts ${name}`, async () => {
      const res = await post("/api/v1/classes", body);
      expect(res.status, await res.clone().text()).toBe(201);
      ClassCreated.parse(await res.json());
    });
  }

  const refused: [string, Record<string, unknown>, string][] = [
    ["size 0", { size: 0 }, "body.size"],
    ["size 201", { size: 201 }, "body.size"],
    ["size 100000", { size: 100_000 }, "body.size"],
    ["size 1.5", { size: 1.5 }, "body.size"],
    ["7 statements", { items: 7 }, "body.items"],
    ["13 statements", { items: 13 }, "body.items"],
    ['pace "robot"', { pace: "robot" }, "body.pace"],
    ["a 61-character name", { name: "n".repeat(61) }, "body.name"],
    ["an unknown option", { colour: "red" }, "body.colour"],
  ];
  for (const [name, body, field] of refused) {
    it(`refuses ${name}, naming ${field}`, async () => {
      await expectRefused(await post("/api/v1/classes", body), field);
    });
  }
});

describe("POST /api/v1/classes/{code}/pace: the step at its limits", () => {
  it("takes steps 0 to 200 and refuses -1 and 201 (the key checked first)", async () => {
    const created = ClassCreated.parse(await (await post("/api/v1/classes", { pace: "teacher" })).json());
    const pace = (step: number, key = created.teacherKey) =>
      post(`/api/v1/classes/${created.code}/pace`, { action: "open", step, shut: true }, key);
    // Valid bodies get past the check: a step that is not the class's own is a conflict, not a 400.
    for (const step of [0, 200]) expect((await pace(step)).status, `step ${step}`).not.toBe(400);
    await expectRefused(await pace(-1), "body.step");
    await expectRefused(await pace(201), "body.step");
    // Without the right key, a bad body is still a 403: a stranger learns nothing about it.
    expect((await pace(201, "tk_wrong")).status).toBe(403);
  });
});

describe("the 16 KB body limit", () => {
  it("takes a body of exactly 16 KB and refuses one byte more with a 413", async () => {
    const padded = (bytes: number) => {
      const head = '{"token":"';
      const tail = '"}';
      return `${head}${"a".repeat(bytes - head.length - tail.length)}${tail}`;
    };
    // 16 KB exactly reaches the body check (a token that long is refused as a 400, not a 413).
    expect((await post("/api/v1/attempts/finish", padded(16 * 1024))).status).toBe(400);
    const over = await post("/api/v1/attempts/finish", padded(16 * 1024 + 1));
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
