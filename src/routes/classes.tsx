/**
 * @module Classroom mode as pages: set up a class, join it, the board, the teacher's
 * dashboard and its actions. Real forms (POST + redirect), no JavaScript needed.
 *
 * GET /teach → POST /teach (code, QR, teacher key shown once) · GET /teach/lesson · GET /teach/worksheet
 * GET /join, GET /c/:code → POST /join → GET /c/:code/joined → the ordinary /quiz pages
 * GET /c/:code/board · GET /c/:code/teacher (+ .csv, sign-in, sign-out, remove, close, delete)
 */
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { pack } from "../content/pack";
import { type ClassRecord, classTitle, worksheetItems } from "../domain/class";
import { csvTable, rankBoard } from "../domain/class-results";
import { toCsv } from "../domain/csv";
import { checkNickname } from "../domain/nickname";
import { isFinished } from "../domain/quiz";
import {
  closeClass,
  deleteClass,
  forgetClass,
  getClass,
  getClassCached,
  nicknameFits,
  readRoster,
  removeStudent,
} from "../store/classes";
import { KvUnavailableError } from "../store/kv-errors";
import { BoardPage } from "../views/class-board";
import { JoinedPage, type JoinField, JoinPage, JoinRefusedPage } from "../views/class-join";
import { pollPath, pollScript } from "../views/class-poll";
import { DashboardPage, DeleteConfirmPage, TeacherSignInPage } from "../views/class-teacher";
import { ErrorPage } from "../views/error-page";
import { ClassCreatedPage, type FieldError, LessonPlanPage, TeachPage, WorksheetPage } from "../views/teach";
import {
  allowClassWrite,
  BOARD_POLL_SECONDS,
  checkOptions,
  DASHBOARD_POLL_SECONDS,
  dashboardOf,
  hasTeacherCookie,
  joinClass,
  joinCodeOf,
  joinUrlOf,
  keyOpens,
  NICKNAME_TOO_BIG,
  setQuizCookie,
  signInTeacher,
  signOutTeacher,
  startClass,
} from "./class-session";
import type { AppEnv } from "./env";
import { problem, wantsJson } from "./problem";
import { COOKIE_NAME, openToken, quizSecret } from "./quiz-session";

export const classes = new Hono<AppEnv>();
type C = Context<AppEnv>;

// KV faults become a clear 503 that keeps what the user has (their form, their quiz token).
classes.onError((err, c) => {
  if (!(err instanceof KvUnavailableError)) throw err;
  console.error(err);
  const headers = { "Retry-After": "5", "Cache-Control": "no-store" };
  if (wantsJson(c)) {
    return problem(
      503,
      "storage-unavailable",
      "Storage is unavailable",
      { detail: "Please try again in a moment." },
      headers,
    );
  }
  return c.html(
    <ErrorPage
      title="Please try again in a moment"
      message="Our storage did not answer just now. Nothing you had is lost: go back and press the button again."
    />,
    503,
    headers,
  );
});

const origin = (c: C) => new URL(c.req.url).origin;

/** A form value as a string ("" when absent or a file). */
function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : "";
}

function unavailable(c: C) {
  console.error("QUIZ_SECRET is missing or too short; classes are unavailable.");
  return c.html(
    <ErrorPage
      title="Classes are unavailable"
      message="Classes cannot run right now because the site is not set up completely. Please try again later."
    />,
    503,
  );
}

function noSuchCode(c: C) {
  return c.html(
    <JoinRefusedPage
      title="No class with that code"
      message="We could not find a class with that code. Check the code with your teacher: it has 6 letters and numbers."
    />,
    404,
  );
}

classes.get(pollPath, (c) =>
  c.body(pollScript, 200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
  }),
);

// ---- Teachers: set up, lesson plan, worksheet ------------------------------------------------

const NOTICES: Record<string, string> = {
  deleted: "The class and all its results have been deleted.",
};

