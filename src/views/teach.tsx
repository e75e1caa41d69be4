/** @module Teacher pages: create a class, and the class is ready (code, QR, key). */
import { ITEM_COUNT_CHOICES } from "../domain/class";
import { QrCode } from "./class-qr";
import { ErrorSummary, type FieldError, FieldErrorText, fieldAria } from "./form-fields";
import { Layout } from "./layout";

export interface TeachPageProps {
  packSize: number;
  values?: {
    name?: string;
    items?: string;
    shuffle?: boolean;
    names?: string;
    board?: boolean;
    size?: string;
    pace?: string;
  };
  errors?: FieldError[];
  notice?: string | undefined;
}

/** GET /teach: set up a class. */
export function TeachPage({ packSize, values = {}, errors = [], notice }: TeachPageProps) {
  const items = values.items ?? "8";
  const names = values.names ?? "typed";
  const pace = values.pace ?? "student";
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

        <fieldset id="pace">
          <legend>Who moves the class on?</legend>
          <FieldErrorText field="pace" errors={errors} />
          <label>
            <input type="radio" name="pace" value="student" checked={pace !== "teacher"} /> Each student at their own
            pace
          </label>
          <label>
            <input type="radio" name="pace" value="teacher" checked={pace === "teacher"} /> I do, from the projector
            screen: one statement at a time, the class's split after I close each one (no timers)
          </label>
        </fieldset>

        <div class="check">
          <label>
            <input type="checkbox" name="shuffle" checked={values.shuffle ?? true} /> Shuffle the order for each student
            (when each goes at their own pace)
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

        <p id="size">
          <label for="size-input">Class size (most students who can join)</label>
          <FieldErrorText field="size" errors={errors} />
          <input
            id="size-input"
            name="size"
            type="number"
            inputmode="numeric"
            min="1"
            max="200"
            value={values.size ?? "40"}
            {...fieldAria("size", errors)}
          />
        </p>

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

      {/* Hidden until asked for, so a projected page never shows it. */}
      <section class="note key-note" aria-labelledby="key-heading">
        <h2 id="key-heading">Your teacher key: the only way back in</h2>
        <p>
          Copy it or write it down now, while this page is not on the projector. We keep only a fingerprint of it, so we
          cannot show it again or send it to you. This browser stays signed in to the class for 7 days; on another
          device, you type this key. Anyone with the key can see the results and delete the class.
        </p>
        <details class="key-reveal">
          <summary>Show the teacher key</summary>
          <p class="key">
            <code>{p.teacherKey}</code>
          </p>
        </details>
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
        <a class="button secondary" href={`/c/${p.code}/teacher/lesson`}>
          Lesson plan and answer key
        </a>
      </p>
    </Layout>
  );
}
