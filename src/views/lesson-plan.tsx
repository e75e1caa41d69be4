/**
 * @module The 20-minute lesson plan with the content note and every statement without its verdict: a static
 * page (GET /teach/lesson, rendered by `npm run prerender`, see src/static-pages.tsx), so its prose costs the
 * Worker nothing. A class's teacher gets the answer key on its own page (views/answer-key.tsx).
 */
import type { ClaimantKind, Verdict } from "../content/pack";
import { CONTENT_NOTE } from "./form-fields";
import { Layout } from "./layout";

/** A statement as the public pages show it: no verdict, so students cannot look answers up mid-quiz. */
export interface PreviewStatement {
  id: string;
  statement: string;
  /** The article's sentences the statement rests on. */
  quote: string;
}

/** A statement with its answer, for a signed-in teacher. */
export interface PreviewItem extends PreviewStatement {
  verdict: Verdict;
  claimant: { name: string; kind: ClaimantKind };
  explanation: string;
  check: string;
}

/** Who the page is for: anyone (the statements alone), or a class's signed-in teacher (the answer key). */
export type Audience = { statements: readonly PreviewStatement[] } | { code: string; key: readonly PreviewItem[] };

export interface LessonPlanPageProps {
  statements: readonly PreviewStatement[];
  warmUp: { slug: string; title: string } | undefined;
  wrapUp: { slug: string; title: string } | undefined;
}

/** The 20-minute plan with the content note, and the statements without their verdicts. */
export function LessonPlanPage({ statements, warmUp, wrapUp }: LessonPlanPageProps) {
  return (
    <Layout
      title="A 20-minute lesson plan"
      description="A 20-minute media-literacy lesson on verified facts and unverified claims."
    >
      <h1>A 20-minute lesson plan</h1>
      <aside class="note" aria-labelledby="lesson-content-note">
        <h2 id="lesson-content-note">Content note</h2>
        <p>
          {CONTENT_NOTE} Tell the class before you start, and let anyone who needs to step out do so without saying why.
        </p>
      </aside>
      <p class="lede">
        Goal: students tell what the coverage establishes from what someone only claims, without deciding that
        everything is a lie. Doubting everything is as wrong as believing everything.
      </p>
      <ol class="plan">
        <li>
          <h2>Warm-up (3 minutes)</h2>
          <p>
            Show the card{" "}
            {warmUp ? <a href={`/cards/${warmUp.slug}`}>{warmUp.title}</a> : <a href="/cards">on attribution</a>}. Ask:
            “If a newspaper writes that a minister said something, what do we know for sure?” (That the newspaper
            reports he said it. That is what this quiz calls verified: it is not independent confirmation, and it does
            not make what he said true.)
          </p>
        </li>
        <li>
          <h2>Quiz (10 minutes)</h2>
          <p>
            <a href="/teach">Create a class</a> before the lesson and show the code or QR code. Students judge each
            statement verified or unverified and see why after each answer. No timer, no points for speed. Stopping
            early is fine: students are counted on what they answered. Keep your dashboard open to see who has finished.
          </p>
        </li>
        <li>
          <h2>Discussion (5 minutes)</h2>
          <p>
            Your dashboard lists the three claims that fooled the class most, each with its explanation and a question
            to discuss. Ask who makes each claim, what they gain if we believe it, and what would settle it. Look at the
            class's lean: a class that calls established facts unverified is being over-cautious, not careful.
          </p>
        </li>
        <li>
          <h2>Wrap-up (2 minutes)</h2>
          <p>
            Close with {wrapUp ? <a href={`/cards/${wrapUp.slug}`}>{wrapUp.title}</a> : <a href="/cards">the cards</a>}:
            an unverified claim may still turn out true. Exit question: “Name one claim from today, and one move that
            would check it.”
          </p>
        </li>
      </ol>
      <p>
        No phones? <a href="/teach/worksheet">Print the one-page worksheet</a>.
      </p>
      <StatementList items={statements} />
    </Layout>
  );
}

/** Public: what the quiz asks, and where the answers are. */
function StatementList({ items }: { items: readonly PreviewStatement[] }) {
  return (
    <>
      <h2 id="preview">Every statement in the quiz</h2>
      <p class="muted">
        The answer key is on your class's teacher pages once you <a href="/teach">create a class</a>. It is not public,
        so students cannot look the answers up during the quiz.
      </p>
      <ol class="preview">
        {items.map((item) => (
          <li>
            <p>{item.statement}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
