/**
 * @module The teacher's pages for one class, signed in by a cookie: GET /c/:code/teacher
 * (+ .csv, sign-in, sign-out, a student's code, remove, close, end, delete), and the lesson plan and worksheet with the
 * answer key. Real forms, no JavaScript needed.
 */
import type { Context, ErrorHandler } from "hono";
import { Hono } from "hono";
import { pack } from "../content/pack";
import { type ClassRecord, classTitle } from "../domain/class";
import { endClass } from "../services/class-live";
import { admitStudents, changeSettings, optionsOf, removeStudents } from "../services/class-lobby";
import { DASHBOARD_POLL_SECONDS, dashboardOf, joinedCount, resultsCsv } from "../services/class-results";
import { joinCodeOf, noSuchClass, rejoinCodeFor } from "../services/classes";
import { AppError } from "../services/errors";
import { answerKey } from "../services/lesson";
import { quizSecret } from "../services/secrets";
import {
  allowBack,
  asTeacher,
  closeJoining,
  deleteWholeClass,
  keyOpens,
  removeFromClass,
  signInWithKey,
  teacherCookie,
} from "../services/teacher-auth";
import { AnswerKeyPage } from "../views/answer-key";
import { DashboardPage } from "../views/class-dashboard";
import { DeleteConfirmPage, EndConfirmPage, RejoinCodePage, TeacherSignInPage } from "../views/class-dashboard-forms";
import { SettingsPage } from "../views/class-dashboard-lobby";
import type { SettingsValues } from "../views/class-settings-fields";
import { WorksheetPage } from "../views/worksheet";
import { clearTeacherCookie, teacherCookie as cookieOf, setTeacherCookie, takeKeyFlash } from "./cookies";
import type { AppEnv, SecretEnv } from "./env";
import { clientAddress, noStore, originOf, readForm, requireSecret } from "./middleware";

export const classDashboard = new Hono<SecretEnv>();

classDashboard.use("/c/:code/teacher/*", noStore());
classDashboard.use("/c/:code/teacher", noStore());
classDashboard.use("/c/:code/teacher.csv", noStore());

/**
 * The class if this browser's teacher cookie opens it; otherwise (onError below) a 401
 * sign-in page that is the same whether or not the class exists.
 */
export function classOf<E extends AppEnv>(c: Context<E>) {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) throw noSuchClass();
  return asTeacher(c.env, code, { cookie: cookieOf(c, code), secret: quizSecret(c.env) });
}

/** A teacher page opened without the class's cookie gets the sign-in form (the projector screen too). */
export const signInInstead: ErrorHandler<SecretEnv> = (error, c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!(error instanceof AppError) || error.slug !== "teacher-sign-in" || !code) throw error;
  return c.html(<TeacherSignInPage code={code} />, 401);
};

classDashboard.onError(signInInstead);

const NOTICES: Record<string, string> = {
  "signed-in": "You are signed in to this class in this browser for 7 days.",
  removed: "The name was removed. It cannot join again until you let it back (under “Removed names”).",
  allowed: "The name can join again.",
  "not-found": "That student was not in the class any more.",
  closed: "Joining is closed. Students already in the class can still finish.",
  ended: "The class has ended. Everyone who was still playing was finished with what they had answered.",
  "removed-ticked": "The ticked names were removed. They cannot join again until you let them back.",
  "none-ticked": "Tick the students to remove first, then press “Remove the ticked students”.",
  admitted: "Let in: they can answer now.",
  settings: "The settings are saved. Students already in pick them up by themselves.",
};

classDashboard.get("/c/:code/teacher", async (c) => {
  const record = await classOf(c);
  // The key POST /teach handed over, shown once (cleared now) and only if it opens this class.
  const flash = takeKeyFlash(c, record.code);
  const key = flash && (await keyOpens(flash, record)) ? flash : undefined;
  const dashboard = await dashboardOf(c.env, record, originOf(c));
  return c.html(
    <DashboardPage
      dashboard={dashboard}
      title={classTitle(record)}
      pollSeconds={DASHBOARD_POLL_SECONDS}
      notice={NOTICES[c.req.query("done") ?? ""]}
      ready={key !== undefined || dashboard.joined === 0 ? { teacherKey: key } : undefined}
    />,
  );
});

// The answer key lives here, behind the teacher's cookie, so students cannot look answers up mid-quiz.
classDashboard.get("/c/:code/teacher/lesson", async (c) => {
  const { code } = await classOf(c);
  return c.html(<AnswerKeyPage code={code} items={await answerKey(c.env, "lesson")} />);
});