classes.get("/teach", (c) =>
  c.html(<TeachPage packSize={pack.items.length} notice={NOTICES[c.req.query("notice") ?? ""]} />),
);

classes.post("/teach", async (c) => {
  const secret = quizSecret(c.env);
  if (!secret) return unavailable(c);
  const form = await c.req.parseBody();
  const values = {
    name: field(form, "name"),
    items: field(form, "items") || "8",
    shuffle: field(form, "shuffle") === "on",
    names: field(form, "names") || "typed",
    board: field(form, "board") === "on",
  };
  const checked = checkOptions(values);
  if (!checked.ok)
    return c.html(<TeachPage packSize={pack.items.length} values={values} errors={checked.errors} />, 400);
  if (!(await allowClassWrite(c.env, "class-create"))) {
    const notice = "Many classes are being created right now. Please press “Create the class” again in a few seconds.";
    return c.html(<TeachPage packSize={pack.items.length} values={values} notice={notice} />, 429, {
      "Retry-After": "10",
    });
  }
  const { record, key } = await startClass(c.env.SCORES, checked.options);
  await signInTeacher(c, record, secret);
  // The key is in this body only: never cached, never in a URL.
  c.header("Cache-Control", "no-store");
  const joinUrl = joinUrlOf(origin(c), record.code);
  return c.html(
    <ClassCreatedPage
      code={record.code}
      title={classTitle(record)}
      joinUrl={joinUrl}
      joinHost={new URL(c.req.url).host}
      teacherKey={key}
      itemCount={record.itemIds.length}
      shuffle={record.shuffle}
      names={record.names}
      board={record.board}
    />,
  );
});

const preview = pack.items.map(({ id, statement, verdict, claimant, explanation, check, quote }) => ({
  id,
  statement,
  verdict,
  claimant,
  explanation,
  check,
  quote,
}));
const cardLink = (slug: string) => {
  const card = pack.cardBySlug.get(slug);
  return card ? { slug: card.slug, title: card.title } : undefined;
};

classes.get("/teach/lesson", (c) =>
  c.html(
    <LessonPlanPage items={preview} warmUp={cardLink("attribution")} wrapUp={cardLink("unverified-is-not-false")} />,
  ),
);

classes.get("/teach/worksheet", (c) => c.html(<WorksheetPage items={worksheetItems(preview)} />));

// ---- Students: join ------------------------------------------------------------------------------

function joinView(record: ClassRecord) {
  return { code: record.code, title: classTitle(record), names: record.names };
}

classes.get("/join", (c) => {
  const code = joinCodeOf(c.req.query("code"));
  if (code) return c.redirect(`/c/${code}`, 303);
  return c.html(<JoinPage />);
});

classes.get("/c/:code", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return noSuchCode(c);
  if (code !== c.req.param("code")) return c.redirect(`/c/${code}`, 301);
  const record = await getClassCached(c.env.SCORES, code);
  if (!record) return noSuchCode(c);
  if (record.closed) return closedPage(c, record);
  return c.html(<JoinPage klass={joinView(record)} />);
});

function closedPage(c: C, record: ClassRecord) {
  return c.html(
    <JoinRefusedPage
      title="This class is closed"
      message={`${classTitle(record)} is not taking new students: your teacher has closed joining. If you should be in it, ask your teacher.`}
    />,
    403,
  );
}

