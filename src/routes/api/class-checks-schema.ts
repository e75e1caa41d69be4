/**
 * @module The JSON shapes of a class's check-in and check-out, as zod/mini schemas: the dashboard's
 * `beforeAfter` (./class-dashboard-schema.ts) and the student's routes (./schemas.ts's quizRoutes).
 */
import * as z from "zod/mini";
import { about, count, figure } from "./class-schema-parts";
import { type ApiResponse, Judgement, Problem, type RouteTable } from "./schemas";

const change = (what: string) =>
  z
    .object({
      students: count(
        "Students counted: those who did both (for overconfidence, who also gave an estimate both times).",
      ),
      before: z.nullable(figure(`The mean ${what} at the check-in (null: nobody counted).`)),
      after: z.nullable(figure(`The mean ${what} at the check-out (null: nobody counted).`)),
      change: z.nullable(figure("after − before, two places (null: nobody counted).")),
      up: count("Students whose figure rose."),
      down: count("Students whose figure fell."),
      same: count("Students whose figure stayed the same."),
    })
    .check(about(`The change in ${what}.`));

const rightCount = (when: string) =>
  z
    .object({
      answered: count(`Present students who answered it ${when}.`),
      correct: count("Of those, how many were right."),
    })
    .check(about(`How it went ${when}.`));

/** One take's figures: what a student's check-in or check-out came to. */
export const TakeFigures = z.object({
  correct: count("Right answers."),
  total: count("Statements counted (six, unless the pack lost one)."),
  discernment: figure("Share of facts called verified minus share of claims called verified, −1..1."),
  bias: figure("Bias c: above 0 says unverified more often."),
  overconfidence: z.nullable(figure("The estimate minus the right answers (null: no estimate).")),
});

/** The dashboard's `beforeAfter`: null for a class without checks. */
export const BeforeAfter = z
  .object({
    change: z.object({
      checkedIn: count("Present students who did the check-in."),
      checkedOut: count("Present students who did the check-out."),
      both: count("Present students who did both: the change counts these."),
      correct: change("right answers"),
      discernment: change("discernment"),
      lean: change("bias c"),
      overconfidence: z.object({
        ...change("overconfidence (the estimate minus the right answers)").shape,
        overBefore: count("Of `students`, how many expected more than they got (by 2 or more) at the check-in."),
        overAfter: count("… and at the check-out."),
      }),
      few: z.boolean().check(about("Fewer than 10 did both: too few to read much into.")),
      size: count("Statements in each of the check-in and the check-out."),
    }),
    words: z
      .object({
        headline: z.string(),
        lines: z.array(z.string()),
        note: z.nullable(z.string()).check(about("Set when the class is too small to read much into the change.")),
      })
      .check(about("The change in sentences a teacher can say aloud, as the page shows them. Names no verdict.")),
    students: z
      .array(
        z.object({
          id: z.string().check(about("The student's id, as in `students`.")),
          before: z.nullable(TakeFigures).check(about("Their check-in (null: not done).")),
          after: z.nullable(TakeFigures).check(about("Their check-out (null: not done).")),
        }),
      )
      .check(
        about(
          'Each present student\'s check-in and check-out, in the order of `students`. The page\'s Students table says from these which parts each has done: "both", "check-in only", "check-out only" or "neither".',
        ),
      ),
    statements: z
      .array(
        z.object({
          set: z
            .enum(["a", "b"])
            .check(
              about(
                'The set: "a" is the check-in of the 1st, 3rd, 5th… student to join and the others\' check-out; "b" the other way round.',
              ),
            ),
          position: count("1-based place in its set, in the order students answer it."),
          itemId: z.string(),
          statement: z.string(),
          verdict: Judgement,
          checkIn: rightCount("at the check-in"),
          checkOut: rightCount("at the check-out"),
        }),
      )
      .check(
        about(
          "Set A's statements, then set B's, each with its verdict and how many present students got it right at each part (a statement gone from the pack since the class was made is left out). Gives verdicts away: the page keeps it in the closed answer-key fold.",
        ),
      ),
  })
  .check(about("The check-in and check-out: what changed between them (null: the class has none)."));

const token = z.string().check(about("The attempt token from the last response."));
const phase = z
  .enum(["in", "out"])
  .check(about('"in": the check-in, before the first statement; "out": the check-out, after the finish.'));

/** POST /api/v1/attempts/check */
export const CheckRequest = z.strictObject({ token });

