import { Hono } from "hono";
import { type ClassRecord, classTitle } from "../domain/class";
import { endClass } from "../services/class-live";
import { DASHBOARD_POLL_SECONDS, dashboardOf, joinedCount, resultsCsv } from "../services/class-results";
import { joinCodeOf, noSuchClass, rejoinCodeFor } from "../services/classes";
import { AppError } from "../services/errors";
import { answerKey } from "../services/lesson";
import {
  allowBack,
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
import { WorksheetPage } from "../views/worksheet";
import { classLobby } from "./class-lobby";
import { clearTeacherCookie, setTeacherCookie, takeKeyFlash } from "./cookies";
import type { SecretEnv } from "./env";
import { changeLimit, clientAddress, noStore, originOf, readForm, requireSecret, screenLimit } from "./middleware";
import { classOf, signInInstead } from "./teacher-session";

// The projector screen's routes use these too.
export { classOf, signInInstead };

export const classDashboard = new Hono<SecretEnv>();

classDashboard.use("/c/:code/teacher/*", noStore());
classDashboard.use("/c/:code/teacher", noStore());
classDashboard.use("/c/:code/teacher.csv", noStore());
// The screens that read the class's object: limited per address (the class's own limit is in class-live).
classDashboard.on(
  "GET",
  ["/c/:code/teacher", "/c/:code/teacher.csv", "/c/:code/teacher/delete", "/c/:code/teacher/end"],
  screenLimit(),
);
classDashboard.on(
  "POST",
  ["remove", "allow", "close", "delete", "code", "end"].map((action) => `/c/:code/teacher/${action}`),
  changeLimit(),
);

classDashboard.onError(signInInstead);
// Remove the ticked, admit, the settings: routes/class-lobby.tsx.
classDashboard.route("/", classLobby);

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
