/**
 * @module The JSON shape of GET /api/v1/classes/{code}/dashboard (teacher only), as a zod/mini schema;
 * the dashboard route's response in the route table (./class-schemas.ts).
 */
import * as z from "zod/mini";
import { BeforeAfter } from "./class-checks-schema";
import { about, ClassInfo, count, figure, isoTime, lean } from "./class-schema-parts";
import { Judgement } from "./schemas";

const itemStat = {
  position: count("1-based position of the statement in the class."),
  itemId: z.string(),
  statement: z.string(),
  verdict: Judgement,
  answered: count("Finished students who answered it."),
  correct: count("Of those, how many were right."),
  shareCorrect: z.nullable(z.number()).check(about("correct ÷ answered, or null when nobody answered it.")),
};

/** GET /api/v1/classes/{code}/dashboard (teacher only) */
export const ClassDashboard = z.object({
  ...ClassInfo.shape,
  joined: count("Students who joined."),
  finished: count("Students who finished (or stopped early)."),
  listedAt: isoTime("When the students were listed; reused for up to 20 seconds"),
  class: z.object({
    answered: count("All answers given by finished students."),
    discernment: figure("The pooled answers' discernment, −1..1."),
    c: figure("The pooled answers' bias c."),
    lean,
    verifiedAnswered: count("Answers on established facts."),
    verifiedJudgedUnverified: count("Of those, called unverified."),
    unverifiedAnswered: count("Answers on unproven claims."),
    unverifiedJudgedVerified: count("Of those, accepted as verified."),
  }),
  students: z.array(
    z.object({
      id: z.string().check(about("Use with DELETE /api/v1/classes/{code}/students/{id}.")),
      nickname: z.string(),
      finished: z.boolean(),
      status: z
        .enum(["finished", "stopped early", "playing", "away"])
        .check(
          about(
            '"stopped early": finished with fewer answers than the class has statements. "away": still playing, but nothing has come from the student for 5 minutes (a closed tab, a locked phone); their code gets them back in.',
          ),
        ),
      progress: z
        .nullable(z.int().check(z.gte(0)))
        .check(about("Statements answered so far (for a finished student, the answers given); null when not known.")),
      correct: z.nullable(z.int()),
      answered: z.nullable(z.int()),
      discernment: z.nullable(z.number()),
      c: z.nullable(z.number()),
      lean: z.nullable(lean),
    }),
  ),
  removed: z
    .array(z.object({ id: z.string(), nickname: z.string() }))
    .check(about("Names the teacher removed: refused until POST /api/v1/classes/{code}/students/{id}/allow-back.")),
  waiting: z
    .array(z.object({ id: z.string(), nickname: z.string() }))
    .check(
      about(
        "Students waiting for the teacher to let them in (a class with admit: true), not yet in `students`: POST …/students/admit lets them in, POST …/students/remove refuses them.",
      ),
    ),
  settingsOpen: z
    .boolean()
    .check(
      about(
        "No answer has been recorded yet: the settings can still change (PATCH /api/v1/classes/{code}); false from the first answer on.",
      ),
    ),
  items: z.array(z.object(itemStat)).check(about("Every statement of the class, in class order.")),
  mostFooled: z
    .array(
      z.object({
        ...itemStat,
        explanation: z.string(),
        claimant: z.string().check(about("Who makes the claim, as the article names them.")),
        prompt: z.string().check(about("A question for the class to discuss.")),
      }),
    )
    .check(about("Up to three statements with the highest share of wrong answers.")),
  know: z
    .object({
      calibration: z
        .object({
          over: count("Finished students whose self-estimate was 2 or more above their correct answers."),
          under: count("Finished students whose self-estimate was 2 or more below their correct answers."),
          well: count("Finished students whose self-estimate was within 1 of their correct answers."),
          noEstimate: count("Finished students who skipped the estimate: not counted above."),
          stoppedEarly: count(
            "Finished students with an estimate who answered fewer statements than the class has: not counted above.",
          ),
        })
        .check(about("Expected against got: |estimate − correct| ≤ 1 is well calibrated. Names no verdict.")),
      sureAndWrong: z
        .array(
          z.object({
            position: itemStat.position,
            itemId: itemStat.itemId,
            statement: itemStat.statement,
            verdict: itemStat.verdict,
            sureWrong: count('Finished students who said "sure" and answered it wrongly.'),
            sure: count('Finished students who said "sure" on it, right or wrong.'),
          }),
        )
        .check(
          about(
            "The statements answered wrongly while sure, most such answers first, then class order; those nobody got wrong while sure are left out. Gives verdicts away: the page keeps it in the closed answer-key fold.",
          ),
        ),
      students: z
        .array(
          z.object({
            id: z.string().check(about("The student's id, as in `students`.")),
            estimate: z
              .nullable(count("How many they expected to get right"))
              .check(about("Their self-estimate, or null: skipped.")),
            fit: z
              .nullable(z.enum(["over", "under", "well"]))
              .check(
                about(
                  "How their estimate fits their correct answers; null without an estimate or when they stopped early.",
                ),
              ),
            sureWrong: count('Their answers given as "sure" that were wrong.'),
          }),
        )
        .check(
          about("Each finished student's self-estimate and certainty, in the order of `students` among finished ones."),
        ),
    })
    .check(about("Know what you know: how sure students were, and how well they judged themselves.")),
  beforeAfter: z.nullable(BeforeAfter),
});
export type ClassDashboard = z.infer<typeof ClassDashboard>;
