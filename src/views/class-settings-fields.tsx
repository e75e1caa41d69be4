/** @module The options of a class, as form fields: on /teach (creating a class) and on the teacher's settings page (changing them in the lobby). */
import { ITEM_COUNT_CHOICES } from "../domain/class";
import { type FieldError, FieldErrorText, fieldAria } from "./form-fields";

/** The options as a form holds them ("" or absent: the default). */
export interface SettingsValues {
  items?: string;
  shuffle?: boolean;
  names?: string;
  board?: boolean;
  size?: string;
  pace?: string;
  start?: string;
  admit?: boolean;
  checks?: boolean;
  statementsOnly?: boolean;
  who?: boolean;
}

/** The class name (optional), with its error if it has one and, on /teach, a hint. */
export function ClassNameField({ value, errors, hint }: { value?: string; errors: FieldError[]; hint?: string }) {
  return (
    <>
      <label for="name">Class name (optional)</label>
      {hint ? (
        <p class="muted" id="name-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrorText field="name" errors={errors} />
      <input
        type="text"
        id="name"
        name="name"
        maxlength={60}
        autocomplete="off"
        value={value ?? ""}
        {...fieldAria("name", errors, hint ? "name-hint" : undefined)}
      />
    </>
  );
}

/** Every option but the class name, with its error if it has one. */
export function SettingsFields({
  packSize,
  values,
  errors,
}: {
  packSize: number;
  values: SettingsValues;
  errors: FieldError[];
}) {
  const items = values.items ?? "8";
  const names = values.names ?? "typed";
  const pace = values.pace ?? "student";
  return (
    <>
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
        <p class="muted">Every class mixes established facts and unproven claims.</p>
      </fieldset>

      <fieldset id="pace">
        <legend>Who moves the class on?</legend>
        <FieldErrorText field="pace" errors={errors} />
        <label>
          <input type="radio" name="pace" value="student" checked={pace !== "teacher"} /> Each student at their own pace
        </label>
        <label>
          <input type="radio" name="pace" value="teacher" checked={pace === "teacher"} /> I do, from the projector
          screen: one statement at a time, the class's split after I close each one (no timers)
        </label>
      </fieldset>

      <div class="check" id="start">
        <FieldErrorText field="start" errors={errors} />
        <label>
          <input type="checkbox" name="start" value="join" checked={values.start === "join"} /> Students start as soon
          as they join, without waiting for my Start (for homework; not when I move the class on)
        </label>
      </div>

      <div class="check" id="checks">
        <FieldErrorText field="checks" errors={errors} />
        <label>
          <input type="checkbox" name="checks" checked={values.checks ?? false} /> A check-in before the quiz and a
          check-out after it: six other statements each, no answers shown, so the dashboard shows what changed (when
          each goes at their own pace; 12 statements or fewer)
        </label>
      </div>

      <div class="check">
        <label>
          <input type="checkbox" name="statementsOnly" checked={values.statementsOnly ?? false} /> Statements only: no
          report's sentences under each statement, for a class that has read the article (the sentences come with each
          answer)
        </label>
      </div>

      <div class="check">
        <label>
          <input type="checkbox" name="who" checked={values.who ?? false} /> “Who says so?”: before each verdict,
          students may pick who says so from three choices, or skip it. The answer shows the right one; the result
          scores it apart
        </label>
      </div>

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
          <input type="radio" name="names" value="typed" checked={names === "typed"} /> Students type a nickname, or let
          us pick one
        </label>
        <label>
          <input type="radio" name="names" value="generated" checked={names === "generated"} /> Made-up names only, like
          “Curious Otter”
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

      <div class="check" id="admit">
        <label>
          <input type="checkbox" name="admit" checked={values.admit ?? false} /> I admit each name: students who join
          wait, greyed on my dashboard, until I let them in
        </label>
      </div>
    </>
  );
}
