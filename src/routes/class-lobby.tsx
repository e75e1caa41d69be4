/**
 * @module The teacher's lobby, beside the dashboard (signed in by the class's cookie): remove the
 * ticked students at once (POST /c/:code/teacher/remove-ticked), admit waiting students
 * (POST …/admit), and the settings until the first answer (GET and POST …/settings). Real forms,
 * no JavaScript needed; the dashboard's notices (`?done=`) say what happened.
 */
import { Hono } from "hono";
import { pack } from "../content/pack";
import { type ClassRecord, classTitle } from "../domain/class";
import { admitStudents, changeSettings, optionsOf, removeStudents } from "../services/class-lobby";
import { dashboardOf } from "../services/class-results";
import { AppError } from "../services/errors";
import { SettingsPage } from "../views/class-dashboard-lobby";
import type { SettingsValues } from "../views/class-settings-fields";
import type { SecretEnv } from "./env";
import { noStore, originOf, readForm } from "./middleware";
import { classOf, signInInstead } from "./teacher-session";

export const classLobby = new Hono<SecretEnv>();

classLobby.use("/c/:code/teacher/*", noStore());
classLobby.onError(signInInstead);

classLobby.post("/c/:code/teacher/remove-ticked", async (c) => {
  const record = await classOf(c);
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const ticked = ([] as unknown[]).concat(body.student ?? []).filter((v): v is string => typeof v === "string");
  if (ticked.length === 0) return c.redirect(`/c/${record.code}/teacher?done=none-ticked`, 303);
  try {
    await removeStudents(c.env, record, ticked, originOf(c));
    return c.redirect(`/c/${record.code}/teacher?done=removed-ticked`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 404) throw error;
    return c.redirect(`/c/${record.code}/teacher?done=not-found`, 303);
  }
});

classLobby.post("/c/:code/teacher/admit", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  try {
    await admitStudents(c.env, record, form.all === "1" ? "all" : [form.student ?? ""], originOf(c));
    return c.redirect(`/c/${record.code}/teacher?done=admitted`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 404) throw error;
    return c.redirect(`/c/${record.code}/teacher?done=not-found`, 303);
  }
});

/** The options as the settings form shows them. */
function formValues(record: ClassRecord): SettingsValues & { name: string } {
  const o = optionsOf(record);
  return { ...o, size: String(o.size), name: o.name };
}

classLobby.get("/c/:code/teacher/settings", async (c) => {
  const record = await classOf(c);
  const { settingsOpen } = await dashboardOf(c.env, record, originOf(c));
  const locked = settingsOpen ? undefined : CLASS_STARTED;
  const page = (
    <SettingsPage
      code={record.code}
      title={classTitle(record)}
      packSize={pack.items.length}
      values={formValues(record)}
      locked={locked}
    />
  );
  return c.html(page, locked ? 409 : 200);
});

/** The settings page once an answer is in. */
const CLASS_STARTED =
  "A student has answered, so the settings stay as they are: every answer counts under the same settings. To play with other settings, create a new class.";

classLobby.post("/c/:code/teacher/settings", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  // A form sends every option; an unticked box is absent, so it reads as off.
  const input = {
    name: form.name ?? "",
    items: form.items ?? "",
    shuffle: form.shuffle === "on",
    names: form.names ?? "",
    board: form.board === "on",
    size: form.size ?? "",
    pace: form.pace ?? "",
    start: form.start === "join" ? "join" : "teacher",
    admit: form.admit === "on",
    checks: form.checks === "on",
    statementsOnly: form.statementsOnly === "on",
    who: form.who === "on",
  };
  try {
    await changeSettings(c.env, record, input, originOf(c));
    return c.redirect(`/c/${record.code}/teacher?done=settings`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 409)) throw error;
    const values = { ...input, size: input.size };
    const errors =
      error.status === 400 || error.slug === "size-below-joined"
        ? (error.errors ?? [{ field: error.field ?? "body.size", message: error.detail ?? error.title }]).map((e) => ({
            ...e,
            field: e.field.replace(/^body\./, ""),
          }))
        : [];
    const locked = error.status === 409 && errors.length === 0 ? (error.detail ?? CLASS_STARTED) : undefined;
    const page = (
      <SettingsPage
        code={record.code}
        title={classTitle(record)}
        packSize={pack.items.length}
        values={values}
        errors={errors}
        locked={locked}
      />
    );
    return c.html(page, error.status);
  }
});
