/**
 * @module body-checks: the JSON request bodies the API takes, as small declarative checks.
 *
 * The Worker validates with these rather than with zod (≈ 7 KB gzipped saved from the
 * bundle); ./requests.ts and ./class-requests.ts keep the zod schemas that document the
 * same bodies in the OpenAPI file, and tests/body-checks.test.ts holds the two in step.
 */
import { CLASS_NAME_MAX, ITEM_COUNT_CHOICES } from "../../domain/class";
import { MAX_CLASS_SIZE } from "../../domain/room";
import { MAX_TOKEN_LENGTH } from "../../domain/token";

/** A field's check: a message that completes "body.<field> …", or null when the value is fine. */
type Check = (value: unknown) => string | null;

/** A body: its fields in order; `required` fields must be present. */
export type BodySpec<T> = { [K in keyof T]-?: { required: boolean; check: Check } } & { readonly __shape?: T };

const str =
  (max: number, min = 0, pattern?: [RegExp, string]): Check =>
  (value) => {
    if (typeof value !== "string") return "must be a string";
    if (value.length < min) return "must not be empty";
    if (value.length > max) return `must be at most ${max} characters`;
    return pattern && !pattern[0].test(value) ? pattern[1] : null;
  };

const bool: Check = (value) => (typeof value === "boolean" ? null : "must be a boolean");

const oneOf =
  (values: readonly (string | number)[]): Check =>
  (value) =>
    values.includes(value as string | number)
      ? null
      : `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;

const token = { required: true, check: str(MAX_TOKEN_LENGTH, 1) };
const itemId = {
  required: true,
  check: str(80, 0, [/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be an item id like seventy-attackers-killed"]),
};
const optional = (check: Check) => ({ required: false, check });

export const StartAttemptBody: BodySpec<{ after?: string }> = { after: optional(str(MAX_TOKEN_LENGTH, 1)) };
export const AnswerBody: BodySpec<{ token: string; itemId: string; answer: "verified" | "unverified" }> = {
  token,
  itemId,
  answer: { required: true, check: oneOf(["verified", "unverified"]) },
};
export const FinishBody: BodySpec<{ token: string }> = { token };
export const CreateClassBody: BodySpec<{
  name?: string;
  items?: number | "all";
  shuffle?: boolean;
  names?: "typed" | "generated";
  board?: boolean;
  size?: number;
  pace?: "student" | "teacher";
}> = {
  name: optional(str(CLASS_NAME_MAX)),
  items: optional(oneOf([...ITEM_COUNT_CHOICES, "all"])),
  shuffle: optional(bool),
  names: optional(oneOf(["typed", "generated"])),
  board: optional(bool),
  size: optional((v) =>
    Number.isInteger(v) && Number(v) >= 1 && Number(v) <= MAX_CLASS_SIZE ? null : "must be 1 to 200",
  ),
  pace: optional(oneOf(["student", "teacher"])),
};
export const JoinClassBody: BodySpec<{ nickname?: string; generate?: boolean }> = {
  nickname: optional(str(512)),
  generate: optional(bool),
};
export const CloseClassBody: BodySpec<Record<string, never>> = {};
export const PaceBody: BodySpec<{ action: "open" | "close"; step: number; shut: boolean }> = {
  action: { required: true, check: oneOf(["open", "close"]) },
  step: {
    required: true,
    check: (v) => (Number.isInteger(v) && Number(v) >= 0 && Number(v) <= 200 ? null : "must be 0 to 200"),
  },
  shut: { required: true, check: bool },
};

/**
 * Every problem with a parsed JSON body, first the fields in spec order, then unknown fields.
 * @example problemsOf(AnswerBody, { token: "" }) // [{ field: "body.token", message: "must not be empty" }, …]
 */
export function problemsOf<T>(spec: BodySpec<T>, json: unknown): { field: string; message: string }[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return [{ field: "body", message: "must be a JSON object" }];
  }
  const body = json as Record<string, unknown>;
  const fields = spec as Record<string, { required: boolean; check: Check }>;
  const problems: { field: string; message: string }[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = body[name];
    const message = value === undefined ? (field.required ? "is required" : null) : field.check(value);
    if (message) problems.push({ field: `body.${name}`, message });
  }
  for (const name of Object.keys(body)) {
    if (!(name in fields)) problems.push({ field: `body.${name}`, message: "is not a field this request takes" });
  }
  return problems;
}
