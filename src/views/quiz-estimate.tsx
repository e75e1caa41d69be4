/** @module Before the first statement: how many the reader expects to get right. One tap, or skip. No JavaScript. */
import { Layout } from "./layout";

export interface QuizEstimatePageProps {
  /** How many statements the form asks. */
  total: number;
  /** Where "Skip this question" goes (the public quiz: the first statement; a class: where the class is). */
  skipHref?: string;
  /** A class whose check-in comes next: the question names the quiz's statements, and the way on says the check-in. */
  checkInNext?: boolean;
}

/** Each number is its own submit button, so one tap answers and goes on to the first statement. */
export function QuizEstimatePage({ total, skipHref = "/quiz/q/1", checkInNext = false }: QuizEstimatePageProps) {
  return (
    <Layout title="Before you start">
      <EstimateForm total={total} heading checkInNext={checkInNext} />
      <p class="muted">
        {checkInNext
          ? "One tap takes you to the check-in: six other statements first, then the quiz. At the end you see how close you were."
          : "One tap takes you to the first statement. At the end you see how close you were."}
      </p>
      <p class="row">
        <a class="button secondary" href={skipHref}>
          Skip this question
        </a>
      </p>
    </Layout>
  );
}

export interface EstimateFormProps {
  total: number;
  /** The question is the page's heading (its own page) rather than a section's. */
  heading?: boolean;
  /** Send the reader back to "You're in" afterwards (a class waiting for its teacher). */
  thenJoined?: boolean;
  /** The check-in comes first, with its own six statements: say which statements this is about. */
  checkInNext?: boolean;
}

/** "How many of these N do you think you will get right?": one submit button per number. */
export function EstimateForm({ total, heading = false, thenJoined = false, checkInNext = false }: EstimateFormProps) {
  const question = checkInNext
    ? `How many of the quiz's ${total} statements, after the check-in, do you think you will get right?`
    : `How many of these ${total} do you think you will get right?`;
  return (
    // Waiting in the lobby, poll.js sends it with fetch and puts "You're in" back in place, so the
    // phone keeps its page and its socket (a load would open a second one).
    <form method="post" action="/quiz/estimate" data-inline={thenJoined ? "" : undefined}>
      {thenJoined ? <input type="hidden" name="from" value="joined" /> : null}
      <fieldset class="estimate">
        <legend>{heading ? <h1>{question}</h1> : <h2>{question}</h2>}</legend>
        <div class="row">
          {Array.from({ length: total + 1 }, (_, n) => (
            <button type="submit" name="estimate" value={String(n)} class="secondary">
              {n}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

/** While the class waits: the self-estimate (one tap, or none), or the one given. */
export function WaitingEstimate(p: { total: number; estimate: number | null | undefined; asked: boolean }) {
  if (p.asked) {
    return (
      <>
        <EstimateForm total={p.total} thenJoined />
        <p class="muted">While you wait: one tap, or leave it. At the end you see how close you were.</p>
      </>
    );
  }
  if (typeof p.estimate !== "number") return null;
  return (
    <p>
      You expect to get {p.estimate} of {p.total} right. At the end you see how close you were.
    </p>
  );
}