/** POST /api/v1/attempts/check/answers */
export const CheckAnswersRequest = z.strictObject({
  token,
  phase,
  answers: z
    .array(z.enum(["verified", "unverified"]))
    .check(
      z.minLength(1, "must list one answer per statement"),
      z.maxLength(12, "must list one answer per statement"),
      about("One answer per statement, in the order POST /api/v1/attempts/check gave them."),
    ),
  estimate: z.optional(
    z.nullable(
      z
        .int()
        .check(
          z.gte(0, "must be 0 or more"),
          about("How many the student expects to get right (null or absent: skipped)."),
        ),
    ),
  ),
});

/** 200 from POST /api/v1/attempts/check */
export const CheckDue = z.object({
  phase: z
    .nullable(phase)
    .check(about("The part to play now, or null: none (the statements come next, or all is done).")),
  statements: z
    .array(z.object({ id: z.string(), statement: z.string(), context: z.string() }))
    .check(about("The part's statements, in the order to answer them (empty when `phase` is null). No verdicts.")),
  passed: count("How many of the two parts the student is past (1: the check-in done or too late; 2: both)."),
  token,
});
export type CheckDue = z.infer<typeof CheckDue>;

/** 200 from POST /api/v1/attempts/check/answers */
export const CheckRecorded = z.object({
  phase,
  answers: z.array(z.enum(["verified", "unverified"])).check(about("The answers as recorded (the first sent stands).")),
  estimate: z.nullable(count("The estimate as recorded")),
  before: z
    .nullable(TakeFigures)
    .check(about("The check-in's figures, once the check-out is done too (null before: no feedback).")),
  after: z.nullable(TakeFigures).check(about("The check-out's figures (null until it is done).")),
  token,
});
export type CheckRecorded = z.infer<typeof CheckRecorded>;

const problem = (description: string): ApiResponse => ({ description, schema: Problem });
const checkProblems = {
  "400": problem("Malformed JSON, or a body that does not match the schema; `field` names the first field at fault."),
  "401": problem("The token is malformed, tampered with, expired, or from an older quiz (field body.token)."),
  "403": problem("The teacher removed this name from the class (slug removed)."),
  "404": problem("The class's object does not know this attempt (slug student-not-found)."),
  "409": problem(
    "The attempt is not a class attempt with checks (slug no-checks), the class has not started (class-not-started), the teacher has not let the student in (not-admitted).",
  ),
  "413": problem("The body is larger than 16 KB."),
  "415": problem("The body was not sent as application/json."),
  "429": problem("Too many requests from this attempt or address; see Retry-After."),
  "503": problem("The quiz is not configured, or storage is briefly unavailable. Retry later."),
};

/** The student's check-in and check-out routes (registered in ../api/quiz.ts). */
export const checkRoutes = {
  checkDue: {
    method: "post",
    path: "/api/v1/attempts/check",
    summary: "Class students: the check-in or check-out due now (six statements, no verdicts)",
    tags: ["Quiz"],
    requestBody: {
      description:
        "The attempt's token. A class with checks (ClassInfo.checks) has a check-in before the first answer and a check-out after the finish; half the class gets each set first, by join order.",
      schema: CheckRequest,
    },
    responses: {
      "200": {
        description: "The part due now (phase null: none), and a token that says how far the student is.",
        schema: CheckDue,
      },
      ...checkProblems,
    },
  },
  checkAnswers: {
    method: "post",
    path: "/api/v1/attempts/check/answers",
    summary: "Class students: answer the check-in or the check-out (all six at once; no feedback)",
    tags: ["Quiz"],
    requestBody: {
      description:
        "The token, the part (`phase`, as POST /api/v1/attempts/check gave it), one answer per statement in its order, and the estimate (optional). The first sent stands. A check-in sent after the first statement's answer is refused (409 check-not-now): it measures before them.",
      schema: CheckAnswersRequest,
    },
    responses: {
      "200": { description: "The part as recorded; figures only once both parts are done.", schema: CheckRecorded },
      ...checkProblems,
      "409": problem(
        "That part is not due now (slug check-not-now: done already, too late, or the finish comes first), or as for POST /api/v1/attempts/check.",
      ),
      "422": problem(
        "The answers do not match the part's statements in number (slug check-answers-count), or the estimate is more than the statements (check-estimate-out-of-range).",
      ),
    },
  },
} satisfies RouteTable;
