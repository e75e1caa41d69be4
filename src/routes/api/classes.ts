/**
 * @module Classroom mode as JSON under /api/v1/classes: create, look up, join, board,
 * and the teacher's dashboard, CSV, close, remove and delete (Bearer teacher key).
 *
 * Students who join get an ordinary quiz token bound to the class: they answer and
 * finish with POST /api/v1/attempts/answer and /finish, like any quiz client.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { ClassRecord } from "../../domain/class";
import { answeredCount, isFinished, type QuizState } from "../../domain/quiz";
import { classPhase } from "../../domain/room";
import { checkOptions, createClass } from "../../services/class-create";
import { classPace, classStatus, endClass, startClass } from "../../services/class-live";
import { admitStudents, changeSettings, removeStudents } from "../../services/class-lobby";
import { boardOf, dashboardOf, resultsCsv } from "../../services/class-results";
import { infoOf, joinClass, lookUpClass, rejoinClass, rejoinCodeFor } from "../../services/classes";
import { AppError } from "../../services/errors";
import { nextStatement } from "../../services/quiz";
import { expiresAt } from "../../services/quiz-token";
import {
  allowBack,
  asTeacher,
  closeJoining,
  deleteWholeClass,
  keyOpens,
  noSuchStudent,
  removeFromClass,
} from "../../services/teacher-auth";
import { renderQrSvg } from "../../views/class-qr";
import type { AppEnv, SecretEnv } from "../env";
import { changeLimit, clientAddress, noStore, originOf, requireSecret, screenLimit } from "../middleware";
import {
  type ClassBoard,
  type ClassCreated,
  type ClassDashboard,
  type ClassDeleted,
  type ClassInfo,
  type ClassJoined,
  type ClassPace,
  classRoutes,
  type StudentCode,
  type StudentsChanged,
} from "./class-schemas";
import { routeTable } from "./route-table";

export const apiClasses = new Hono<SecretEnv>();
const on = routeTable(apiClasses, "/api/v1/classes");

// Class responses are personal or live: never cached by browsers or proxies.
apiClasses.use(noStore());
const secret = requireSecret("classes-unavailable", "Classes are unavailable");
// A teacher's changes (and a student's code): limited per address too (the class's own limit is per
// class). Registered before the routes, so it runs first.
apiClasses.on("POST", ["/:code/close", "/:code/students/:id/allow-back"], changeLimit());
apiClasses.on("DELETE", ["/:code", "/:code/students/:id"], changeLimit());

/** The key from `Authorization: Bearer <key>`, or null. */
function bearerKey(c: Context): string | null {
  const match = /^Bearer[ ]+(\S{1,200})\s*$/i.exec(c.req.header("authorization") ?? "");
  return match?.[1] ?? null;
}

/** The class whose teacher key came as the Bearer token: 401 without one, 403 when it does not open it. */
const teacherOf = <E extends AppEnv>(c: Context<E>) =>
  asTeacher(c.env, clientAddress(c), c.req.param("code"), { key: bearerKey(c) });

/** Teacher routes with a body check the key first: without it, a body's problems are nobody's business. */
const teacherFirst = createMiddleware<AppEnv & { Variables: { teacher: ClassRecord } }>(async (c, next) => {
  c.set("teacher", await teacherOf(c));
  await next();
});

/** A join's or a rejoin's answer: the attempt, its token and where it is. */
function joinedBody(p: {
  state: QuizState;
  token: string;
  next: ClassJoined["next"];
  record: ClassRecord;
  nick: string;
  back: string;
  waiting: boolean;
}): ClassJoined {
  return {
    attemptId: p.state.id,
    packVersion: p.state.pack,
    token: p.token,
    expiresAt: new Date(expiresAt(p.state) * 1000).toISOString(),
    total: p.state.items.length,
    answered: answeredCount(p.state),
    next: p.next,
    code: p.record.code,
    nickname: p.nick,
    back: p.back,
    waiting: p.waiting,
  };
}

on(classRoutes.createClass, secret, async (c) => {
  const options = checkOptions(c.req.valid("json"));
  // Before anything is written: without a public address there is no join link (a 503 writes nothing).
  const origin = originOf(c);
  const { record, key } = await createClass(c.env, clientAddress(c), options);
  // A new class waits in its lobby unless it was made to start on joining.
  const info = infoOf(record, origin, classPhase(record, null));
  const qrSvg = renderQrSvg(info.joinUrl, `QR code that opens ${info.joinUrl}`);
  const created: ClassCreated = { ...info, teacherKey: key, qrSvg };
  return c.json(created, 201, { Location: `/api/v1/classes/${record.code}` });
});

on(classRoutes.getClass, async (c) => {
  const record = await lookUpClass(c.env, clientAddress(c), c.req.param("code"));
  const { phase } = await classStatus(c.env, record);
  const info: ClassInfo = infoOf(record, originOf(c), phase);
  return c.json(info);
});

on(classRoutes.joinClass, secret, async (c) => {
  const body = c.req.valid("json");
  const input = {
    client: clientAddress(c),
    code: c.req.param("code"),
    nickname: body.nickname,
    generate: body.generate === true,
  };
  const { state, token, nick, record, pace, back, waiting } = await joinClass(c.env, c.var.secret, input);
  // Teacher-paced: the open statement (a late joiner starts there), or null until one opens.
  const next = await nextStatement(c.env, state, pace);
  if (!next && !record.paced) throw new Error("A new class attempt has no first item.");
  return c.json(joinedBody({ state, token, next, record, nick, back, waiting }), 201);
});

