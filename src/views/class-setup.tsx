/** @module The teacher's first page: set up a class. */
import { ITEM_COUNT_CHOICES } from "../domain/class";
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
    start?: string;
  };
  errors?: FieldError[];
  notice?: string | undefined;
}

/** The settings fold opens itself when one of its fields has an error, so the error is seen. */
const FOLDED_FIELDS = new Set(["items", "pace", "start", "shuffle", "names", "size", "board"]);

/** GET /teach: one button creates a class with the defaults; the six choices wait in a fold. */
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

        <p>
          <button type="submit">Create the class</button>
        </p>
        <p class="muted">
          8 statements, each student at their own pace once you press Start, in a shuffled order, with typed nicknames,
          up to 40 students, no class board. To change these, open the settings first.
        </p>

        <details class="settings" open={errors.some((e) => FOLDED_FIELDS.has(e.field))}>
          <summary>Change the settings</summary>
          <fieldset id="items">
            <legend>How many statements?</legend>
            <FieldErrorText field="items" errors={errors} />
            {ITEM_COUNT_CHOICES.filter((n) => n < packSize).map((n) => (
              <label>
                <input type="radio" name="items" value={String(n)} checked={items === String(n)} /> {n} statements
                (about {n} minutes)
              </label>
            ))}
            <label>
              <input type="radio" name="items" value="all" checked={items === "all"} /> All {packSize} statements
            </label>
            <p class="muted">Every class mixes established facts and unproven claims.</p>
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

          <div class="check" id="start">
            <FieldErrorText field="start" errors={errors} />
            <label>
              <input type="checkbox" name="start" value="join" checked={values.start === "join"} /> Students start as
              soon as they join, without waiting for my Start (for homework; not when I move the class on)
            </label>
          </div>

          <div class="check">
            <label>
              <input type="checkbox" name="shuffle" checked={values.shuffle ?? true} /> Shuffle the order for each
              student (when each goes at their own pace)
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
              (ranked by correct answers)
            </label>
          </div>
          <p>
            <button type="submit">Create the class with these settings</button>
          </p>
        </details>
      </form>
    </Layout>
  );
}
