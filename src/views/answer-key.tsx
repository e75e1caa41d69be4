/**
 * @module The answer key on a class's teacher pages (GET /c/:code/teacher/lesson): every statement with its
 * verdict, who claims it, why, and what would settle it. The lesson plan itself is a static page (/teach/lesson).
 */
import { Layout } from "./layout";
import type { PreviewItem } from "./lesson-plan";
import { CLAIMANT_KIND_WORDS, verdictWord } from "./quiz-parts";

/** The teacher's answer key page, with the way back to the dashboard, the plan and the worksheet. */
export function AnswerKeyPage({ code, items }: { code: string; items: readonly PreviewItem[] }) {
  return (
    <Layout title={`Class ${code}: for the teacher`} description="The answer key for your class.">
      <h1>Class {code}: for the teacher</h1>
      <p class="no-print row">
        <a href={`/c/${code}/teacher`}>Back to your dashboard</a>
        <a href="/teach/lesson">The 20-minute lesson plan</a>
        <a href={`/c/${code}/teacher/worksheet`}>Print the one-page worksheet and its answer key</a>
      </p>
      <AnswerKey items={items} />
    </Layout>
  );
}

/** A signed-in teacher: every statement with its verdict, who claims it, why, and what would settle it. */
export function AnswerKey({ items }: { items: readonly PreviewItem[] }) {
  return (
    <>
      <h2 id="preview">Answer key: every statement, with its verdict</h2>
      <p class="muted">For you, not the students: the verdicts are “as reported in May 2023”.</p>
      <ol class="preview">
        {items.map((item) => (
          <li>
            <p>
              <strong>{item.statement}</strong>
            </p>
            <p>
              <span class={item.verdict === "verified" ? "result-ok" : "result-miss"}>{verdictWord(item.verdict)}</span>{" "}
              · {item.verdict === "verified" ? "said by" : "claimed by"} {item.claimant.name} (
              {CLAIMANT_KIND_WORDS[item.claimant.kind]})
            </p>
            <p>{item.explanation}</p>
            <p class="muted">To settle it: {item.check}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
