/**
 * @module class-requests: zod/mini schemas of the JSON request bodies the class API
 * validates (bundled by the Worker; ./class-schemas re-exports them for the document).
 */
import * as z from "zod/mini";
import { CLASS_NAME_MAX, ITEM_COUNT_CHOICES } from "../../domain/class";
import { NICKNAME_MAX, NICKNAME_MIN } from "../../domain/nickname";
import { MAX_CLASS_SIZE } from "../../domain/room";

const about = (description: string) => z.describe(description);
const nameMode = z
  .enum(["typed", "generated"])
  .check(about('"typed": students type a nickname or ask for one; "generated": made-up names only.'));

/** POST /api/v1/classes */
export const CreateClassRequest = z.strictObject({
  name: z.optional(
    z
      .string()
      .check(
        z.maxLength(CLASS_NAME_MAX, `must be at most ${CLASS_NAME_MAX} characters`),
        about("Optional class name."),
      ),
  ),
  items: z.optional(
    z
      .literal([...ITEM_COUNT_CHOICES, "all"])
      .check(about(`How many statements each student answers: ${ITEM_COUNT_CHOICES.join(", ")} or "all" (default 8).`)),
  ),
  shuffle: z.optional(z.boolean().check(about("Each student gets the statements in their own order (default false)."))),
  names: z.optional(nameMode),
  board: z.optional(z.boolean().check(about("Students may see the class board (default false)."))),
  size: z.optional(
    z
      .int()
      .check(
        z.gte(1, `must be 1 to ${MAX_CLASS_SIZE}`),
        z.lte(MAX_CLASS_SIZE, `must be 1 to ${MAX_CLASS_SIZE}`),
        about("Most students at once (default 40, at most 200)."),
      ),
  ),
  start: z.optional(
    z
      .enum(["teacher", "join"])
      .check(
        about(
          '"teacher" (default): students who join wait in the lobby until you start the class; "join": each starts as soon as they join (for homework). A teacher-paced class always waits for its first statement.',
        ),
      ),
  ),
  pace: z.optional(
    z
      .enum(["student", "teacher"])
      .check(
        about(
          '"student" (default): each student at their own pace; "teacher": the teacher opens and closes one statement at a time from the projector screen (then the order is not shuffled).',
        ),
      ),
  ),
  admit: z.optional(
    z
      .boolean()
      .check(
        about(
          "The teacher admits each name (default false): a student who joins waits, greyed on the dashboard, until the teacher lets them in (POST …/students/admit) or refuses them (POST …/students/remove).",
        ),
      ),
  ),
  checks: z.optional(
    z
      .boolean()
      .check(
        about(
          "A check-in before the class's statements and a check-out after them (default false): six other statements each, drawn as two parallel forms (three of each verdict, matched lessons and sides, no twins), half the class playing each first by join order; no feedback. Student-paced classes of 12 statements or fewer (else 400, field body.checks).",
        ),
      ),
  ),
  who: z.optional(
    z
      .boolean()
      .check(
        about(
          '"Who says so?" (default false): before each verdict the student picks who makes the claim from three choices (each statement\'s `who.choices`; send the key as `who` with the answer); the feedback shows the right one once the answer is shown, and the result scores it apart (`who`).',
        ),
      ),
  ),
  statementsOnly: z.optional(
    z
      .boolean()
      .check(
        about(
          'Statements only (default false): each question shows the statement without the report\'s sentences (`context` is "" on the pages, in the JSON statements and on the projector), for a class that has read the article; the feedback still shows the sentences.',
        ),
      ),
  ),
});
export type CreateClassRequest = z.infer<typeof CreateClassRequest>;

/**
 * PATCH /api/v1/classes/{code}: the same options as creating a class, each optional (absent: as
 * it is); accepted until the first answer is recorded.
 */
export const ChangeClassRequest = CreateClassRequest;

/** A list of student ids from the dashboard: at least one, at most a class's largest size. */
const studentIds = z
  .array(z.string().check(z.maxLength(64, "must be at most 64 characters")))
  .check(
    z.minLength(1, "must list at least one student"),
    z.maxLength(MAX_CLASS_SIZE, `must list at most ${MAX_CLASS_SIZE} students`),
  );

/** POST /api/v1/classes/{code}/students/remove */
export const RemoveStudentsRequest = z.strictObject({
  students: studentIds.check(
    about("Student ids from the dashboard (`students[].id` or `waiting[].id`); all are removed, or none."),
  ),
});

/** POST /api/v1/classes/{code}/students/admit */
export const AdmitStudentsRequest = z.strictObject({
  students: z
    .union([studentIds, z.literal("all")])
    .check(about('Ids from the dashboard\'s `waiting` (all are let in, or none), or "all": everyone waiting.')),
});

/** POST /api/v1/classes/{code}/students */
export const JoinClassRequest = z.strictObject({
  nickname: z.optional(
    z
      .string()
      .check(
        z.maxLength(512, "must be at most 512 characters"),
        about(
          `${NICKNAME_MIN}–${NICKNAME_MAX} graphemes after NFKC and trimming, no hidden, unassigned or stacked characters (emoji are fine), no rude words, unique in the class ignoring case and look-alike letters. Omit it, or set generate, for a made-up name.`,
        ),
      ),
  ),
  generate: z.optional(
    z.boolean().check(about("Pick a friendly made-up name (always the case for generated-names classes).")),
  ),
});
export type JoinClassRequest = z.infer<typeof JoinClassRequest>;

/** POST /api/v1/classes/{code}/close (the body may be empty or {}). */
export const CloseClassRequest = z.strictObject({});

/** POST /api/v1/classes/{code}/pace */
export const PaceRequest = z.strictObject({
  action: z
    .enum(["open", "close", "reveal"])
    .check(
      z.describe(
        '"open" the next statement (once the current one is closed), "close" the open one (students wait, their verdicts held), or "reveal" a closed one\'s answer to the students.',
      ),
    ),
  step: z
    .int()
    .check(
      z.gte(0, "must be 0 to 200"),
      z.lte(200, "must be 0 to 200"),
      z.describe("The pace as you last saw it: the current statement's place (0 before the first)."),
    ),
  shut: z.boolean().check(z.describe("The pace as you last saw it: whether the current statement is closed.")),
});

/** POST /api/v1/classes/{code}/students/back */
export const RejoinClassRequest = z.strictObject({
  back: z
    .string()
    .check(
      z.maxLength(64, "must be at most 64 characters"),
      about(
        "The student's code to get back in: 5 letters and numbers, given when they joined (case and spaces do not matter).",
      ),
    ),
});
export type RejoinClassRequest = z.infer<typeof RejoinClassRequest>;
