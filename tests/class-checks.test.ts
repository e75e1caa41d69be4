/**
 * The check-in and check-out of a class: the option, the forms drawn beside the class's statements,
 * the pages students play them on (before the first statement, after the finish, no feedback), the
 * counterbalancing by join order, and what the dashboard, its JSON and the CSV show — inside
 * workerd with real KV and the real class object.
 */
import { env, reset } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import type { ClassRecord } from "../src/domain/class";
import { hasTwins } from "../src/domain/forms";
import { classKey } from "../src/store/class-keys";
import { type Browser, createClass, join, location, play, rightly, wrongly } from "./class-helpers";

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
async function playCheck(student: Browser, right: number, estimate: number | null): Promise<{ ids: string[]; next: string }> {
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
