/** @module Feedback on one answer: the verdict band and Next first, then who claims it, the quote, how to check. */
import type { ClaimantKind, Verdict } from "../content/pack";
import { CheckIcon, RetryIcon } from "./icons";
import { Layout } from "./layout";
import {
  ActionForm,
  CLAIMANT_KIND_WORDS,
  Progress,
  QuoteInParagraph,
  type QuoteInParagraphView,
  verdictWord,
} from "./quiz-parts";
import { ReadersGotThisRight, type ReadersGotThisRightProps } from "./stats";
import { VerifiedDefinition } from "./verified-definition";
import { firstSentence } from "./words";

export interface QuizFeedbackPageProps {
  itemId: string;
  statement: string;
  answer: Verdict;
  verdict: Verdict;
  correct: boolean;
  claimant: { name: string; kind: ClaimantKind };
  paragraph: QuoteInParagraphView;
  explanation: string;
  check: string;
  card: { slug: string; title: string };
  position: number;
  total: number;
  answered: number;
  /** The reader tried to answer again (Back button): their first answer stands. */
  repeated: boolean;
  /** Where "Next" goes, or null when every statement is answered. */
  nextHref: string | null;
  finished: boolean;
  /** What other readers answered; absent for a class attempt (not compared with public readers). */
  readers?: ReadersGotThisRightProps | undefined;
}

/**
 * The first screen of a phone holds the verdict band (icon, "Right" or "Not quite", the
 * reader's answer, one sentence of why) and Next; the details follow below a divider, and
 * the Next bar sticks to the bottom of the screen while they are read.
 */
export function QuizFeedbackPage(p: QuizFeedbackPageProps) {
  const verdict = verdictWord(p.verdict).toLowerCase();
  return (
    <Layout title={`${p.correct ? "Right" : "Not quite"}: statement ${p.position} of ${p.total}`}>
      <Progress total={p.total} answered={p.answered} />
      {p.repeated ? (
        <p class="note" role="status">
          You had already answered this statement. Your first answer stands.
        </p>
      ) : null}
      <div class="feedback">
        <section class={p.correct ? "band ok" : "band miss"} aria-labelledby="verdict">
          <h1 id="verdict">
            {p.correct ? <CheckIcon /> : <RetryIcon />}
            <span>
              {p.correct ? "Right" : "Not quite"}: it is {verdict}.
            </span>
          </h1>
          <p>
            You said <strong>{p.answer}</strong>. The answer is <strong>{verdict}</strong>.
          </p>
          <p>{firstSentence(p.explanation)}</p>
          {/* One short line, shown only from 20 answers on; the sticky Next bar keeps its place. */}
          {p.readers ? <ReadersGotThisRight {...p.readers} /> : null}
        </section>

        <hr class="divider" />
        <h2>The statement</h2>
        <p class="statement">{p.statement}</p>
        <dl class="facts">
          <dt>Who makes the claim</dt>
          <dd>
            {p.claimant.name}: {CLAIMANT_KIND_WORDS[p.claimant.kind]}.
          </dd>
          <dt>Why it is {verdict}</dt>
          <dd>{p.explanation}</dd>
          <dt>How you could check</dt>
          <dd>{p.check}</dd>
        </dl>
        <VerifiedDefinition />
        <h2>What the article says</h2>
        <p class="muted">The sentences this statement rests on are highlighted in their paragraph.</p>
        <QuoteInParagraph paragraph={p.paragraph} />
        <p>
          Learn more: <a href={`/cards/${p.card.slug}`}>{p.card.title}</a>
        </p>
        <p class="muted">
          <a href={`/corrections?item=${encodeURIComponent(p.itemId)}`}>Report a problem with this statement</a>
        </p>

        {/* Last in the page, so the sticky bar stays in reach from the first screen to the end. */}
        <div class="next-bar">
          {p.finished ? (
            <a class="button" href="/quiz/result">
              Back to your result
            </a>
          ) : p.nextHref ? (
            <>
              <a class="button" href={p.nextHref}>
                Next statement
              </a>
              <ActionForm action="/quiz/finish" label="Finish now" secondary />
            </>
          ) : (
            <ActionForm action="/quiz/finish" label="See my result" />
          )}
        </div>
      </div>
    </Layout>
  );
}
