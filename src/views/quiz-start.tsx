/** @module The quiz start page: what the quiz is, a content note and the Start button first, then what the answers mean. */
import { Layout } from "./layout";
import { ActionForm } from "./quiz-parts";

export interface QuizStartPageProps {
  total: number;
  /** The sizes of the forms the reader can play after this one, in order (e.g. [10, 7]); none: no sentence. */
  later?: readonly number[];
  /** Why the reader was sent here (an expired or damaged quiz), in plain words. */
  notice?: string | undefined;
  /** A quiz in progress on this device, if its token is good. */
  /** `inClass`: the attempt on this device is a class's: its buttons say that starting here leaves the class. */
  inProgress?: { answered: number; total: number; finished: boolean; inClass: boolean } | undefined;
}

/**
 * What the reader can play after the first form, from the run's real sizes.
 * @example laterLine([10, 7]) // " At the end you can go on with statements you have not seen: 10 more, then 7 more."
 */
export function laterLine(later: readonly number[]): string {
  if (later.length === 0) return "";
  return ` At the end you can go on with statements you have not seen: ${later.map((n) => `${n} more`).join(", then ")}.`;
}

export function QuizStartPage({ total, later = [], notice, inProgress }: QuizStartPageProps) {
  return (
    <Layout
      title="The quiz"
      description="Verified fact or unverified claim? A quiz on the news coverage of the May 2023 Belgorod incursion."
    >
      {notice ? (
        <p class="note" role="status">
          {notice}
        </p>
      ) : null}
      <h1>Verified or unverified?</h1>
      <p class="lede">
        {total} statements from news coverage of the May 2023 incursion into Russia's Belgorod region, each with what
        the report says. For each one, decide: does this report establish it?
      </p>
      <p class="muted">
        <strong>Content note:</strong> the report describes an armed attack: shelling, damage, and claims of people
        killed.
      </p>
      {/* The button before the definitions, so it is on a phone's first screen (360×640). */}
      {inProgress && !inProgress.finished ? (
        <div class="panel">
          <p>
            {inProgress.inClass
              ? "You are playing a class quiz on this device"
              : "You have a quiz in progress on this device"}
            : {inProgress.answered} of {inProgress.total} answered.
          </p>
          <div class="row">
            <a class="button" href="/quiz/q">
              {inProgress.inClass ? "Continue the class quiz" : "Continue the quiz"}
            </a>
            <ActionForm
              action="/quiz/start"
              label={inProgress.inClass ? "Leave the class and play on my own" : "Start again"}
              secondary
            />
          </div>
        </div>
      ) : (
        <div class="row">
          <form method="post" action="/quiz/start">
            {/* An option, off by default: a second question with every statement, scored apart. */}
            <div class="check">
              <label>
                <input type="checkbox" name="who" value="1" />
                Also ask who says so
              </label>
            </div>
            <button type="submit">Start the quiz</button>
          </form>
          {inProgress?.finished ? (
            <a class="button secondary" href="/quiz/result">
              See your last result
            </a>
          ) : null}
        </div>
      )}
      <h2>What the answers mean</h2>
      <dl class="facts">
        <dt>Verified</dt>
        <dd>
          This report establishes it: a public act, a matter of record, or the fact that someone said something. It does
          not mean independently confirmed, or true.
        </dd>
        <dt>Unverified</dt>
        <dd>
          A claim, an estimate or a judgement that the coverage does not establish. Unverified does not mean false.
        </dd>
      </dl>
      <p>
        After each answer you see who makes the claim, the sentences it rests on and how you could check it. There is no
        timer, and you can stop whenever you like: you will be scored on what you answered.{laterLine(later)}
      </p>
      <p class="muted">
        While you play, your answers are kept in a cookie on this device. When you finish, your answers and score are
        stored without your name for 30 days, so we can see which statements mislead people most.
      </p>
    </Layout>
  );
}
