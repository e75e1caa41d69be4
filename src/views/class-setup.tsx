/** @module The teacher's first page: set up a class. */

import { ClassNameField, SettingsFields, type SettingsValues } from "./class-settings-fields";
import { ErrorSummary, type FieldError } from "./form-fields";
import { Layout } from "./layout";

export interface TeachPageProps {
  packSize: number;
  values?: SettingsValues & { name?: string };
  errors?: FieldError[];
  notice?: string | undefined;
}

/** The settings fold opens itself when one of its fields has an error, so the error is seen. */
const FOLDED_FIELDS = new Set(["items", "pace", "start", "shuffle", "names", "size", "board", "admit"]);

/** GET /teach: one button creates a class with the defaults; the six choices wait in a fold. */
export function TeachPage({ packSize, values = {}, errors = [], notice }: TeachPageProps) {
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
        <ClassNameField
          value={values.name}
          errors={errors}
          hint="Shown to your students, e.g. “Year 9 media”. Please don't use students' names."
        />

        <p>
          <button type="submit">Create the class</button>
        </p>
        <p class="muted">
          8 statements, each with its report, each student at their own pace once you press Start, in a shuffled order,
          with typed nicknames, up to 40 students, no class board. To change these, open the settings first.
        </p>

        <details class="settings" open={errors.some((e) => FOLDED_FIELDS.has(e.field))}>
          <summary>Change the settings</summary>
          <SettingsFields packSize={packSize} values={values} errors={errors} />
          <p>
            <button type="submit">Create the class with these settings</button>
          </p>
        </details>
      </form>
    </Layout>
  );
}
