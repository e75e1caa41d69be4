/** @module Pieces the quiz pages share: verdict words, source kinds, the quote in its paragraph, forms. */

import type { Child } from "hono/jsx";
import type { ClaimantKind, Verdict } from "../content/pack";
import { CONFIDENCE_LEVELS, type Confidence } from "../domain/calibration";
import { CheckIcon, ProgressBar, QuestionIcon } from "./icons";
import { Layout } from "./layout";

/** "Verified" / "Unverified". */
export function verdictWord(verdict: Verdict): string {
  return verdict === "verified" ? "Verified" : "Unverified";
}

/** A verdict as the teacher's screens show it: its icon and its word (not by colour alone). */
export function VerdictStatus({ verdict }: { verdict: Verdict }) {
  return (
    <span class="status">
      {verdict === "verified" ? <CheckIcon /> : <QuestionIcon />}
      {verdictWord(verdict)}
    </span>
  );
}

/** A confidence as the reader picks it: "Sure", "Fairly sure", "Guessing". */
export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  sure: "Sure",
  fairly: "Fairly sure",
  guessing: "Guessing",
};

/**
 * "How sure are you?" as three radios sent with the verdict (no script): skipping it sends no
 * `confidence`, stored as "not said".
 */
export function SureChoices() {
  return (
    <fieldset class="sure">
      <legend>How sure are you? Pick one first, or skip it.</legend>
      <div class="row">
        {CONFIDENCE_LEVELS.map((level) => (
          <label>
            <input type="radio" name="confidence" value={level} />
            {CONFIDENCE_WORDS[level]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * "Who says so?" as three radios sent with the verdict, in the confidence radios' style (no script):
 * skipping it sends no `who`, stored as "not said".
 */
export function WhoChoices({ choices }: { choices: readonly { key: string; label: string }[] }) {
  return (
    <fieldset class="sure">
      <legend>Who says so? Pick one, or skip it.</legend>
      {/* Stacked, one name a line: names are longer than the confidence words. */}
      {choices.map((choice) => (
        <label>
          <input type="radio" name="who" value={choice.key} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What kind of source a claimant is, in words a reader knows. */
export const CLAIMANT_KIND_WORDS: Record<ClaimantKind, string> = {
  party: "a party to the conflict",
  "independent-expert": "an independent expert",
  reporters: "journalists, not a party to the conflict",
  unattributed: "unnamed or unclear; the report does not say who",
};

/** The article paragraph around a quote, split so the quote can be highlighted. */
export interface QuoteInParagraphView {
  before: string;
  quote: string;
  after: string;
}

/**
 * In place of the report, in a class the teacher set to statements only (the question page, and
 * once at the top of a check page, which gives no feedback).
 */
export function StatementsOnlyNote({ feedback = true }: { feedback?: boolean }) {
  return (
    <p class="muted">
      Statements only: your teacher chose to show each statement without the report's sentences. Judge it by how the
      report you read presented it.{feedback ? " The sentences come with the answer." : ""}
    </p>
  );
}

/**
 * "What the report says": the item's context (whole sentences, paragraphs split at "\n"), without
 * highlight — the reader judges how the report presents the statement, and a highlight would be a hint.
 */
export function Passage({ context, id = "passage" }: { context: string; id?: string }) {
  return (
    <section class="passage" aria-labelledby={id}>
      <h2 id={id}>What the report says</h2>
      <blockquote>
        {context.split("\n").map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </blockquote>
    </section>
  );
}

/** "Statement 3 of 25" on a question, "3 of 25 answered" on feedback, over a thin bar of what is answered. */
export function Progress({ position, total, answered }: { position?: number; total: number; answered: number }) {
  return (
    <div class="progress">
      <p>{position ? `Statement ${position} of ${total}` : `${answered} of ${total} answered`}</p>
      <ProgressBar done={answered} total={total} />
    </div>
  );
}

/**
 * A one-button form posting to a quiz action (the csrf check needs a real form POST). `inPlace`:
 * with JavaScript, poll.js sends it with fetch and puts the reply in place (no new page, no new socket).
 */
export function ActionForm({
  action,
  label,
  secondary,
  hidden,
  inPlace,
}: {
  action: string;
  label: string;
  secondary?: boolean;
  hidden?: Record<string, string>;
  inPlace?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline" data-inline={inPlace ? "" : undefined}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? "secondary" : undefined}>
        {label}
      </button>
    </form>
  );
}

/**
 * A quiz page that explains why it cannot go on (no secret, storage down, too
 * many tries): a clear message, and a way to retry that keeps the reader's answers.
 */
export function QuizProblemPage({
  title,
  message,
  retry,
  children,
}: {
  title: string;
  message: string;
  /** A form action to try again, e.g. "/quiz/finish". */
  retry?: { action: string; label: string };
  children?: Child;
}) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p role="status">{message}</p>
      {children}
      <div class="row">
        {retry ? <ActionForm action={retry.action} label={retry.label} /> : null}
        <a class="button secondary" href="/cards">
          Read the cards
        </a>
      </div>
    </Layout>
  );
}
