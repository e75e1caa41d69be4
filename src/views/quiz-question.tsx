/** @module One quiz statement with two large buttons: Verified / Unverified. Works without JavaScript. */
import { CheckIcon, QuestionIcon } from "./icons";
import { Layout } from "./layout";
import { ActionForm, Progress } from "./quiz-parts";
import { VerifiedDefinition } from "./verified-definition";

export interface QuizQuestionPageProps {
  itemId: string;
  statement: string;
  /** What the report says: whole sentences of the article, paragraphs split by newlines, shown unhighlighted. */
  context: string;
  position: number;
  total: number;
  answered: number;
  /** Where the card on how the quiz decides lives. */
  ruleHref: string;
}

export function QuizQuestionPage({
  itemId,
  statement,
  context,
  position,
  total,
  answered,
  ruleHref,
}: QuizQuestionPageProps) {
  return (
    <Layout title={`Statement ${position} of ${total}`}>
      <Progress position={position} total={total} answered={answered} />
      <h1 id="question" class="ask">
        Verified or unverified?
      </h1>
      <p class="statement" id="statement">
        {statement}
      </p>
      {context ? (
        // The reader judges how the report presents the statement, so the report comes first; no highlight
        // here, or the highlight itself would be a hint (the feedback highlights the exact sentences).
        <section class="passage" aria-labelledby="passage">
          <h2 id="passage">What the report says</h2>
          <blockquote>
            {context.split("\n").map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </blockquote>
        </section>
      ) : null}
      <form method="post" action="/quiz/answer">
        <input type="hidden" name="item" value={itemId} />
        <div class="choices">
          {/* Told apart by colour, icon and label, never colour alone. */}
          <button type="submit" name="answer" value="verified" class="ver">
            <CheckIcon />
            Verified
          </button>
          <button type="submit" name="answer" value="unverified" class="unv">
            <QuestionIcon />
            Unverified
          </button>
        </div>
      </form>
      <VerifiedDefinition />
      <details>
        <summary>How do I decide?</summary>
        <p>
          <strong>Verified</strong>: the coverage establishes it, such as a public act, a matter of record, or the fact
          that someone said something on the record.
        </p>
        <p>
          <strong>Unverified</strong>: a claim by one side, an estimate, the outlet's own judgement, or anything the
          report hedges. <a href={ruleHref}>How this quiz decides</a>.
        </p>
      </details>
      {answered > 0 ? (
        <div class="row">
          <ActionForm action="/quiz/finish" label="Finish now and see my result" secondary />
        </div>
      ) : null}
    </Layout>
  );
}
