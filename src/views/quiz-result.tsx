/** @module The result: the score as the heading and the figures in words, how sure against how often right, the misses; then what next. */
import type { Verdict } from "../content/pack";
import type { CalibrationRow, CertaintyMarks } from "../domain/calibration";
import type { LeanExplanation } from "../domain/scoring";
import { CalibrationChart } from "./calibration-chart";
import { CheckIcon } from "./icons";
import { Layout } from "./layout";
import { ActionForm, verdictWord } from "./quiz-parts";
import { ReaderStanding, type ReaderStandingProps, ScoreChart, type ScoreChartProps } from "./stats";
import { sharePath } from "./styles";
import { leanHeadline, readResult } from "./words";

/** A statement the reader got wrong, with its one-line why and its card. */
export interface MissView {
  itemId: string;
  position: number;
  statement: string;
  answer: Verdict;
  verdict: Verdict;
  /** The explanation's first sentence. */
  why: string;
  card: { slug: string; title: string };
}

export interface QuizResultPageProps {
  total: number;
  answered: number;
  correct: number;
  discernment: number;
  /** Whether both kinds (established facts and unproven claims) have answers: discernment needs both. */
  bothKinds: boolean;
  verifiedAnswered: number;
  unverifiedAnswered: number;
  hitRate: number;
  falseAlarmRate: number;
  dPrime: number;
  bias: number;
  leanThreshold: number;
  lean: LeanExplanation;
  /** "You expected 8 and got 6: …", or null when the estimate was skipped. */
  estimateLine: string | null;
  /** "You named who says so 6 of 10 times.", or null when it was not asked: scored apart from the verdicts. */
  whoLine?: string | null | undefined;
  /** A class student's check-in and check-out in words (null: the class has none, or not both done). */
  checkLines?: string[] | null | undefined;
  /** Certainty-based marks, or null when no confidence was said. */
  certaintyMarks: CertaintyMarks | null;
  calibration: (CalibrationRow & { line: string })[];
  brierScore: number | null;
  /** Where the card on why we ask how sure you are lives (absent: no such card in the pack). */
  sureCardHref?: string | undefined;
  misses: MissView[];
  /** For a student in a class: where their class page is. */
  classLink?: string | undefined;
  /** Where the reader stands among public readers; absent for a class attempt. */
  readers?: { standing: ReaderStandingProps; chart: ScoreChartProps } | undefined;
  /** The share page of this score (the score only: no nickname, no answers). */
  shareHref: string;
  /** A public form's place in its run: how many statements "more" plays (null: the run is done), how many were seen, of how many. */
  more?: { next: number | null; seen: number; total: number } | undefined;
  /** A class student's code to get back in (shown in the page's Menu or at its end). */
  rejoin?: string | undefined;
}

/** A signed figure with a real minus sign: "+0.50", "−0.25", "0.00". */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === "0.00") return fixed;
  return `${value > 0 ? "+" : "\u2212"}${fixed}`;
}

function Miss({ miss }: { miss: MissView }) {
  return (
    <li>
      <p>{miss.statement}</p>
      <p>
        You said {miss.answer}; it is {verdictWord(miss.verdict).toLowerCase()}. {miss.why}
      </p>
      <p>
        <a href={`/quiz/feedback/${miss.itemId}`}>The whole why</a> · Card:{" "}
        <a href={`/cards/${miss.card.slug}`}>{miss.card.title}</a>
      </p>
    </li>
  );
}

/** The certainty-based marks with how they are counted, so the figure explains itself. */
function Marks({ marks }: { marks: CertaintyMarks }) {
  return (
    <p>
      Marked by how sure you said you were: <strong>{marks.total}</strong> of a possible {marks.best}. A right answer
      earns 3 when you were sure, 2 when fairly sure and 1 when guessing; a wrong one costs 6, 2 or nothing. Saying
      “sure” pays only when you are right.
    </p>
  );
}

/**
 * The figures first, in words: the score against always giving the more common answer, expected
 * against got, the certainty-based marks; then how sure against how often right, the misses
 * (open, each with its why and card), and only then what to do next and the details.
 */