classes.post("/join", async (c) => {
  if (!quizSecret(c.env)) return unavailable(c);
  const form = await c.req.parseBody();
  const values = {
    code: field(form, "code").slice(0, 64),
    nickname: field(form, "nickname").slice(0, 512),
    generate: field(form, "generate") === "on",
  };
  const fail = (
    errors: FieldError<JoinField>[],
    status: 400 | 404 | 409 | 429,
    record?: ClassRecord,
    notice?: string,
  ) =>
    c.html(
      <JoinPage klass={record ? joinView(record) : undefined} values={values} errors={errors} notice={notice} />,
      status,
      status === 429 ? { "Retry-After": "10" } : {},
    );

  const code = joinCodeOf(values.code);
  if (!code) {
    return fail([{ field: "code", message: "Class codes have 6 letters and numbers, like ABC234." }], 400);
  }
  const record = await getClass(c.env.SCORES, code);
  if (!record) {
    return fail([{ field: "code", message: `No class has the code ${code}. Check it with your teacher.` }], 404);
  }
  if (record.closed) return closedPage(c, record);
  const generate = record.names === "generated" || values.generate;
  if (!generate) {
    // Checked before the rate limiter, so a typo costs no write allowance.
    const checked = values.nickname.trim() === "" ? null : checkNickname(values.nickname);
    const message = !checked
      ? "Type a nickname, or tick “Pick a name for me”."
      : !checked.ok
        ? checked.problem
        : nicknameFits(checked.nickname)
          ? null
          : NICKNAME_TOO_BIG;
    if (message) return fail([{ field: "nickname", message }], 400, record);
  }
  if (!(await allowClassWrite(c.env, `class-join:${code}`))) {
    const notice = "Lots of classmates are joining right now. Please wait a few seconds and press Join again.";
    return fail([], 429, record, notice);
  }
  const joined = await joinClass(c.env, record, { nickname: values.nickname, generate });
  if (!joined.ok) {
    if (joined.problem === "nickname") return fail([{ field: "nickname", message: joined.message }], 409, record);
    if (joined.problem === "closed") return closedPage(c, record);
    return c.html(
      <JoinRefusedPage
        title="This class needs updating"
        message="The statements of this class have changed since it was created. Ask your teacher to create a new class."
      />,
      409,
    );
  }
  setQuizCookie(c, joined.state, joined.token);
  return c.redirect(`/c/${code}/joined`, 303);
});

classes.get("/c/:code/joined", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  const secret = quizSecret(c.env);
  if (!code) return noSuchCode(c);
  if (!secret) return unavailable(c);
  const opened = await openToken(getCookie(c, COOKIE_NAME, "host"), secret);
  if (!opened.ok || opened.state.class?.code !== code) return c.redirect(`/c/${code}`, 303);
  const record = await getClassCached(c.env.SCORES, code);
  c.header("Cache-Control", "no-store");
  return c.html(
    <JoinedPage
      nick={opened.state.class.nick}
      finished={isFinished(opened.state)}
      classTitle={record ? classTitle(record) : `class ${code}`}
      total={opened.state.items.length}
      board={record?.board ?? false}
      code={code}
    />,
  );
});

// ---- The board ----------------------------------------------------------------------------------

classes.get("/c/:code/board", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return noSuchCode(c);
  const record = await getClassCached(c.env.SCORES, code);
  if (!record) return noSuchCode(c);
  const teacher = await hasTeacherCookie(c, record, code);
  c.header("Cache-Control", "no-store");
  if (!record.board && !teacher) {
    return c.html(
      <ErrorPage
        title="No class board"
        message="Your teacher has chosen not to show a class board. They can see everyone's results and will talk them through with you."
      />,
      403,
    );
  }
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  const rows = rankBoard(roster.entries);
  return c.html(
    <BoardPage
      code={code}
      title={classTitle(record)}
      rows={rows}
      joined={roster.entries.length}
      finished={rows.length}
      pollSeconds={BOARD_POLL_SECONDS}
      listedAt={roster.at}
      teacher={teacher}
      open={!record.closed}
    />,
  );
});

// ---- The teacher ---------------------------------------------------------------------------------

/**
 * The class if this browser's teacher cookie opens it; otherwise a 401 sign-in
 * page that is the same whether or not the class exists.
 */
async function asTeacher(c: C): Promise<{ code: string; record: ClassRecord } | Response> {
  const code = joinCodeOf(c.req.param("code"));
  c.header("Cache-Control", "no-store");
  if (!code) return noSuchCode(c);
  const record = await getClassCached(c.env.SCORES, code);
  if (record && (await hasTeacherCookie(c, record, code))) return { code, record };
  return c.html(<TeacherSignInPage code={code} />, 401);
}

