/**
 * @module The corrections page: how we fix mistakes and the editorial rule (prerendered prose, see
 * corrections-intro.tsx), and the form to report one.
 */
import { raw } from "hono/html";
import { Layout } from "./layout";

/** The fields of the report form, as the reader typed or chose them. */
export interface ReportFormValues {
  item?: string | undefined;
  card?: string | undefined;
  message?: string | undefined;
}

export type ReportField = keyof ReportFormValues;

export interface FieldError {
  field: ReportField;
  message: string;
}

export interface CorrectionsPageProps {
  /** How we fix mistakes and the editorial rule, as HTML (src/content/prose.ts); empty if it could not be read. */
  intro: string;
  cards: { slug: string; title: string }[];
  items: { id: string; statement: string }[];
  values?: ReportFormValues;
  errors?: FieldError[];
  /** A problem on our side (storage down, too many reports): shown above the form, the reader's text kept. */
  notice?: string | undefined;
}

export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 2000;

const LABELS: Record<ReportField, string> = {
  card: "Card (optional)",
  item: "Quiz statement (optional)",
  message: "What is wrong?",
};

function errorFor(errors: FieldError[], field: ReportField) {
  return errors.find((e) => e.field === field);
}

/** aria attributes tying a field to its hint and its error, if any. */
function describedBy(field: ReportField, error: FieldError | undefined, hint?: string) {
  const ids = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? "true" : undefined };
}

function ErrorText({ field, error }: { field: ReportField; error: FieldError | undefined }) {
  return error ? (
    <p class="field-error" id={`${field}-error`}>
      {error.message}
    </p>
  ) : null;
}

export function CorrectionsPage({ intro, cards, items, values = {}, errors = [], notice }: CorrectionsPageProps) {
  const cardError = errorFor(errors, "card");
  const itemError = errorFor(errors, "item");
  const messageError = errorFor(errors, "message");
  return (
    <Layout
      title={errors.length > 0 ? "Error: Corrections" : "Corrections"}
      description="How we correct mistakes, and how to report a problem with a card or a quiz statement."
    >
      <h1>Corrections</h1>
      {raw(intro)}
      <h2 id="report">Report a problem</h2>
      {notice ? (
        <div class="note" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      {errors.length > 0 ? (
        <div class="note" role="alert" aria-labelledby="error-summary">
          <h3 id="error-summary">Please check the form</h3>
          <ul>
            {errors.map((e) => (
              <li>
                <a href={`#${e.field}`}>
                  {LABELS[e.field]} {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/corrections#report" novalidate>
        <label for="card">{LABELS.card}</label>
        <ErrorText field="card" error={cardError} />
        <select id="card" name="card" {...describedBy("card", cardError)}>
          <option value="">Not about a card</option>
          {cards.map((card) => (
            <option value={card.slug} selected={card.slug === values.card}>
              {card.title}
            </option>
          ))}
        </select>

        <label for="item">{LABELS.item}</label>
        <ErrorText field="item" error={itemError} />
        <select id="item" name="item" {...describedBy("item", itemError)}>
          <option value="">Not about a quiz statement</option>
          {items.map((item) => (
            <option value={item.id} selected={item.id === values.item}>
              {item.statement}
            </option>
          ))}
        </select>

        <label for="message">{LABELS.message}</label>
        <p class="muted" id="message-hint">
          {MESSAGE_MIN} to {MESSAGE_MAX.toLocaleString("en")} characters. Say what is wrong and, if you can, where the
          right information is. Please leave out your name and contact details: we cannot reply, and we delete reports
          after 90 days.
        </p>
        <ErrorText field="message" error={messageError} />
        <textarea
          id="message"
          name="message"
          rows={6}
          required
          minlength={MESSAGE_MIN}
          maxlength={MESSAGE_MAX}
          {...describedBy("message", messageError, "message-hint")}
        >
          {values.message ?? ""}
        </textarea>

        <p class="row">
          <button type="submit">Send report</button>
        </p>
      </form>
    </Layout>
  );
}

export function ReportThanksPage({ card }: { card?: { slug: string; title: string } | undefined }) {
  return (
    <Layout title="Thank you">
      <h1>Thank you</h1>
      <p class="lede">We have your report.</p>
      <p>
        An editor will check it against the article. If we got something wrong, we fix it and raise the content version,
        as described on the <a href="/corrections">corrections page</a>.
      </p>
      <p class="row">
        {card ? (
          <a class="button" href={`/cards/${card.slug}`}>
            Back to the card: {card.title}
          </a>
        ) : null}
        <a class={card ? "button secondary" : "button"} href="/cards">
          All cards
        </a>
        <a class="button secondary" href="/quiz">
          Take the quiz
        </a>
      </p>
    </Layout>
  );
}
