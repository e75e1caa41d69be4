/**
 * @module Teachers set up a class: GET /teach → POST /teach (303 to the class's dashboard, which shows the key once),
 * and the public lesson plan and worksheet (statements only: the answer key is on the class's teacher pages).
 */
import { Hono } from "hono";
import { pack } from "../content/pack";
import { checkOptions, createClass } from "../services/class-create";
import { AppError } from "../services/errors";
import { worksheetStatements } from "../services/lesson";
import { teacherCookie } from "../services/teacher-auth";
import { TeachPage } from "../views/class-setup";
import { WorksheetPage } from "../views/worksheet";
import { setKeyFlash, setTeacherCookie } from "./cookies";
import type { SecretEnv } from "./env";
import { clientAddress, noStore, originOf, readForm, requireSecret } from "./middleware";

export const classSetup = new Hono<SecretEnv>();

const NOTICES: Record<string, string> = {
  deleted: "The class and all its results have been deleted.",
};

classSetup.get("/teach", (c) =>
  c.html(<TeachPage packSize={pack.items.length} notice={NOTICES[c.req.query("notice") ?? ""]} />),
);

// Post/Redirect/Get: a reload of the dashboard never makes a second class. The key goes to the
// dashboard in a short-lived cookie, never in a URL or this response's body.
classSetup.post("/teach", noStore(), requireSecret("classes-unavailable", "Classes are unavailable"), async (c) => {
  const form = await readForm(c);
  const values = {
    name: form.name ?? "",
    items: form.items || "8",
    shuffle: form.shuffle === "on",
    names: form.names || "typed",
    board: form.board === "on",
    size: form.size ?? "40",
    pace: form.pace || "student",
    start: form.start === "join" ? "join" : "teacher",
    admit: form.admit === "on",
    checks: form.checks === "on",
    statementsOnly: form.statementsOnly === "on",
    who: form.who === "on",
  };
  // Before anything is written: the dashboard the form leads to needs the public address (a 503 writes nothing).
  originOf(c);
  try {
    const { record, key } = await createClass(
      c.env,
      clientAddress(c),
      checkOptions({ ...form, items: values.items, names: values.names }),
    );
    const cookie = await teacherCookie(record, c.var.secret);
    setTeacherCookie(c, record.code, cookie.token, cookie.maxAge);
    setKeyFlash(c, record.code, key);
    return c.redirect(`/c/${record.code}/teacher`, 303);
  } catch (error) {
    // The form comes back with what the teacher typed: field errors, or a notice to try again.
    if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 429)) throw error;
    const errors = (error.errors ?? []).map((e) => ({ ...e, field: e.field.replace(/^body\./, "") }));
    // The limiter's own words say what happened and how long to wait.
    const notice = error.status === 429 ? error.detail : undefined;
    const page = <TeachPage packSize={pack.items.length} values={values} errors={errors} notice={notice} />;
    return c.html(page, error.status, error.headers);
  }
});

classSetup.get("/teach/worksheet", async (c) =>
  c.html(<WorksheetPage audience={{ statements: await worksheetStatements(c.env) }} />),
);
