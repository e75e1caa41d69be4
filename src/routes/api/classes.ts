/**
 * @module Classroom mode as JSON under /api/v1/classes: create, look up, join, board,
 * and the teacher's dashboard, CSV, close, remove and delete (Bearer teacher key).
 *
 * Students who join get an ordinary quiz token bound to the class: they answer and
 * finish with POST /api/v1/attempts/answer and /finish, like any quiz client.
 */
import { type Context, Hono } from "hono";
import { pack } from "../../content/pack";
import type { ClassRecord } from "../../domain/class";
import { csvTable, rankBoard } from "../../domain/class-results";
import { toCsv } from "../../domain/csv";
import { checkNickname } from "../../domain/nickname";
import {
  closeClass,
  deleteClass,
  forgetClass,
  getClass,
  getClassCached,
  isStudentId,
  nicknameFits,
  readRoster,
  removeStudent,
} from "../../store/classes";
import { KvUnavailableError } from "../../store/kv-errors";
import { renderQrSvg } from "../../views/class-qr";
import {
  allowClassWrite,
  bearerKey,
  checkOptions,
  dashboardOf,
  joinClass,
  joinCodeOf,
  joinUrlOf,
  keyOpens,
  NICKNAME_TOO_BIG,
  startClass,
} from "../class-session";
import type { AppEnv } from "../env";
import { problem } from "../problem";
import { expiresAt, quizSecret } from "../quiz-session";
import { CloseClassRequest, CreateClassRequest, JoinClassRequest } from "./class-requests";
import type { ClassBoard, ClassCreated, ClassDashboard, ClassDeleted, ClassInfo, ClassJoined } from "./class-schemas";
import { readJson } from "./validate";

export const apiClasses = new Hono<AppEnv>();
type C = Context<AppEnv>;

// Class responses are personal or live: never cached by browsers or proxies.
apiClasses.use(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

// A KV fault is a clear 503; a student's token (if any) is still good, so they can retry.
apiClasses.onError((err) => {
  if (!(err instanceof KvUnavailableError)) throw err;
  console.error(err);
  return problem(
    503,
    "storage-unavailable",
    "Storage is unavailable",
    { detail: "Please try again in a moment." },
    { "Retry-After": "5", "Cache-Control": "no-store" },
  );
});

const origin = (c: C) => new URL(c.req.url).origin;

function infoOf(c: C, record: ClassRecord): ClassInfo {
  return {
    code: record.code,
    name: record.name,
    open: !record.closed,
    names: record.names,
    itemCount: record.itemIds.length,
    board: record.board,
    joinUrl: joinUrlOf(origin(c), record.code),
    expiresAt: new Date(record.expiresAt).toISOString(),
  };
}

function badCode() {
  return problem(404, "class-not-found", "No such class", {
    detail: "Join codes have 6 letters and digits (no 0/O, 1/I/L), e.g. ABC234.",
    field: "path.code",
  });
}

function noClass(code: string) {
  return problem(404, "class-not-found", "No such class", {
    detail: `No class has the code ${code}. Check it with the teacher.`,
    field: "path.code",
  });
}

function noSecret() {
  console.error("QUIZ_SECRET is missing or too short; classes are unavailable.");
  return problem(503, "classes-unavailable", "Classes are unavailable", {
    detail: "The server is not configured to sign quiz tokens. Try again later.",
  });
}

function tooMany(what: string) {
  return problem(
    429,
    "rate-limited",
    "Too many requests",
    { detail: `${what} Wait ten seconds and try again.` },
    {
      "Retry-After": "10",
    },
  );
}

// ---- Create, look up, join -----------------------------------------------------------------------

apiClasses.post("/", async (c) => {
  if (!quizSecret(c.env)) return noSecret();
  const body = await readJson(c, CreateClassRequest);
  if (!body.ok) return body.response;
  const checked = checkOptions({ ...body.data, items: body.data.items });
  if (!checked.ok) {
    const first = checked.errors[0];
    return problem(400, "invalid-body", "The request body is not valid", {
      detail: first?.message,
      field: `body.${first?.field ?? "name"}`,
      errors: checked.errors.map((e) => ({ field: `body.${e.field}`, message: e.message })),
    });
  }
  if (!(await allowClassWrite(c.env, "class-create"))) return tooMany("Many classes are being created right now.");
  const { record, key } = await startClass(c.env.SCORES, checked.options);
  const info = infoOf(c, record);
  const created: ClassCreated = {
    ...info,
    teacherKey: key,
    qrSvg: renderQrSvg(info.joinUrl, `QR code that opens ${info.joinUrl}`),
  };
  return c.json(created, 201, { Location: `/api/v1/classes/${record.code}` });
});

apiClasses.get("/:code", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return badCode();
  const record = await getClassCached(c.env.SCORES, code);
  return record ? c.json(infoOf(c, record)) : noClass(code);
});