const TEACHER_NOTICES: Record<string, string> = {
  "signed-in": "You are signed in to this class in this browser for 7 days.",
  removed: "The name was removed. That student can join again.",
  "not-found": "That student was not in the class any more.",
  closed: "Joining is closed. Students already in the class can still finish.",
};

classes.get("/c/:code/teacher", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code, record } = teacher;
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  return c.html(
    <DashboardPage
      {...dashboardOf(record, roster.entries)}
      code={code}
      title={classTitle(record)}
      joinUrl={joinUrlOf(origin(c), code)}
      closed={record.closed}
      board={record.board}
      listedAt={roster.at}
      pollSeconds={DASHBOARD_POLL_SECONDS}
      notice={TEACHER_NOTICES[c.req.query("done") ?? ""]}
    />,
  );
});

classes.post("/c/:code/teacher/sign-in", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  const secret = quizSecret(c.env);
  c.header("Cache-Control", "no-store");
  if (!code) return noSuchCode(c);
  if (!secret) return unavailable(c);
  const form = await c.req.parseBody();
  const record = await getClass(c.env.SCORES, code);
  if (!(await keyOpens(field(form, "key"), record)) || !record) {
    const message = `That key does not open class ${code}. Check it (it starts with “tk_”) and try again.`;
    return c.html(<TeacherSignInPage code={code} message={message} />, 403);
  }
  await signInTeacher(c, record, secret);
  return c.redirect(`/c/${code}/teacher?done=signed-in`, 303);
});

classes.post("/c/:code/teacher/sign-out", (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return noSuchCode(c);
  signOutTeacher(c, code);
  return c.redirect("/teach", 303);
});

classes.get("/c/:code/teacher.csv", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code, record } = teacher;
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  const { header, rows } = csvTable(record.itemIds, roster.entries, (id) => pack.itemById.get(id)?.verdict);
  return c.body(toCsv(header, rows), 200, {
    "content-type": "text/csv; charset=utf-8; header=present",
    "content-disposition": `attachment; filename="class-${code}-results.csv"`,
    "cache-control": "no-store",
  });
});

/** Teacher writes share one allowance per class. */
async function teacherWriteAllowed(c: C, code: string) {
  return allowClassWrite(c.env, `class-teacher:${code}`);
}

function tooFast(c: C) {
  return c.html(
    <ErrorPage
      title="Please wait a moment"
      message="That was a lot of changes in a short time. Wait ten seconds and try again."
    />,
    429,
    { "Retry-After": "10" },
  );
}

classes.post("/c/:code/teacher/remove", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  const form = await c.req.parseBody();
  if (!(await teacherWriteAllowed(c, code))) return tooFast(c);
  const removed = await removeStudent(c.env.SCORES, code, field(form, "student"));
  await forgetClass(code, origin(c));
  return c.redirect(`/c/${code}/teacher?done=${removed ? "removed" : "not-found"}`, 303);
});

classes.post("/c/:code/teacher/close", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  if (!(await teacherWriteAllowed(c, code))) return tooFast(c);
  await closeClass(c.env.SCORES, code);
  await forgetClass(code, origin(c));
  return c.redirect(`/c/${code}/teacher?done=closed`, 303);
});

classes.get("/c/:code/teacher/delete", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code, record } = teacher;
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  return c.html(<DeleteConfirmPage code={code} title={classTitle(record)} joined={roster.entries.length} />);
});

classes.post("/c/:code/teacher/delete", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  const form = await c.req.parseBody();
  if (field(form, "confirm") !== "delete") return c.redirect(`/c/${code}/teacher/delete`, 303);
  await deleteClass(c.env.SCORES, code);
  await forgetClass(code, origin(c));
  signOutTeacher(c, code);
  return c.redirect("/teach?notice=deleted", 303);
});
