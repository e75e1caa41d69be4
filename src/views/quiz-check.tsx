/**
 * @module The check-in (before a class's statements) and the check-out (after them): six statements
 * on one page, each with what the report says and two radios, and how many the student expects to
 * get right. No feedback: they measure. A plain form, no JavaScript.
 */
import type { CheckPhase } from "../domain/check-change";
import { Layout } from "./layout";
import { Passage, StatementsOnlyNote } from "./quiz-parts";
import { VerifiedDefinition } from "./verified-definition";

export interface CheckStatement {
  id: string;
  statement: string;
  context: string;
}

export interface QuizCheckPageProps {
  phase: CheckPhase;
  statements: readonly CheckStatement[];
  /** Why the last try was not taken ("Please choose … for statement 3."), shown above the form. */
  problem?: string | undefined;
  /** The class is set to statements only: the statements come without their reports (contexts are ""). */
  statementsOnly?: boolean;
}

const WORDS: Record<CheckPhase, { title: string; intro: string; send: string }> = {
  in: {
    title: "Check-in",
    intro:
      "Before the quiz: six statements to see where you start. You will not see their answers, and they do not count in your score.",
    send: "Send my check-in and start the quiz",
  },
  out: {
    title: "Check-out",
    intro:
      "After the quiz: six other statements to see what changed. You will not see the answers, and they do not count in your score.",
    send: "Send my check-out and see my result",
  },
};

export function QuizCheckPage({ phase, statements, problem, statementsOnly }: QuizCheckPageProps) {
  const words = WORDS[phase];
  const total = statements.length;
  return (
    <Layout title={words.title}>
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      {statementsOnly ? <StatementsOnlyNote feedback={false} /> : null}
      {problem ? (
        <p class="note" role="alert">
          {problem}
        </p>
      ) : null}
      <form method="post" action="/quiz/check">
        <input type="hidden" name="phase" value={phase} />
        <input type="hidden" name="form" value={statements.map((s) => s.id).join(",")} />
        <fieldset class="sure">
          <legend>
            How many of these {total} {phase === "in" ? "check-in" : "check-out"} statements do you think you will get
            right? Pick one, or skip it.
          </legend>
          <div class="row">
            {Array.from({ length: total + 1 }, (_, n) => (
              <label>
                <input type="radio" name="estimate" value={String(n)} />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
        {statements.map((s, i) => (
          <section aria-labelledby={`check-${i + 1}`}>
            <h2 id={`check-${i + 1}`}>
              Statement {i + 1} of {total}
            </h2>
            <p class="statement">{s.statement}</p>
            {s.context ? <Passage context={s.context} id={`check-passage-${i + 1}`} /> : null}
            <fieldset class="sure">
              <legend>Verified or unverified?</legend>
              <div class="row">
                <label>
                  <input type="radio" name={`q${i + 1}`} value="verified" required />
                  Verified
                </label>
                <label>
                  <input type="radio" name={`q${i + 1}`} value="unverified" required />
                  Unverified
                </label>
              </div>
            </fieldset>
          </section>
        ))}
        <p class="row">
          <button type="submit">{words.send}</button>
        </p>
      </form>
      <VerifiedDefinition />
    </Layout>
  );
}