apiClasses.post("/:code/students", async (c) => {
  if (!quizSecret(c.env)) return noSecret();
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return badCode();
  const body = await readJson(c, JoinClassRequest);
  if (!body.ok) return body.response;
  const record = await getClass(c.env.SCORES, code);
  if (!record) return noClass(code);
  if (record.closed) {
    return problem(403, "class-closed", "This class is closed", {
      detail: "The teacher has closed joining: the class takes no new students.",
    });
  }
  const generate = record.names === "generated" || body.data.generate === true || body.data.nickname === undefined;
  if (!generate) {
    const checked = checkNickname(body.data.nickname ?? "");
    const message = !checked.ok ? checked.problem : nicknameFits(checked.nickname) ? null : NICKNAME_TOO_BIG;
    if (message)
      return problem(422, "invalid-nickname", "That nickname cannot be used", {
        detail: message,
        field: "body.nickname",
      });
  }
  if (!(await allowClassWrite(c.env, `class-join:${code}`)))
    return tooMany("Many students are joining this class right now.");
  const joined = await joinClass(c.env, record, { nickname: body.data.nickname, generate });
  if (!joined.ok) {
    if (joined.problem === "nickname") {
      return problem(409, "nickname-taken", "That nickname is taken", {
        detail: joined.message,
        field: "body.nickname",
      });
    }
    if (joined.problem === "closed") return problem(403, "class-closed", "This class is closed");
    return problem(409, "class-outdated", "This class needs updating", {
      detail: "The statements of this class are no longer in the quiz. The teacher should create a new class.",
    });
  }
  const { state } = joined;
  const firstId = state.items[0] ?? "";
  const response: ClassJoined = {
    attemptId: state.id,
    packVersion: state.pack,
    token: joined.token,
    expiresAt: new Date(expiresAt(state) * 1000).toISOString(),
    total: state.items.length,
    answered: 0,
    next: { id: firstId, position: 1, statement: pack.itemById.get(firstId)?.statement ?? "" },
    code,
    nickname: joined.nick,
  };
  return c.json(response, 201);
});

// ---- Board ----------------------------------------------------------------------------------------

apiClasses.get("/:code/board", async (c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) return badCode();
  const record = await getClassCached(c.env.SCORES, code);
  if (!record) return noClass(code);
  const key = bearerKey(c);
  if (!record.board && !(key && (await keyOpens(key, record)))) {
    return problem(403, "board-hidden", "The board is not shown to students", {
      detail: "The teacher has not turned the class board on. With the teacher key, send Authorization: Bearer <key>.",
    });
  }
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  const rows = rankBoard(roster.entries);
  const board: ClassBoard = {
    code,
    name: record.name,
    joined: roster.entries.length,
    finished: rows.length,
    listedAt: new Date(roster.at).toISOString(),
    rows: rows.map((row) => ({
      rank: row.rank,
      tied: row.tied,
      nickname: row.nick,
      correct: row.score,
      answered: row.answered,
      discernment: row.discernment,
    })),
  };
  return c.json(board);
});

// ---- Teacher only ---------------------------------------------------------------------------------

/**
 * The class if `Authorization: Bearer <key>` opens it. Without a key: 401; with a
 * key that does not open it: 403 — the same whether or not the class exists.
 */
