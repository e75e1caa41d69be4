/**
 * @module class-create service: the teacher's options checked (every field at fault in one 400)
 * and a new class created with its teacher key, shown once (only its hash is stored).
 */
import { pack } from "../content/pack";
import {
  CLASS_TTL_SECONDS,
  type ClassOptions,
  type ClassRecord,
  chooseClassItems,
  cleanClassName,
  type NameMode,
  resolveItemCount,
} from "../domain/class";
import { hashTeacherKey, newTeacherKey } from "../domain/ids";
import { classSizeOf } from "../domain/room";
import { insertClassRecord } from "../store/class-records";
import { drawClassChecks, MAX_ITEMS_WITH_CHECKS } from "./class-checks";
import { AppError } from "./errors";
import { limit } from "./limits";

/**
 * Raw option values as a form or JSON body gives them, each optional: `pace` "teacher" or "student"
 * (the default); `start` "teacher" (the default: students wait in the lobby for Start) or "join"
 * (each starts on joining); `shuffle`, `board`, `admit` (the teacher admits each name), `checks` (a
 * check-in and a check-out), `statementsOnly` (questions without the report) and `who` ("who says
 * so?" with each statement) are checkboxes, off unless ticked.
 */
export type OptionsInput = Partial<
  Record<
    | "name"
    | "items"
    | "shuffle"
    | "names"
    | "board"
    | "size"
    | "pace"
    | "start"
    | "admit"
    | "checks"
    | "statementsOnly"
    | "who",
    unknown
  >
>;

export type OptionsField = "name" | "items" | "names" | "size" | "pace" | "start" | "checks";

/**
 * Checks the teacher's options; throws a 400 AppError listing every field at fault.
 * Checkboxes arrive as "on" from forms and booleans from JSON; anything else is unticked.
 * @example checkOptions({ name: "7B", items: "8", names: "typed" }).itemCount // 8
 */
export function checkOptions(input: OptionsInput): ClassOptions {
  const errors: { field: OptionsField; message: string }[] = [];
  const name = cleanClassName(typeof input.name === "string" ? input.name : "");
  if (name === null) errors.push({ field: "name", message: "Class names have at most 60 characters." });
  const items = input.items === undefined || input.items === "" ? "8" : String(input.items);
  const itemCount = resolveItemCount(items, pack.items.length);
  if (itemCount === null) errors.push({ field: "items", message: "Choose 6, 8 or 12 statements, or all of them." });
  const names = input.names === undefined || input.names === "" ? "typed" : input.names;
  if (names !== "typed" && names !== "generated") {
    errors.push({ field: "names", message: "Choose typed names or generated names." });
  }
  const size = classSizeOf(input.size);
  if (size === null) errors.push({ field: "size", message: "A class has room for 1 to 200 students." });
  const pace = input.pace === undefined || input.pace === "" ? "student" : input.pace;
  if (pace !== "student" && pace !== "teacher") {
    errors.push({ field: "pace", message: "Choose whether students go at their own pace or you move the class." });
  }
  const start = input.start === undefined || input.start === "" ? "teacher" : input.start;
  if (start !== "teacher" && start !== "join") {
    errors.push({ field: "start", message: "Choose whether students wait for your Start or start as they join." });
  }
  const on = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";
  const checks = on(input.checks);
  if (checks && pace === "teacher") {
    errors.push({ field: "checks", message: "The check-in and check-out are for classes that go at their own pace." });
  } else if (checks && itemCount !== null && itemCount > MAX_ITEMS_WITH_CHECKS) {
    errors.push({
      field: "checks",
      message: `The check-in and check-out need statements the class does not play: choose ${MAX_ITEMS_WITH_CHECKS} statements or fewer.`,
    });
  }
  if (errors.length > 0 || name === null || itemCount === null || size === null) {
    const first = errors[0] ?? { field: "name", message: "Check the options." };
    throw new AppError(400, {
      slug: "invalid-body",
      title: "The request body is not valid",
      detail: first.message,
      field: `body.${first.field}`,
      errors: errors.map((e) => ({ field: `body.${e.field}`, message: e.message })),
    });
  }
  const paced = pace === "teacher";
  // A teacher-paced class sees one statement at a time, together: one order for everyone.
  const shuffle = on(input.shuffle) && !paced;
  // A teacher-paced class always waits for its first statement: the lobby is the student-paced choice.
  const lobby = paced || start === "teacher";
  const admit = on(input.admit);
  return {
    name,
    itemCount,
    shuffle,
    names: names as NameMode,
    board: on(input.board),
    size,
    paced,
    lobby,
    admit,
    checks,
    statementsOnly: on(input.statementsOnly),
    who: on(input.who),
  };
}

/**
 * Creates a class (after the limiter) and its teacher key, shown once: only its hash is stored.
 * @example const { record, key } = await createClass(c.env, clientAddress(c), checkOptions(form));
 */
export async function createClass(
  env: Env,
  client: string,
  options: ClassOptions,
  now = Date.now(),
): Promise<{ record: ClassRecord; key: string }> {
  await limit(env, "class-create", client, "Several classes have been created from your network in the last minute.");
  const key = newTeacherKey();
  const keyHash = await hashTeacherKey(key);
  const itemIds = chooseClassItems(pack.items, options.itemCount);
  const checks = options.checks ? await drawClassChecks(env, itemIds) : undefined;
  const record = await insertClassRecord(
    env.SCORES,
    (code) => ({
      v: 1,
      code,
      name: options.name,
      itemIds,
      shuffle: options.shuffle,
      names: options.names,
      board: options.board,
      keyHash,
      createdAt: now,
      expiresAt: now + CLASS_TTL_SECONDS * 1000,
      closed: false,
      removed: [],
      size: options.size,
      ...(options.paced ? { paced: true as const } : {}),
      ...(options.lobby && !options.paced ? { lobby: true as const } : {}),
      ...(options.statementsOnly ? { statementsOnly: true as const } : {}),
      ...(options.who ? { who: true as const } : {}),
      room: true,
      ...(options.admit ? { admit: true as const } : {}),
      ...(checks ? { checks } : {}),
    }),
    now,
  );
  return { record, key };
}
