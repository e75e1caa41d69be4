/** @module Teacher pages: create a class, the class is ready (code, QR, key), the lesson plan and the worksheet. */
import type { ClaimantKind, Verdict } from "../content/pack";
import { ITEM_COUNT_CHOICES } from "../domain/class";
import { QrCode } from "./class-qr";
import { Layout } from "./layout";
import { CLAIMANT_KIND_WORDS, verdictWord } from "./quiz-parts";

export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

/** aria attributes tying an input to its error message, if it has one. */
export function fieldAria(field: string, errors: readonly FieldError[], hint?: string) {
  const error = errors.some((e) => e.field === field);
  const ids = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? ("true" as const) : undefined };
}

export function FieldErrorText({ field, errors }: { field: string; errors: readonly FieldError[] }) {
  const error = errors.find((e) => e.field === field);
  return error ? (
    <p class="field-error" id={`${field}-error`}>
      {error.message}
    </p>
  ) : null;
}

/** The list of problems at the top of a form that was sent back. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="note" role="alert">
      <p>
        <strong>Please check {errors.length === 1 ? "this" : "these"}:</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const CONTENT_NOTE =
  "The article describes war: an armed incursion, shelling, damaged homes, and claims about people killed and wounded. There are no images of violence.";

export interface TeachPageProps {
  packSize: number;
  values?: { name?: string; items?: string; shuffle?: boolean; names?: string; board?: boolean };
  errors?: FieldError[];
  notice?: string | undefined;
}

/** GET /teach: set up a class. */
export function TeachPage({ packSize, values = {}, errors = [], notice }: TeachPageProps) {
  const items = values.items ?? "8";
  const names = values.names ?? "typed";
  return (
    <Layout
      title="Set up a class"
      description="Create a class for a 20-minute lesson: a join code, a QR code, live results."
    >
      <h1>Set up a class</h1>
      {notice ? (
        <p class="note" role="status">
          {notice}
        </p>
      ) : null}
      <p class="lede">
        Students join on their phones with a short code and a nickname: no accounts, no e-mail. You see who has finished
        and which claims fooled the class most. Classes and their results are deleted after 30 days, or sooner if you
        delete them.
      </p>
      <p>
        <a href="/teach/lesson">Read the 20-minute lesson plan</a> · <a href="/teach/worksheet">Print a worksheet</a>{" "}
        for a class without phones.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/teach" novalidate>
        <label for="name">Class name (optional)</label>
        <p class="muted" id="name-hint">
          Shown to your students, e.g. “Year 9 media”. Please don't use students' names.
        </p>
        <FieldErrorText field="name" errors={errors} />
        <input
          type="text"
          id="name"
          name="name"
          maxlength={60}
          autocomplete="off"
          value={values.name ?? ""}
          {...fieldAria("name", errors, "name-hint")}
        />

        <fieldset id="items">
          <legend>How many statements?</legend>
          <FieldErrorText field="items" errors={errors} />
          {ITEM_COUNT_CHOICES.filter((n) => n < packSize).map((n) => (
            <label>
              <input type="radio" name="items" value={String(n)} checked={items === String(n)} /> {n} statements (about{" "}
              {n} minutes)
            </label>
          ))}
          <label>
            <input type="radio" name="items" value="all" checked={items === "all"} /> All {packSize} statements
          </label>
          <p class="muted">Each verdict makes up at least 40% of the statements.</p>
        </fieldset>

        <div class="check">
          <label>
            <input type="checkbox" name="shuffle" checked={values.shuffle ?? true} /> Shuffle the order for each student
          </label>
        </div>

        <fieldset id="names">
          <legend>Nicknames</legend>
          <FieldErrorText field="names" errors={errors} />
          <label>
            <input type="radio" name="names" value="typed" checked={names === "typed"} /> Students type a nickname, or
            let us pick one
          </label>
          <label>
            <input type="radio" name="names" value="generated" checked={names === "generated"} /> Made-up names only,
            like “Curious Otter”
          </label>
        </fieldset>

        <div class="check">
          <label>
            <input type="checkbox" name="board" checked={values.board ?? false} /> Students can see the class board
            (ranks by score, then discernment)
          </label>
        </div>
        <p>
          <button type="submit">Create the class</button>
        </p>
      </form>
    </Layout>
  );
}

export interface ClassCreatedPageProps {
  code: string;
  title: string;
  joinUrl: string;
  joinHost: string;
  teacherKey: string;
  itemCount: number;
  shuffle: boolean;
  names: "typed" | "generated";
  board: boolean;
}

/** The response to POST /teach: the code and QR for the room, and the teacher key, shown once. */
export function ClassCreatedPage(p: ClassCreatedPageProps) {
  return (
    <Layout title={`${p.title} is ready`}>
      <h1>{p.title} is ready</h1>
      <section aria-labelledby="join-heading" class="join-card">
        <h2 id="join-heading">Students join with this code</h2>
        <p>
          Go to <strong>{p.joinHost}/join</strong> and type:
        </p>
        <p class="code">{p.code}</p>
        <div class="qr">
          <QrCode text={p.joinUrl} id="qr-title" label={`QR code that opens ${p.joinUrl}`} />
          <p>
            Or scan the code, which opens <a href={p.joinUrl}>{p.joinUrl}</a>
          </p>
        </div>
      </section>

      <section class="note key-note" aria-labelledby="key-heading">
        <h2 id="key-heading">Your teacher key: the only way back in</h2>
        <p>
          Copy it or write it down now. We keep only a fingerprint of it, so we cannot show it again or send it to you.
          This browser stays signed in to the class for 7 days; on another device, you type this key.
        </p>
        <p class="key">
          <code>{p.teacherKey}</code>
        </p>
        <p>Keep it private: anyone with the key can see the results and delete the class.</p>
      </section>

      <h2>What you chose</h2>
      <ul class="plain">
        <li>
          {p.itemCount} statements{p.shuffle ? ", in a different order for each student" : ", in the same order"}
        </li>
        <li>{p.names === "generated" ? "Made-up names only" : "Students type a nickname or let us pick one"}</li>
        <li>{p.board ? "Students can see the class board" : "Only you see the results"}</li>
      </ul>
      <p class="row">
        <a class="button" href={`/c/${p.code}/teacher`}>
          Open your dashboard
        </a>
        <a class="button secondary" href={`/c/${p.code}/board`}>
          Show the board
        </a>
        <a class="button secondary" href="/teach/lesson">
          Lesson plan
        </a>
      </p>
    </Layout>
  );
}

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
            “If a newspaper writes that a minister said something, what do we know for sure?” (That the minister said
            it, not that it is true.)
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
            class's lean: a class that calls established facts unverified is being cynical, not careful.
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
