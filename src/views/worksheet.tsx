/**
 * @module The printable worksheet: six statements on one page. Publicly (GET /teach/worksheet) that page alone;
 * on a class's teacher pages (GET /c/:code/teacher/worksheet) the answer key follows on the next page.
 */
import { Layout } from "./layout";
import type { Audience, PreviewItem } from "./lesson-plan";
import { CLAIMANT_KIND_WORDS, verdictWord } from "./quiz-parts";

/** Six statements on one printed page; the answer key on the next only when `audience` is a class's teacher. */
export function WorksheetPage({ audience }: { audience: Audience }) {
  const items = "key" in audience ? audience.key : audience.statements;
  const code = "key" in audience ? audience.code : undefined;
  return (
    <Layout
      title="Worksheet: verified or unverified?"
      description={code ? "A printable worksheet with its answer key." : "A printable worksheet."}
    >
      <p class="no-print row">
        <a href={code ? `/c/${code}/teacher/lesson` : "/teach/lesson"}>
          {code ? "Back to the answer key" : "Back to the lesson plan"}
        </a>
        <span class="muted">
          {code
            ? "Print this page: the worksheet fits one page and the answer key starts on the next."
            : "Print this page: the worksheet fits one page. The answer key is on your class's teacher pages."}
        </span>
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
      {"key" in audience ? <WorksheetKey items={audience.key} /> : null}
    </Layout>
  );
}

/** Page 2 of the teacher's printout. */
function WorksheetKey({ items }: { items: readonly PreviewItem[] }) {
  return (
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
  );
}