on(classRoutes.rejoinClass, secret, async (c) => {
  const input = { client: clientAddress(c), code: c.req.param("code"), back: c.req.valid("json").back };
  const { state, token, nick, record, phase, waiting } = await rejoinClass(c.env, c.var.secret, input);
  // Teacher-paced: the open statement; finished or ended: none (finish to get the result).
  const pace = record.paced && phase !== "ended" ? (await classStatus(c.env, record)).pace : null;
  const next = isFinished(state) || phase === "ended" ? null : await nextStatement(c.env, state, pace);
  return c.json(joinedBody({ state, token, next, record, nick, back: state.class?.back ?? "", waiting }));
});

on(classRoutes.getClassBoard, async (c) => {
  const record = await lookUpClass(c.env, clientAddress(c), c.req.param("code"));
  const key = bearerKey(c);
  if (!record.board && !(key && (await keyOpens(key, record)))) {
    throw new AppError(403, {
      slug: "board-hidden",
      title: "The board is not shown to students",
      detail: "The teacher has not turned the class board on. With the teacher key, send Authorization: Bearer <key>.",
    });
  }
  const board: ClassBoard = await boardOf(c.env, record, originOf(c));
  return c.json(board);
});

on(classRoutes.getClassPace, async (c) => {
  const pace: ClassPace = await classPace(c.env, await lookUpClass(c.env, clientAddress(c), c.req.param("code")));
  return c.json(pace);
});

// ---- Teacher only ---------------------------------------------------------------------------------

on(classRoutes.moveClassPace, teacherFirst, async (c) => {
  const record = c.var.teacher;
  const { action, step, shut } = c.req.valid("json");
  const pace: ClassPace = await classPace(c.env, record, { seen: { step, shut }, action, client: clientAddress(c) });
  return c.json(pace);
});

on(classRoutes.getClassDashboard, screenLimit(), async (c) => {
  const dashboard: ClassDashboard = await dashboardOf(c.env, await teacherOf(c), originOf(c));
  return c.json(dashboard);
});

on(classRoutes.getClassCsv, screenLimit(), async (c) => {
  const { body, headers } = await resultsCsv(c.env, await teacherOf(c), originOf(c));
  return c.body(body, 200, headers);
});

on(classRoutes.closeClass, teacherFirst, async (c) => {
  const record = c.var.teacher;
  const closed = await closeJoining(c.env, record, originOf(c));
  const { phase } = await classStatus(c.env, record);
  const info: ClassInfo = infoOf(closed, originOf(c), phase);
  return c.json(info);
});

on(classRoutes.startClass, teacherFirst, async (c) => {
  const record = c.var.teacher;
  const info: ClassInfo = infoOf(record, originOf(c), await startClass(c.env, clientAddress(c), record));
  return c.json(info);
});

on(classRoutes.endClass, teacherFirst, async (c) => {
  const record = c.var.teacher;
  await endClass(c.env, clientAddress(c), record);
  const info: ClassInfo = infoOf(record, originOf(c), "ended");
  return c.json(info);
});

on(classRoutes.getStudentCode, changeLimit(), async (c) => {
  const record = await teacherOf(c);
  const id = c.req.param("id");
  const found = await rejoinCodeFor(c.env, record, id);
  if (!found) throw noSuchStudent(id);
  const code: StudentCode = { id, nickname: found.nick, back: found.back };
  return c.json(code);
});

on(classRoutes.changeClass, teacherFirst, async (c) => {
  const changed = await changeSettings(c.env, c.var.teacher, c.req.valid("json"), originOf(c));
  const { phase } = await classStatus(c.env, changed);
  const info: ClassInfo = infoOf(changed, originOf(c), phase);
  return c.json(info);
});

/** The teacher's answer to removing or admitting several students: the class and how many. */
const changedCount = (record: ClassRecord, count: number): StudentsChanged => ({ code: record.code, count });

on(classRoutes.removeStudents, teacherFirst, async (c) => {
  const { students } = c.req.valid("json");
  return c.json(changedCount(c.var.teacher, await removeStudents(c.env, c.var.teacher, students, originOf(c))));
});

on(classRoutes.admitStudents, teacherFirst, async (c) => {
  const { students } = c.req.valid("json");
  return c.json(changedCount(c.var.teacher, await admitStudents(c.env, c.var.teacher, students, originOf(c))));
});

on(classRoutes.removeStudent, async (c) => {
  await removeFromClass(c.env, await teacherOf(c), c.req.param("id"), originOf(c));
  return c.body(null, 204);
});

on(classRoutes.allowStudentBack, teacherFirst, async (c) => {
  const record = c.var.teacher;
  await allowBack(c.env, record, c.req.param("id"));
  return c.body(null, 204);
});

on(classRoutes.deleteClass, async (c) => {
  const record = await teacherOf(c);
  const deleted: ClassDeleted = { code: record.code, deletedKeys: await deleteWholeClass(c.env, record, originOf(c)) };
  return c.json(deleted);
});
