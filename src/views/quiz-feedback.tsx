/** @module Feedback on one answer, each thing once: the verdict and why, who says it, the sentences highlighted, how to check. */
import type { ClaimantKind, Verdict } from "../content/pack";
import type { Pace } from "../domain/pace";
import type { ClassPhase } from "../domain/room";
import { CheckIcon, RetryIcon } from "./icons";
import { Layout } from "./layout";
import { ActionForm, CLAIMANT_KIND_WORDS, Progress, type QuoteInParagraphView, verdictWord } from "./quiz-parts";
import { followOf } from "./quiz-wait";
import { ReadersGotThisRight, type ReadersGotThisRightProps } from "./stats";
import { pollPath } from "./styles";

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
  /** "Who says so?" when the attempt asks it: the pick (null: not said) and who it was. */
  who?: { picked: { label: string } | null; right: { label: string }; correct: boolean | null } | undefined;
  /** What other readers answered; absent for a class attempt (not compared with public readers). */
  readers?: ReadersGotThisRightProps | undefined;
  /**
   * Teacher-paced, more statements to come: the class this page follows (poll.js), so the phone
   * moves to the next statement by itself when the teacher opens it.
   */
  follow?: { code: string; status: { phase: ClassPhase; pace: Pace } } | undefined;
  /** A class student's code to get back in (shown in the page's Menu or at its end). */
  rejoin?: string | undefined;
}

/**
 * Each thing once, in the order a reader needs it: the verdict band (icon, "Right" or "Not quite",
 * the reader's answer, why), then who says it, the sentences it rests on highlighted, and how to
 * check. The passage and the meaning of "verified" were on the question page, so neither is
 * repeated here. The Next bar sticks to the bottom of the screen while the details are read.
 */
export function QuizFeedbackPage(p: QuizFeedbackPageProps) {
  const verdict = verdictWord(p.verdict).toLowerCase();
  return (
    <Layout
      title={`${p.correct ? "Right" : "Not quite"}: statement ${p.position} of ${p.total}`}
      compact
      rejoin={p.rejoin}
    >
      {p.follow ? (
        <div data-poll="20" data-live-code={p.follow.code} data-follow={followOf(p.follow.status)} hidden />
      ) : null}
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
          <p class="said">{p.statement}</p>
          <p>
            You said <strong>{p.answer}</strong>. {p.explanation}
          </p>
          {p.who ? <WhoSaysSo who={p.who} /> : null}
          {/* One short line, shown only from 20 answers on; the sticky Next bar keeps its place. */}
          {p.readers ? <ReadersGotThisRight {...p.readers} /> : null}
        </section>

        {/* Each label runs into its text (one line saved per fact); the quote keeps its own block. */}
        <dl>
          <div>
            <dt>Who says it:</dt>{" "}
            <dd>
              {p.claimant.name} — {CLAIMANT_KIND_WORDS[p.claimant.kind]}.
            </dd>
          </div>
          <div>
            <dt>The sentences it rests on:</dt>
            <dd>
              <blockquote>
                <p>
                  <mark>{p.paragraph.quote}</mark>
                </p>
              </blockquote>
            </dd>
          </div>
          <div>
            <dt>How you could check:</dt> <dd>{p.check}</dd>
          </div>
        </dl>
        <p class="small muted">
          Card: <a href={`/cards/${p.card.slug}`}>{p.card.title}</a> ·{" "}
          <a href={`/corrections?item=${encodeURIComponent(p.itemId)}`}>Report a problem</a>
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
      {p.follow ? <script src={pollPath} defer /> : null}
    </Layout>
  );
}

/** The second part, scored apart: "Who says so: you said X; it was Y." */
function WhoSaysSo({ who }: { who: NonNullable<QuizFeedbackPageProps["who"]> }) {
  if (who.correct) {
    return (
      <p>
        Who says so: you said <strong>{who.right.label}</strong>. Right.
      </p>
    );
  }
  return (
    <p>
      Who says so:{" "}
      {who.picked ? (
        <>
          you said <strong>{who.picked.label}</strong>
        </>
      ) : (
        "you did not say"
      )}
      ; it was <strong>{who.right.label}</strong>.
    </p>
  );
}
