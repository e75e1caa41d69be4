/** @module GET /teach/worksheet: six statements on one printed page, then the answer key on the next. */
import { Layout } from "./layout";
import type { PreviewItem } from "./lesson-plan";
import { CLAIMANT_KIND_WORDS, verdictWord } from "./quiz-parts";

/** GET /teach/worksheet: six statements on one printed page, then the answer key on the next. */
export function WorksheetPage({ items }: { items: PreviewItem[] }) {
  return (
    <Layout title="Worksheet: verified or unverified?" description="A printable worksheet with its answer key.">
      <p class="no-print row">
        <a href="/teach/lesson">Back to the lesson plan</a>
        <span class="muted">Print this page: the worksheet fits one page and the answer key starts on the next.</span>
      </p>
      <section class="worksheet" aria-labelledby="worksheet-heading">
        <h1 id="worksheet-heading">Verified fact or unverified claim?</h1>
        <p>Name: ______________________________</p>
        <p>
          These statements come from news coverage of an armed incursion into Russia's Belgorod region in May 2023. For
          each one, tick <strong>Verified</strong> if the coverage establishes it (something done on the record, or the
          fact that someone said something), or <strong>Unverified</strong> if it is only someone's claim, estimate or
          opinion. Then write who says so. Under each statement are the article's own sentences it rests on: the answer
          is in them.
        </p>
        <ol class="worksheet-items">
          {items.map((item) => (
            <li>
              <p>
                <strong>{item.statement}</strong>
              </p>
              <blockquote>
                <p>The article: “{item.quote}”</p>
              </blockquote>
              <p class="tick">
                ☐ Verified ☐ Unverified <span class="who">Who says so? ________________________</span>
              </p>
            </li>
          ))}
        </ol>
      </section>
      <section class="answer-key" aria-labelledby="key-heading">
        <h2 id="key-heading">Answer key</h2>
        <ol>
          {items.map((item) => (
            <li>
              <p>
                <strong>{verdictWord(item.verdict)}.</strong> {item.statement}
              </p>
              <p>
                Who says so: {item.claimant.name} ({CLAIMANT_KIND_WORDS[item.claimant.kind]}). {item.explanation}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