export function QuizResultPage(p: QuizResultPageProps) {
  const stoppedEarly = p.answered < p.total;
  const reading = readResult(p);
  const headline = leanHeadline(p.lean.lean, p.lean.headline, p.discernment);
  return (
    <Layout title="Your result" rejoin={p.rejoin}>
      <div class="result-head">
        <h1 class="score">
          <small>Your result</small>
          {p.correct} of {p.answered} right
        </h1>
        {/* The finishing moment: a stamp that lands (and simply appears under reduced motion). */}
        <p class="stamp">
          <CheckIcon />
          Quiz done
        </p>
      </div>
      <p class={reading.tone === "discerning" ? "reading" : "reading low"}>
        {reading.sentence}
        {stoppedEarly ? ` You answered ${p.answered} of the ${p.total} statements, and only those count.` : ""}
      </p>
      {p.estimateLine ? <p class="reading">{p.estimateLine}</p> : null}
      {p.whoLine ? <p class="reading">{p.whoLine}</p> : null}
      {p.checkLines ? (
        <>
          <h2>Before and after</h2>
          <ul class="plain">
            {p.checkLines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.certaintyMarks ? <Marks marks={p.certaintyMarks} /> : null}
      {p.readers ? <ReaderStanding {...p.readers.standing} /> : null}

      {p.calibration.length > 0 ? (
        <>
          <h2>How sure you were</h2>
          <ul class="plain">
            {p.calibration.map((row) => (
              <li>{row.line}</li>
            ))}
          </ul>
          <CalibrationChart rows={p.calibration} />
        </>
      ) : null}
      {p.sureCardHref && (p.calibration.length > 0 || p.estimateLine) ? (
        <p>
          <a href={p.sureCardHref}>Why we ask how sure you are</a>
        </p>
      ) : null}

      <h2>Your misses</h2>
      {p.misses.length > 0 ? (
        <ol class="review">
          {p.misses.map((miss) => (
            <Miss miss={miss} />
          ))}
        </ol>
      ) : (
        <p>None: every answer you gave was right.</p>
      )}

      <div class="row">
        {p.classLink ? (
          <a class="button" href={p.classLink}>
            Back to my class
          </a>
        ) : null}
        {p.more?.next ? <ActionForm action="/quiz/more" label={`${p.more.next} more statements`} /> : null}
        <ActionForm
          action="/quiz/start"
          // "Who says so?" stays on for the next play when this one asked it.
          hidden={p.whoLine ? { who: "1" } : undefined}
          label={
            // Inside a class, the button says that it leaves the class (the public quiz is another quiz).
            p.classLink
              ? "Leave the class and play on my own"
              : p.more && !p.more.next
                ? "Start a new run"
                : "Play again"
          }
          secondary={p.classLink !== undefined || Boolean(p.more?.next)}
        />
      </div>
      {p.more ? (
        <p class="muted">
          {p.more.next
            ? `You have seen ${p.more.seen} of the ${p.more.total} statements of this run; the next ones are new to you.`
            : `You have seen every statement of this run (${p.more.total}). A new run, started here or from the quiz page, draws statements afresh.`}
        </p>
      ) : null}
      {/* A link to the share page (what a recipient sees); share.js makes it the share sheet or a copy button. */}
      <p class="row">
        <a class="button secondary" data-share href={p.shareHref}>
          Share your score
        </a>
        <span data-share-status role="status" />
      </p>
      <script src={sharePath} defer />

      <h2>How you lean</h2>
      <p>
        <strong>{headline}</strong>
      </p>
      {p.lean.counts.length > 0 ? (
        <ul class="plain">
          {p.lean.counts.map((sentence) => (
            <li>{sentence}</li>
          ))}
        </ul>
      ) : null}
      <p>{p.lean.tip}</p>
      {p.lean.tentative ? (
        <p class="muted">
          With only a few answers this is a rough guess: answer more statements for a clearer picture.
        </p>
      ) : null}

      {p.readers ? <ScoreChart {...p.readers.chart} /> : null}

      <details>
        <summary>How we score (for teachers and the curious)</summary>
        {p.bothKinds ? (
          <p>
            Your discernment is <strong>{signed(p.discernment)}</strong>, on a scale from −1 to +1. +1 means you called
            every established fact verified and every unproven claim unverified. 0 means you gave facts and claims the
            same answer just as often.
          </p>
        ) : (
          <p>
            Discernment compares how you judged established facts with how you judged unproven claims, so it needs at
            least one answer of each kind. Answer a few more statements next time to see it.
          </p>
        )}
        <dl class="facts">
          <dt>Hit rate H (facts called verified, corrected)</dt>
          <dd>{p.hitRate.toFixed(2)}</dd>
          <dt>False-alarm rate F (claims called verified, corrected)</dt>
          <dd>{p.falseAlarmRate.toFixed(2)}</dd>
          <dt>Sensitivity d′ = z(H) − z(F)</dt>
          <dd>{signed(p.dPrime)}</dd>
          <dt>Bias c = −½ (z(H) + z(F))</dt>
          <dd>
            {signed(p.bias)}. We call c of +{p.leanThreshold} or more cautious, and −{p.leanThreshold} or less trusting.
          </dd>
          {p.brierScore === null ? null : (
            <>
              <dt>Brier score of the stated certainty (0 best, 0.25 always guessing)</dt>
              <dd>{p.brierScore.toFixed(2)}, taking sure as 90%, fairly sure as 75%, guessing and not said as 50%.</dd>
            </>
          )}
        </dl>
        <p class="muted">
          H and F use the log-linear correction: (count + 0.5) ÷ (answered + 1), so no rate is exactly 0 or 1.
        </p>
      </details>

      <p class="row">
        <a class="button secondary" href="/cards">
          Read the cards
        </a>
      </p>
    </Layout>
  );
}