async function asTeacher(c: C): Promise<{ code: string; record: ClassRecord } | Response> {
  const code = joinCodeOf(c.req.param("code"));
  const key = bearerKey(c);
  if (!key) {
    return problem(
      401,
      "teacher-key-required",
      "Teacher key required",
      { detail: "Send the teacher key as Authorization: Bearer <key>." },
      { "WWW-Authenticate": 'Bearer realm="class"' },
    );
  }
  const record = code ? await getClassCached(c.env.SCORES, code) : null;
  if (!code || !record || !(await keyOpens(key, record))) {
    return problem(403, "teacher-key-rejected", "That key does not open this class", {
      detail: "Check the teacher key and the class code.",
    });
  }
  return { code, record };
}

apiClasses.get("/:code/dashboard", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code, record } = teacher;
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  const d = dashboardOf(record, roster.entries);
  const stat = (s: (typeof d.items)[number]) => ({
    itemId: s.itemId,
    statement: s.statement,
    verdict: s.verdict,
    answered: s.answered,
    correct: s.correct,
    shareCorrect: s.shareCorrect === null ? null : Math.round(s.shareCorrect * 100) / 100,
  });
  const body: ClassDashboard = {
    ...infoOf(c, record),
    joined: d.joined,
    finished: d.finished,
    listedAt: new Date(roster.at).toISOString(),
    class: {
      answered: d.klass.answered,
      discernment: d.klass.discernment,
      c: d.klass.c,
      lean: d.klass.lean,
      verifiedAnswered: d.klass.verifiedAnswered,
      verifiedJudgedUnverified: d.klass.verifiedDoubted,
      unverifiedAnswered: d.klass.unverifiedAnswered,
      unverifiedJudgedVerified: d.klass.unverifiedAccepted,
    },
    students: d.students.map((s) => ({
      id: s.sid,
      nickname: s.nick,
      sharedName: s.shared,
      finished: s.finished,
      correct: s.score ?? null,
      answered: s.answered ?? null,
      discernment: s.discernment ?? null,
      c: s.c ?? null,
      lean: s.lean ?? null,
    })),
    items: d.items.map(stat),
    mostFooled: d.fooled.map((f) => ({ ...stat(f), explanation: f.explanation, prompt: f.prompt })),
  };
  return c.json(body);
});

apiClasses.get("/:code/results.csv", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code, record } = teacher;
  const roster = await readRoster(c.env.SCORES, code, { origin: origin(c) });
  const { header, rows } = csvTable(record.itemIds, roster.entries, (id) => pack.itemById.get(id)?.verdict);
  return c.body(toCsv(header, rows), 200, {
    "content-type": "text/csv; charset=utf-8; header=present",
    "content-disposition": `attachment; filename="class-${code}-results.csv"`,
  });
});

apiClasses.post("/:code/close", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  const body = await readJson(c, CloseClassRequest);
  if (!body.ok) return body.response;
  if (!(await allowClassWrite(c.env, `class-teacher:${code}`))) return tooMany("Many changes to this class.");
  const closed = await closeClass(c.env.SCORES, code);
  await forgetClass(code, origin(c));
  return closed ? c.json(infoOf(c, closed)) : noClass(code);
});

apiClasses.delete("/:code/students/:id", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  const id = c.req.param("id");
  if (!isStudentId(id)) {
    return problem(404, "student-not-found", "No such student", {
      detail: "Student ids come from the dashboard.",
      field: "path.id",
    });
  }
  if (!(await allowClassWrite(c.env, `class-teacher:${code}`))) return tooMany("Many changes to this class.");
  const removed = await removeStudent(c.env.SCORES, code, id);
  await forgetClass(code, origin(c));
  if (!removed) {
    return problem(404, "student-not-found", "No such student", {
      detail: "This student is not in the class.",
      field: "path.id",
    });
  }
  return c.body(null, 204);
});

apiClasses.delete("/:code", async (c) => {
  const teacher = await asTeacher(c);
  if (teacher instanceof Response) return teacher;
  const { code } = teacher;
  if (!(await allowClassWrite(c.env, `class-teacher:${code}`))) return tooMany("Many changes to this class.");
  const deletedKeys = await deleteClass(c.env.SCORES, code);
  await forgetClass(code, origin(c));
  const body: ClassDeleted = { code, deletedKeys };
  return c.json(body);
});
