/**
 * @module Students join a class: GET /join, GET /c/:code → POST /join → GET /c/:code/joined (the
 * lobby, or the start) → the ordinary /quiz pages; POST /join/back brings a student back with
 * their code (same row, same answers). The class link knows a student who has the
 * class's quiz cookie: it sends them back to "You're in as …" to continue, not to a second join.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { ClassRecord } from "../domain/class";
import { classTitle } from "../domain/class";
import { NOT_STARTED } from "../domain/pace";
import { answeredCount, isFinished } from "../domain/quiz";
import { type Seated, seatOf } from "../services/class-lobby";
import { classClosed, classOrNull, joinClass, joinCodeOf, lookUpClass, rejoinClass } from "../services/classes";
import { AppError } from "../services/errors";
import { limitPlay } from "../services/limits";
import { openToken } from "../services/quiz-token";
import { quizSecret } from "../services/secrets";
import { JoinedPage, type JoinField, JoinPage, JoinRefusedPage } from "../views/class-join";
import type { FieldError } from "../views/form-fields";
import { quizCookie, setQuizCookie } from "./cookies";
import type { SecretEnv } from "./env";
import { clientAddress, noStore, readForm, requireSecret } from "./middleware";

export const join = new Hono<SecretEnv>();

function joinView(record: ClassRecord) {
  return { code: record.code, title: classTitle(record), names: record.names };
}

/** A refusal the student cannot fix on the form (no class, closed, outdated): its own page. */
function refused(c: Context, error: AppError) {
  const title = error.slug === "class-not-found" ? "No class with that code" : error.title;
  return c.html(<JoinRefusedPage title={title} message={error.detail ?? error.title} />, error.status);
}

join.get("/join", (c) => {
  const code = joinCodeOf(c.req.query("code"));
  if (code) return c.redirect(`/c/${code}`, 303);
  return c.html(<JoinPage />);
});

join.get("/c/:code", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (code && code !== c.req.param("code")) return c.redirect(`/c/${code}`, 301);
  try {
    // Already in this class on this device: continue as yourself (`?new=1`: someone else joins here).
    const secret = code && c.req.query("new") !== "1" ? quizSecret(c.env) : null;
    const opened = secret ? await openToken(quizCookie(c), secret) : null;
    if (opened?.ok && opened.state.class?.code === code) return c.redirect(`/c/${code}/joined`, 303);
    const record = await lookUpClass(c.env, clientAddress(c), code ?? "");
    if (record.closed) return refused(c, classClosed(record));
    return c.html(<JoinPage klass={joinView(record)} />);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return refused(c, error);
    throw error;
  }
});

join.post("/join", requireSecret("classes-unavailable", "Classes are unavailable"), async (c) => {
  const form = await readForm(c);
  const values = {
    code: (form.code ?? "").slice(0, 64),
    nickname: (form.nickname ?? "").slice(0, 512),
    generate: form.generate === "on",
  };
  const code = joinCodeOf(values.code);
  try {
    const joined = await joinClass(c.env, c.var.secret, { ...values, client: clientAddress(c), code: values.code });
    setQuizCookie(c, joined.state, joined.token);
    return c.redirect(`/c/${joined.record.code}/joined`, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 403 || error.slug === "class-outdated") return refused(c, error);
    // Everything else comes back on the form, with what the student typed.
    const record = code ? await classOrNull(c.env, code) : null;
    const field: JoinField = error.field === "body.nickname" ? "nickname" : "code";
    const errors: FieldError<JoinField>[] =
      error.status === 429 ? [] : [{ field, message: error.detail ?? error.title }];
    // The limiter's own words say what happened and how long to wait; the nickname stays typed.
    const notice = error.status === 429 ? error.detail : undefined;
    // A typo (a malformed code, a nickname we cannot use) is a 400 on the form.
    const status = error.status === 422 || (error.status === 404 && !code) ? 400 : error.status;
    const page = (
      <JoinPage klass={record ? joinView(record) : undefined} values={values} errors={errors} notice={notice} />
    );
    return c.html(page, status, error.headers);
  }
});

join.post("/join/back", requireSecret("classes-unavailable", "Classes are unavailable"), async (c) => {
  const form = await readForm(c);
  const values = { code: (form.code ?? "").slice(0, 64), back: (form.back ?? "").slice(0, 64) };
  try {
    const back = await rejoinClass(c.env, c.var.secret, { client: clientAddress(c), ...values });
    setQuizCookie(c, back.state, back.token);
    return c.redirect(`/c/${back.record.code}/joined`, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const code = joinCodeOf(values.code);
    const record = code ? await classOrNull(c.env, code) : null;
    if (!record) return refused(c, error);
    const errors: FieldError<JoinField>[] =
      error.status === 429 ? [] : [{ field: "back", message: error.detail ?? error.title }];
    const notice = error.status === 429 ? error.detail : undefined;
    const page = <JoinPage klass={joinView(record)} values={values} errors={errors} notice={notice} />;
    return c.html(page, error.status === 422 ? 400 : error.status, error.headers);
  }
});

join.get("/c/:code/joined", noStore(), requireSecret("classes-unavailable", "Classes are unavailable"), async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  const opened = await openToken(quizCookie(c), c.var.secret);
  if (!code || !opened.ok || opened.state.class?.code !== code) return c.redirect(`/c/${code ?? ""}`, 303);
  const record = await classOrNull(c.env, code);
  const mine = opened.state.class;
  let state = opened.state;
  const finished = isFinished(state);
  // Its object says where the class is (one request, limited per attempt and per address): in the
  // lobby, running, or ended by the teacher, and whether this student is in, waits to be admitted, or was removed. A student whose
  // token predates the teacher's change of settings gets a new one (nothing was answered yet).
  if (record && !finished) await limitPlay(c.env, clientAddress(c), state.id);
  const seated: Seated =
    record && !finished
      ? await seatOf(c.env, c.var.secret, record, { ...state, class: mine })
      : {
          phase: "running",
          pace: NOT_STARTED,
          seat: "in",
          paced: mine.paced === true,
          live: { rev: mine.rev ?? 0, door: 0 },
          fresh: null,
        };
  if (seated.fresh) {
    state = seated.fresh.state;
    setQuizCookie(c, state, seated.fresh.token);
  }
  const status = { phase: seated.phase, pace: seated.pace };
  const cls = state.class ?? mine;
  return c.html(
    <JoinedPage
      nick={cls.nick}
      finished={finished}
      classTitle={record ? classTitle(record) : `class ${code}`}
      total={state.items.length}
      answered={answeredCount(state)}
      board={record?.board ?? false}
      code={code}
      status={status}
      paced={seated.paced}
      back={cls.back}
      seat={seated.seat}
      live={seated.live}
      estimate={state.estimate ?? null}
    />,
  );
});
