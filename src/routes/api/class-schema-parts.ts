/** @module Small zod/mini pieces the classroom response schemas share and ClassInfo (a component, re-exported by ./class-schemas). */
import * as z from "zod/mini";

export const about = (description: string) => z.describe(description);
export const count = (description: string) => z.int().check(z.gte(0), about(description));
export const figure = (description: string) => z.number().check(about(description));
export const isoTime = (description: string) => z.string().check(about(`${description} (ISO 8601, UTC).`));

export const code = z.string().check(about("The class's 6-character join code, e.g. ABC234 (no 0/O, 1/I/L)."));
export const nameMode = z
  .enum(["typed", "generated"])
  .check(about('"typed": students type a nickname or ask for one; "generated": made-up names only.'));
export const lean = z
  .enum(["cautious", "trusting", "balanced"])
  .check(about("From bias c with threshold 0.5: cautious calls facts unverified, trusting accepts claims."));

/** GET /api/v1/classes/{code}: what anyone with the code may know. */
export const ClassInfo = z.object({
  code,
  name: z.string().check(about('The class name, or "" when none was given.')),
  open: z.boolean().check(about("False once the teacher has closed joining.")),
  names: nameMode,
  itemCount: count("How many statements each student answers."),
  board: z.boolean().check(about("Whether students may see the class board.")),
  pace: z
    .enum(["student", "teacher"])
    .check(
      about('"teacher": the teacher moves the class from statement to statement; "student": each at their own pace.'),
    ),
  start: z
    .enum(["teacher", "join"])
    .check(
      about(
        '"teacher": students who join wait in the lobby until the teacher starts the class (POST …/start); "join": each starts as soon as they join (for homework).',
      ),
    ),
  shuffle: z.boolean().check(about("Each student gets the statements in their own order (never when teacher-paced).")),
  size: count("Most students at once (students waiting to be let in take a place)."),
  admit: z
    .boolean()
    .check(
      about(
        "The teacher admits each name: a student who joins waits (the join says waiting: true; answers get 409 not-admitted) until the teacher lets them in (POST …/students/admit).",
      ),
    ),
  checks: z
    .boolean()
    .check(
      about(
        "A check-in (six statements before the class's own, no feedback) and a check-out (six others after the finish): POST /api/v1/attempts/check and …/check/answers.",
      ),
    ),
  statementsOnly: z
    .boolean()
    .check(about('Statements only: questions come without the report (each statement\'s `context` is "").')),
  who: z
    .boolean()
    .check(about('"Who says so?": each statement comes with three choices of who makes the claim (`who.choices`).')),
  state: z
    .enum(["lobby", "running", "ended"])
    .check(
      about(
        '"lobby": waiting for the teacher\'s start (teacher-paced: for the first statement); answers are refused with 409 class-not-started. "running": under way. "ended": the teacher ended the class (POST …/end); every student still playing was finished with what they had answered; joins are refused with 403 and answers with 409, both class-ended.',
      ),
    ),
  joinUrl: z.string().check(about("The page students open to join (what the QR code holds).")),
  expiresAt: isoTime("When the class and all its results are deleted"),
});
export type ClassInfo = z.infer<typeof ClassInfo>;

/** GET and POST /api/v1/classes/{code}/pace: where a teacher-paced class is. */
export const ClassPace = z.object({
  code,
  step: count("The current statement's place in class order (1-based); 0 before the teacher opens the first."),
  shut: z.boolean().check(about("The current statement is closed: no more answers, its split may be shown.")),
  shown: z
    .boolean()
    .check(
      about(
        "The teacher showed the closed statement's answer: only now do students' answer and finish responses carry its verdict.",
      ),
    ),
  itemCount: count("How many statements the class has."),
});
export type ClassPace = z.infer<typeof ClassPace>;
