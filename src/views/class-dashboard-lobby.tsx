/**
 * @module The teacher's lobby, beside the dashboard: the students waiting to be let in (a class
 * whose teacher admits each name), removing the ticked students at once, and the settings page
 * (changeable until the first answer). Real forms, no JavaScript needed.
 */

import { ClassNameField, SettingsFields, type SettingsValues } from "./class-settings-fields";
import { ErrorSummary, type FieldError } from "./form-fields";
import { Layout } from "./layout";

/** The form the roster's checkboxes belong to (by their `form` attribute: the rows keep their own forms). */
export const REMOVE_TICKED_FORM = "remove-ticked";

/** "Remove the ticked students": one POST with every ticked row's id. */
export function RemoveTicked({ code }: { code: string }) {
  return (
    <form method="post" action={`/c/${code}/teacher/remove-ticked`} id={REMOVE_TICKED_FORM} class="no-print">
      <p>
        <button type="submit" class="secondary">
          Remove the ticked students
        </button>
      </p>
    </form>
  );
}

/** Students who asked to join and wait for the teacher: greyed, each with Admit and Refuse, and "Admit everyone waiting". */
export function WaitingRoom({ code, waiting }: { code: string; waiting: { id: string; nickname: string }[] }) {
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-heading" class="waiting-room">
      <h2 id="waiting-heading">Waiting to be let in ({waiting.length})</h2>
      <p>These names are not in the class yet: they cannot answer, and the projector does not show them.</p>
      <ul class="plain">
        {waiting.map((w) => (
          <li class="row">
            <span class="nick muted">{w.nickname}</span>
            <form method="post" action={`/c/${code}/teacher/admit`} class="inline">
              <input type="hidden" name="student" value={w.id} />
              <button type="submit" aria-label={`Admit ${w.nickname}`}>
                Admit
              </button>
            </form>
            <form method="post" action={`/c/${code}/teacher/remove`} class="inline">
              <input type="hidden" name="student" value={w.id} />
              <button type="submit" class="secondary" aria-label={`Refuse ${w.nickname}`}>
                Refuse
              </button>
            </form>
          </li>
        ))}
      </ul>
      {waiting.length > 1 ? (
        <form method="post" action={`/c/${code}/teacher/admit`}>
          <input type="hidden" name="all" value="1" />
          <p>
            <button type="submit">Admit everyone waiting</button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

export interface SettingsPageProps {
  code: string;
  title: string;
  packSize: number;
  values: SettingsValues & { name?: string };
  errors?: FieldError[];
  /** Why the settings cannot change (a student has answered, the class ended); absent: the form. */
  locked?: string | undefined;
}

/** GET /c/:code/teacher/settings: the options of creation, changeable until the first answer. */
export function SettingsPage({ code, title, packSize, values, errors = [], locked }: SettingsPageProps) {
  return (
    <Layout title={`Settings: ${title}`}>
      <h1>Settings: {title}</h1>
      {locked ? (
        <>
          <p class="note" role="alert">
            {locked}
          </p>
          <p>
            <a class="button" href={`/c/${code}/teacher`}>
              Back to the dashboard
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lede">
            You can change these until the first student answers. Students already in keep their names and codes; their
            phones pick up the new settings by themselves.
          </p>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/c/${code}/teacher/settings`} novalidate>
            <ClassNameField value={values.name} errors={errors} />
            <SettingsFields packSize={packSize} values={values} errors={errors} />
            <p class="row">
              <button type="submit">Save the settings</button>
              <a class="button secondary" href={`/c/${code}/teacher`}>
                Keep them as they are
              </a>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
}