classDashboard.get("/c/:code/teacher/worksheet", async (c) => {
  const { code } = await classOf(c);
  return c.html(<WorksheetPage audience={{ code, key: await answerKey(c.env, "worksheet") }} />);
});

classDashboard.post(
  "/c/:code/teacher/sign-in",
  requireSecret("classes-unavailable", "Classes are unavailable"),
  async (c) => {
    const code = joinCodeOf(c.req.param("code"));
    if (!code) throw noSuchClass();
    const form = await readForm(c);
    let record: ClassRecord;
    try {
      record = await signInWithKey(c.env, clientAddress(c), code, form.key);
    } catch (error) {
      // The sign-in form comes back with the reason (a wrong key, or too many tries).
      if (!(error instanceof AppError) || (error.status !== 403 && error.status !== 429)) throw error;
      return c.html(
        <TeacherSignInPage code={code} message={error.detail ?? error.title} />,
        error.status,
        error.headers,
      );
    }
    const cookie = await teacherCookie(record, c.var.secret);
    setTeacherCookie(c, code, cookie.token, cookie.maxAge);
    return c.redirect(`/c/${code}/teacher?done=signed-in`, 303);
  },
);

classDashboard.post("/c/:code/teacher/sign-out", (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (code) clearTeacherCookie(c, code);
  return c.redirect("/teach", 303);
});

classDashboard.get("/c/:code/teacher.csv", async (c) => {
  const { body, headers } = await resultsCsv(c.env, await classOf(c), originOf(c));
  return c.body(body, 200, headers);
});

classDashboard.post("/c/:code/teacher/remove", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  try {
    await removeFromClass(c.env, record, form.student ?? "", originOf(c));
    return c.redirect(`/c/${record.code}/teacher?done=removed`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.slug !== "student-not-found") throw error;
    return c.redirect(`/c/${record.code}/teacher?done=not-found`, 303);
  }
});

classDashboard.post("/c/:code/teacher/allow", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  try {
    await allowBack(c.env, record, form.student ?? "");
    return c.redirect(`/c/${record.code}/teacher?done=allowed`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.slug !== "student-not-found") throw error;
    return c.redirect(`/c/${record.code}/teacher?done=not-found`, 303);
  }
});

classDashboard.post("/c/:code/teacher/close", async (c) => {
  const record = await classOf(c);
  await closeJoining(c.env, record, originOf(c));
  return c.redirect(`/c/${record.code}/teacher?done=closed`, 303);
});

classDashboard.get("/c/:code/teacher/delete", async (c) => {
  const record = await classOf(c);
  const joined = await joinedCount(c.env, record, originOf(c));
  return c.html(<DeleteConfirmPage code={record.code} title={classTitle(record)} joined={joined} />);
});

classDashboard.post("/c/:code/teacher/delete", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  if (form.confirm !== "delete") return c.redirect(`/c/${record.code}/teacher/delete`, 303);
  await deleteWholeClass(c.env, record, originOf(c));
  clearTeacherCookie(c, record.code);
  return c.redirect("/teach?notice=deleted", 303);
});

classDashboard.post("/c/:code/teacher/code", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  const found = await rejoinCodeFor(c.env, record, form.student ?? "");
  if (!found) return c.redirect(`/c/${record.code}/teacher?done=not-found`, 303);
  return c.html(<RejoinCodePage code={record.code} nickname={found.nick} back={found.back} />);
});

classDashboard.get("/c/:code/teacher/end", async (c) => {
  const record = await classOf(c);
  const { students } = await dashboardOf(c.env, record, originOf(c));
  const playing = students.filter((s) => !s.finished && (s.progress ?? 0) > 0).length;
  return c.html(<EndConfirmPage code={record.code} title={classTitle(record)} playing={playing} />);
});

classDashboard.post("/c/:code/teacher/end", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  if (form.confirm !== "end") return c.redirect(`/c/${record.code}/teacher/end`, 303);
  await endClass(c.env, clientAddress(c), record);
  return c.redirect(`/c/${record.code}/teacher?done=ended`, 303);
});

// ---- The lobby: several removed at once, the waiting room, the settings until the first answer ----

classDashboard.post("/c/:code/teacher/remove-ticked", async (c) => {
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

classDashboard.post("/c/:code/teacher/admit", async (c) => {
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

classDashboard.get("/c/:code/teacher/settings", async (c) => {
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

classDashboard.post("/c/:code/teacher/settings", async (c) => {
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
