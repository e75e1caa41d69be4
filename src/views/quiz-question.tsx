/** @module One quiz statement with two large buttons: Verified / Unverified, and how sure the reader is. Works without JavaScript. */
import { CheckIcon, QuestionIcon } from "./icons";
import { Layout } from "./layout";
import { ActionForm, Passage, Progress, StatementsOnlyNote, SureChoices, WhoChoices } from "./quiz-parts";
import { followOf } from "./quiz-wait";
import { pollPath } from "./styles";
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
  /** The teacher set the class to statements only: no report, and a line saying so. */
  statementsOnly?: boolean;
  /** Ask how sure the reader is (the quiz pages always do, in classes too). */
  askSure?: boolean;
  /** "Who says so?" choices, when the reader asked for it at the start. */
  who?: readonly { key: string; label: string }[] | undefined;
  /**
   * Teacher-paced: the class this page follows (poll.js), by its code. The page moves on when the
   * teacher closes the statement, and with JavaScript the answer is sent in place, so the phone
   * keeps one socket all lesson.
   */
  followCode?: string | undefined;
  /** A class student's code to get back in (shown in the page's Menu or at its end). */
  rejoin?: string | undefined;
}

export function QuizQuestionPage({
  itemId,
  statement,
  context,
  position,
  total,
  answered,
  ruleHref,
  statementsOnly,
  askSure,
  who,
  followCode,
  rejoin,
}: QuizQuestionPageProps) {
  // Where the class is while this page is right: its statement open. If the class is elsewhere, the
  // socket's first message differs, and the phone goes to where it is.
  const open = { phase: "running", pace: { step: position, shut: false, shown: false } } as const;
  return (
    <Layout title={`Statement ${position} of ${total}`} compact rejoin={rejoin}>
      {followCode ? <div data-poll="20" data-live-code={followCode} data-follow={followOf(open)} hidden /> : null}
      <Progress position={position} total={total} answered={answered} />
      {/*
        The statement and the report sit inside the answer's form, so the answer bar, sticky at the
        bottom of the screen while the form is in view, is on the first screen however long the
        passage is (CSS only; no script). Reading and tab order stay the page's order: the statement,
        the report, the optional choices, then the two answers.
      */}
      <form method="post" action="/quiz/answer" data-inline={followCode ? "" : undefined}>
        <h1 id="question" class="ask">
          Verified or unverified?
        </h1>
        <p class="statement" id="statement">
          {statement}
        </p>
        {context ? (
          // The reader judges how the report presents the statement, so the report comes first; no highlight
          // here, or the highlight itself would be a hint (the feedback highlights the exact sentences).
          <Passage context={context} />
        ) : statementsOnly ? (
          <StatementsOnlyNote />
        ) : null}
        <input type="hidden" name="item" value={itemId} />
        {/* In the same form as the verdict: one tap here (or none), then the answer sends both. */}
        {who ? <WhoChoices choices={who} /> : null}
        {askSure ? <SureChoices /> : null}
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
      {followCode ? <script src={pollPath} defer /> : null}
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
