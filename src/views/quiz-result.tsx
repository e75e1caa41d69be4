/** @module The result: the score as the heading, a plain reading, the lean with its counts; statistics and the review folded away. */
import type { Verdict } from "../content/pack";
import type { LeanExplanation } from "../domain/scoring";
import { CheckIcon } from "./icons";
import { Layout } from "./layout";
import { ActionForm, verdictWord } from "./quiz-parts";
import { ReaderStanding, type ReaderStandingProps, ScoreChart, type ScoreChartProps } from "./stats";
import { readScore } from "./words";

export interface ReviewLineView {
  itemId: string;
  position: number;
  statement: string;
  answer: Verdict | null;
  verdict: Verdict;
  correct: boolean | null;
  card: { slug: string; title: string };
}

export interface QuizResultPageProps {
  total: number;
  answered: number;
  correct: number;
  discernment: number;
  /** Whether both kinds (established facts and unproven claims) have answers: discernment needs both. */
  bothKinds: boolean;
  hitRate: number;
  falseAlarmRate: number;
  dPrime: number;
  bias: number;
  leanThreshold: number;
  lean: LeanExplanation;
  review: ReviewLineView[];
  /** For a student in a class: where their class page is. */
  classLink?: string | undefined;
  /** Where the reader stands among public readers; absent for a class attempt. */
  readers?: { standing: ReaderStandingProps; chart: ScoreChartProps } | undefined;
  /** The share page of this score (the score only: no nickname, no answers). */
  shareHref: string;
  /** A public form's sequel: how many statements "more" plays (null: the pack is done), and how many were seen. */
  more?: { next: number | null; seen: number; total: number } | undefined;
}

/** A signed figure with a real minus sign: "+0.50", "−0.25", "0.00". */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === "0.00") return fixed;
  return `${value > 0 ? "+" : "\u2212"}${fixed}`;
}

function ReviewLine({ line }: { line: ReviewLineView }) {
  const verdict = verdictWord(line.verdict).toLowerCase();
  return (
    <li>
      <p>{line.statement}</p>
      <p>
        {line.answer === null ? (
          `Not answered. It is ${verdict}. `
        ) : (
          <>
            <span class={line.correct ? "result-ok" : "result-miss"}>{line.correct ? "Right" : "Not quite"}</span>: you
            said {line.answer}; it is {verdict}. <a href={`/quiz/feedback/${line.itemId}`}>Why</a> ·{" "}
          </>
        )}
        Card: <a href={`/cards/${line.card.slug}`}>{line.card.title}</a>
      </p>
    </li>
  );
}

/**
 * The score is the heading; under it one plain reading against the coin-flip line, then the
 * lean in words with its counts. The statistics wait behind "How we score", the review is
 * collapsed, and Play again / Back to my class come first.
 */
export function QuizResultPage(p: QuizResultPageProps) {
  const stoppedEarly = p.answered < p.total;
  const reading = readScore(p.correct, p.answered);
  // "A good balance" would be praise; at or below chance it only means no lean either way.
  const headline =
    p.lean.lean === "balanced" && reading.tone === "chance" ? "No clear lean either way." : p.lean.headline;
  return (
    <Layout title="Your result">
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
      <div class="row">
        {p.classLink ? (
          <a class="button" href={p.classLink}>
            Back to my class
          </a>
        ) : null}
        {p.more?.next ? (
          <ActionForm action="/quiz/more" label={`${p.more.next} more statements`} />
        ) : (
          <ActionForm
            action="/quiz/start"
            label={p.more ? "Start again from the beginning" : "Play again"}
            secondary={p.classLink !== undefined}
          />
        )}
      </div>
      {p.more ? (
        <p class="muted">
          {p.more.next
            ? `You have seen ${p.more.seen} of the ${p.more.total} statements; the next ones are new to you.`
            : `You have seen all ${p.more.total} statements.`}
        </p>
      ) : null}
      <p class={reading.tone === "chance" ? "reading low" : "reading"}>
        {reading.sentence}
        {stoppedEarly ? ` You answered ${p.answered} of the ${p.total} statements, and only those count.` : ""}
      </p>
      {p.readers ? <ReaderStanding {...p.readers.standing} /> : null}
      <p class="row">
        <a class="button secondary" href={p.shareHref}>
          Share your score
        </a>
      </p>

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
        <summary>Every statement, and your answers ({p.review.length})</summary>
        <ol class="review">
          {p.review.map((line) => (
            <ReviewLine line={line} />
          ))}
        </ol>
      </details>

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
