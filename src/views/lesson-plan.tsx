/** @module GET /teach/lesson: a 20-minute lesson plan with the content note and a preview of every statement. */
import type { ClaimantKind, Verdict } from "../content/pack";
import { CONTENT_NOTE } from "./form-fields";
import { Layout } from "./layout";
import { CLAIMANT_KIND_WORDS, verdictWord } from "./quiz-parts";

export interface PreviewItem {
  id: string;
  statement: string;
  verdict: Verdict;
  claimant: { name: string; kind: ClaimantKind };
  explanation: string;
  check: string;
  /** The article's sentences the statement rests on. */
  quote: string;
}

export interface LessonPlanPageProps {
  items: PreviewItem[];
  warmUp: { slug: string; title: string } | undefined;
  wrapUp: { slug: string; title: string } | undefined;
}

/** GET /teach/lesson: a 20-minute plan with the content note and a preview of every item. */
export function LessonPlanPage({ items, warmUp, wrapUp }: LessonPlanPageProps) {
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
        No phones? <a href="/teach/worksheet">Print the one-page worksheet and its answer key</a>.
      </p>

      <h2 id="preview">Every statement, with its verdict</h2>
      <p class="muted">For you, not the students: the verdicts are “as reported in May 2023”.</p>
      <ol class="preview">
        {items.map((item) => (
          <li>
            <p>
              <strong>{item.statement}</strong>
            </p>
            <p>
              <span class={item.verdict === "verified" ? "result-ok" : "result-miss"}>{verdictWord(item.verdict)}</span>{" "}
              · claimed by {item.claimant.name} ({CLAIMANT_KIND_WORDS[item.claimant.kind]})
            </p>
            <p>{item.explanation}</p>
            <p class="muted">To settle it: {item.check}</p>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
