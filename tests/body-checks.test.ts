/**
 * The Worker checks request bodies with src/routes/api/body-checks.ts; the OpenAPI document
 * describes them with zod schemas. These tests hold the two in step: on every sample, both
 * accept or both refuse, at the same first field.
 */
import { describe, expect, it } from "vitest";
import {
  AnswerBody,
  type BodySpec,
  CloseClassBody,
  CreateClassBody,
  FinishBody,
  JoinClassBody,
  PaceBody,
  problemsOf,
  StartAttemptBody,
} from "../src/routes/api/body-checks";
import { CloseClassRequest, CreateClassRequest, JoinClassRequest, PaceRequest } from "../src/routes/api/class-requests";
import { AnswerRequest, FinishRequest, StartAttemptRequest } from "../src/routes/api/requests";

interface Schema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; code: string; keys?: string[] }[] };
  };
}

const long = "a".repeat(9000);
const samples: unknown[] = [
  {},
  [],
  null,
  "text",
  { token: "t", itemId: "seventy-attackers-killed", answer: "verified" },
  { token: "", itemId: "x", answer: "verified" },
  { token: long, itemId: "x", answer: "unverified" },
  { token: 1, itemId: "x", answer: "verified" },
  { token: "t", itemId: "Not An Id!", answer: "verified" },
  { token: "t", itemId: "x", answer: "maybe" },
  { token: "t", itemId: "x" },
  { token: "t", itemId: "x", answer: "verified", extra: 1 },
  { token: "t" },
  { after: "t" },
  { after: "" },
  { after: 5 },
  { name: "7B", items: 8, shuffle: true, names: "generated", board: false },
  { name: "x".repeat(61) },
  { items: 7 },
  { items: "all" },
  { items: "8" },
  { shuffle: "yes" },
  { names: "secret" },
  { secret: 1 },
  { nickname: "Ana" },
  { nickname: "x".repeat(513) },
  { nickname: 5 },
  { generate: true },
  { generate: "on" },
  { action: "open", step: 0, shut: true },
  { action: "close", step: 3, shut: false },
  { action: "skip", step: 0, shut: true },
  { action: "open", step: -1, shut: true },
  { action: "open", step: 1.5, shut: true },
  { action: "open", step: 201, shut: true },
  { action: "open", step: 0, shut: "1" },
  { action: "open", step: 0 },
];

function zodFirstField(schema: Schema, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error?.issues[0];
  if (!issue) return "body";
  const path = issue.code === "unrecognized_keys" && issue.keys?.[0] ? [...issue.path, issue.keys[0]] : issue.path;
  return ["body", ...path.map(String)].join(".");
}

const pairs: [string, BodySpec<unknown>, Schema][] = [
  ["start", StartAttemptBody, StartAttemptRequest],
  ["answer", AnswerBody as BodySpec<unknown>, AnswerRequest],
  ["finish", FinishBody as BodySpec<unknown>, FinishRequest],
  ["create class", CreateClassBody as BodySpec<unknown>, CreateClassRequest],
  ["join class", JoinClassBody as BodySpec<unknown>, JoinClassRequest],
  ["close class", CloseClassBody, CloseClassRequest],
  ["pace", PaceBody as BodySpec<unknown>, PaceRequest],
];

describe("body checks agree with the documented zod schemas", () => {
  for (const [name, spec, schema] of pairs) {
    it(name, () => {
      for (const sample of samples) {
        const ours = problemsOf(spec, sample)[0]?.field ?? null;
        expect(ours, JSON.stringify(sample)?.slice(0, 80)).toBe(zodFirstField(schema, sample));
      }
    });
  }
});
