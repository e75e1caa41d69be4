/**
 * @module JSON shapes of the classroom responses (/api/v1/classes…), as zod/mini
 * schemas, and the classroom's route table: ./classes.ts registers each route from its entry,
 * and the OpenAPI document (openapi-document.ts) lists the same entries.
 */
import * as z from "zod/mini";
import { ClassDashboard } from "./class-dashboard-schema";
import {
  AdmitStudentsRequest,
  ChangeClassRequest,
  CloseClassRequest,
  CreateClassRequest,
  JoinClassRequest,
  PaceRequest,
  RejoinClassRequest,
  RemoveStudentsRequest,
} from "./class-requests";
import { about, ClassInfo, ClassPace, code, count, figure, isoTime } from "./class-schema-parts";
import { type ApiResponse, AttemptStarted, Problem, QuizStatement, type RouteTable } from "./schemas";

// The dashboard's shape has its own file; re-exported so the document names it.
export { ClassDashboard } from "./class-dashboard-schema";
// Request bodies live in ./class-requests.ts (bundled by the Worker); re-exported here so
// the OpenAPI document names them as components.
export {
  AdmitStudentsRequest,
  ChangeClassRequest,
  CloseClassRequest,
  CreateClassRequest,
  JoinClassRequest,
  PaceRequest,
  RejoinClassRequest,
  RemoveStudentsRequest,
} from "./class-requests";
export { ClassPace } from "./class-schema-parts";

// ---- Responses ---------------------------------------------------------------------------------

export { ClassInfo } from "./class-schema-parts";

/** 201 from POST /api/v1/classes */
export const ClassCreated = z.object({
  ...ClassInfo.shape,
  teacherKey: z
    .string()
    .check(
      about(
        "Shown this once: 192 random bits. Send it as `Authorization: Bearer <key>`; only its hash is stored, so it cannot be recovered.",
      ),
    ),
  qrSvg: z.string().check(about("An SVG image (with an accessible title) of a QR code holding joinUrl.")),
});
export type ClassCreated = z.infer<typeof ClassCreated>;

/** 201 from POST /api/v1/classes/{code}/students: a quiz attempt bound to the class. */
// A class plays the set its teacher's class drew (the same for every student): no public form.
const { form: _form, ...classStarted } = AttemptStarted.shape;

export const ClassJoined = z.object({
  ...classStarted,
  next: z
    .nullable(QuizStatement)
    .check(
      about(
        "The statement to answer first. Teacher-paced: the open one (a late joiner starts there; the missed ones count as not answered), else the one the teacher opens next; null after the last.",
      ),
    ),
  code,
  nickname: z.string().check(about("The student's nickname in the class (made up, if asked for).")),
  back: z
    .string()
    .check(
      about(
        "The student's code to get back in (POST …/students/back): the same row and answers on this or another device. Show it to the student; it is theirs alone.",
      ),
    ),
  waiting: z
    .boolean()
    .check(
      about(
        "The teacher admits each name and has not let this student in yet: answers get 409 not-admitted until then (POST …/students/back says it again).",
      ),
    ),
});
export type ClassJoined = z.infer<typeof ClassJoined>;

/** GET /api/v1/classes/{code}/students/{id}/code: one student's code, for the teacher to tell them. */
export const StudentCode = z.object({
  id: z.string().check(about("The student id from the dashboard.")),
  nickname: z.string(),
  back: z
    .nullable(z.string())
    .check(about("The student's code to get back in; null for a student who joined before codes existed.")),
});
export type StudentCode = z.infer<typeof StudentCode>;

/** 200 from POST …/students/remove and …/students/admit */
export const StudentsChanged = z.object({
  code,
  count: count("How many students were removed, or let in."),
});
export type StudentsChanged = z.infer<typeof StudentsChanged>;

/** One row of the board. */
export const BoardRow = z.object({
  rank: count("Competition rank: equal results (correct, then discernment) share a rank; no time tie-break."),
  tied: z.boolean().check(about("True when another student shares this rank.")),
  nickname: z.string(),
  correct: count("Correct answers."),
  answered: count("Statements answered (a student who stopped early is counted on these)."),
  discernment: figure("−1..1, two decimals."),
});
export type BoardRow = z.infer<typeof BoardRow>;

/** GET /api/v1/classes/{code}/board */
export const ClassBoard = z.object({
  code,
  name: z.string(),
  joined: count("Students who joined."),
  finished: count("Students who finished (or stopped early)."),
  listedAt: isoTime("When the students were listed; boards are reused for up to 20 seconds"),
  rows: z.array(BoardRow).check(about("Finished students, best first.")),
});
export type ClassBoard = z.infer<typeof ClassBoard>;

/** 200 from DELETE /api/v1/classes/{code} */
export const ClassDeleted = z.object({
  code,
  deletedKeys: count("KV keys deleted: the class record and every student's."),
});
export type ClassDeleted = z.infer<typeof ClassDeleted>;

// ---- The route table ---------------------------------------------------------------------------

const problemResponse = (description: string): ApiResponse => ({ description, schema: Problem });
const codeParam = {
  name: "code",
  in: "path" as const,
  required: true,
  description: "The join code; case and spaces are ignored.",
};
const teacherOnly = {
  "401": {
    ...problemResponse("No teacher key was sent (Authorization: Bearer <key>). Says nothing about the class."),
    headers: { "WWW-Authenticate": "Bearer" },
  },
  "403": problemResponse("The key does not open this class, or there is no such class: the same answer either way."),
};
const bodyProblems = {
  "400": problemResponse("Malformed JSON or a body that does not match the schema; `field` names the field at fault."),
  "413": problemResponse("The body is larger than 16 KB."),
  "415": problemResponse("The body was not sent as application/json."),
};
const limited = {
  ...problemResponse(
    "Too many requests in a short time: from this client address (creating classes, looking codes up, joining, a teacher's screens and changes), or to this class (a teacher's changes, presses and screens; see docs/COSTS.md).",
  ),
  headers: { "Retry-After": "Seconds to wait." },
};
const unavailable = problemResponse("No signing secret configured, or storage briefly unavailable. Retry later.");

export const classRoutes = {
  createClass: {
    method: "post",
    path: "/api/v1/classes",
    summary: "Create a class: join code, join URL, QR code and the teacher key (shown once)",
    tags: ["Classes"],
    requestBody: { description: "The teacher's options; all optional.", schema: CreateClassRequest },
    responses: {
      "201": { description: "The class. Store teacherKey now: it is never shown again.", schema: ClassCreated },
      ...bodyProblems,
      "429": limited,
      "503": unavailable,
    },
  },
  getClass: {
    method: "get",
    path: "/api/v1/classes/{code}",
    summary: "What a student needs before joining: name, open or closed, nickname mode",
    tags: ["Classes"],
    parameters: [codeParam],
    responses: {
      "200": { description: "The class.", schema: ClassInfo },
      "404": problemResponse("No class has this code (field path.code)."),
      "429": limited,
    },
  },
  joinClass: {
    method: "post",
    path: "/api/v1/classes/{code}/students",
    summary: "Join a class: a nickname and a quiz token for the class's statements",
    tags: ["Classes"],
    parameters: [codeParam],
    requestBody: { description: "A nickname, or generate: true.", schema: JoinClassRequest },
    responses: {
      "201": {
        description:
          "Joined. Play with POST /api/v1/attempts/answer and /finish using the token; the finished attempt is stored under the class.",
        schema: ClassJoined,
      },
      ...bodyProblems,
      "403": problemResponse("The teacher has closed joining (class-closed) or ended the class (class-ended)."),
      "404": problemResponse("No class has this code."),
      "409": problemResponse("The nickname, or a look-alike, is taken in this class; detail suggests another."),
      "422": problemResponse(
        "The nickname breaks a rule (length, hidden or stacked characters, a rude word) (field body.nickname).",
      ),
      "429": limited,
      "503": unavailable,
    },
  },
  rejoinClass: {
    method: "post",
    path: "/api/v1/classes/{code}/students/back",
    summary: "Back into a class with the student's code: the same row, answers and finish, on any device",
    tags: ["Classes"],
    parameters: [codeParam],
    requestBody: { description: "The student's code to get back in.", schema: RejoinClassRequest },
    responses: {
      "200": {
        description:
          "Back in: a fresh token for the same attempt, with the answers recorded so far (`answered`) and the next statement. Works after joining closed and after the class ended (finish to get the result).",
        schema: ClassJoined,
      },
      ...bodyProblems,
      "404": problemResponse(
        "No class has this code, or nobody in it has this code to get back in (field body.back; it names nobody).",
      ),
      "422": problemResponse("Not a code to get back in: 5 letters and numbers (field body.back)."),
      "429": limited,
      "503": unavailable,
    },
  },
  getClassBoard: {
    method: "get",
    path: "/api/v1/classes/{code}/board",
    summary: "The class board (if the teacher shows it, or with the teacher key)",
    tags: ["Classes"],
    parameters: [codeParam],
    responses: {
      "200": { description: "Finished students ranked by correct answers, then discernment.", schema: ClassBoard },
      "403": problemResponse("The teacher has not turned the board on (send the teacher key to see it anyway)."),
      "404": problemResponse("No class has this code."),
      "429": limited,
    },
  },
  getClassDashboard: {
    method: "get",
    path: "/api/v1/classes/{code}/dashboard",
    summary: "Teacher: every student's result, every item's share correct, the claims that fooled the class most",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    responses: { "200": { description: "The dashboard.", schema: ClassDashboard }, ...teacherOnly, "429": limited },
  },
  getClassCsv: {
    method: "get",
    path: "/api/v1/classes/{code}/results.csv",
    summary: "Teacher: the results as CSV (RFC 4180, UTF-8 with BOM, formula-safe)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    responses: {
      "200": {
        description: "One row per student, one column per statement (1 right, 0 wrong).",
        contentType: "text/csv",
      },
      ...teacherOnly,
      "429": limited,
    },
  },
  closeClass: {
    method: "post",
    path: "/api/v1/classes/{code}/close",
    summary: "Teacher: close joining (students already in can finish)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: { description: "Empty, or {}.", schema: CloseClassRequest },
    responses: {
      "200": { description: "The class, now closed.", schema: ClassInfo },
      ...bodyProblems,
      ...teacherOnly,
      "429": limited,
    },
  },
  startClass: {
    method: "post",
    path: "/api/v1/classes/{code}/start",
    summary: "Teacher: start the class (the students in the lobby go in; teacher-paced: opens the first statement)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: { description: "Empty, or {}.", schema: CloseClassRequest },
    responses: {
      "200": { description: "The class, now running (a second start changes nothing).", schema: ClassInfo },
      ...bodyProblems,
      ...teacherOnly,
      "429": limited,
    },
  },
  endClass: {
    method: "post",
    path: "/api/v1/classes/{code}/end",
    summary: "Teacher: end the class (every student still playing is finished with what they answered)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: { description: "Empty, or {}.", schema: CloseClassRequest },
    responses: {
      "200": {
        description:
          'The class, now "ended": joins get 403 and answers 409 (class-ended); each result was written once (a second end finishes nobody again).',
        schema: ClassInfo,
      },
      ...bodyProblems,
      ...teacherOnly,
      "429": limited,
    },
  },
  getStudentCode: {
    method: "get",
    path: "/api/v1/classes/{code}/students/{id}/code",
    summary: "Teacher: one student's code to get back in (to tell a student who lost it)",
    tags: ["Classes"],
    parameters: [
      codeParam,
      { name: "id", in: "path", required: true, description: "A student id from the dashboard." },
    ],
    security: "teacherKey",
    responses: {
      "200": { description: "The student's code.", schema: StudentCode },
      ...teacherOnly,
      "404": problemResponse("No such student in this class (field path.id)."),
      "429": limited,
    },
  },
  removeStudent: {
    method: "delete",
    path: "/api/v1/classes/{code}/students/{id}",
    summary: "Teacher: remove a nickname (refused until allowed back)",
    tags: ["Classes"],
    parameters: [
      codeParam,
      { name: "id", in: "path", required: true, description: "A student id from the dashboard." },
    ],
    security: "teacherKey",
    responses: {
      "204": { description: "Removed." },
      ...teacherOnly,
      "404": problemResponse("No such student in this class (field path.id)."),
      "429": limited,
    },
  },
  removeStudents: {
    method: "post",
    path: "/api/v1/classes/{code}/students/remove",
    summary: "Teacher: remove several nicknames at once, or refuse students waiting to be let in",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: { description: "The student ids to remove: all are removed, or none.", schema: RemoveStudentsRequest },
    responses: {
      "200": { description: "Removed (each refused until allowed back).", schema: StudentsChanged },
      ...bodyProblems,
      ...teacherOnly,
      "404": problemResponse(
        "One of the ids is not in the class (any more): nothing was removed (field body.students).",
      ),
      "429": limited,
    },
  },
  admitStudents: {
    method: "post",
    path: "/api/v1/classes/{code}/students/admit",
    summary: "Teacher: let students waiting to be admitted into the class (a class with admit: true)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: { description: 'Ids from `waiting`, or "all".', schema: AdmitStudentsRequest },
    responses: {
      "200": { description: "Let in: their answers are taken from now on.", schema: StudentsChanged },
      ...bodyProblems,
      ...teacherOnly,
      "404": problemResponse("One of the ids is not waiting (any more): nobody was let in (field body.students)."),
      "429": limited,
    },
  },
  changeClass: {
    method: "patch",
    path: "/api/v1/classes/{code}",
    summary: "Teacher: change the class's settings, until the first answer",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: {
      description:
        "Any of the options of creating a class; absent ones stay as they are. Students already in keep their names and codes; their next page (or POST …/students/back) gives them a token for the new settings.",
      schema: ChangeClassRequest,
    },
    responses: {
      "200": { description: "The class with its new settings.", schema: ClassInfo },
      ...bodyProblems,
      ...teacherOnly,
      "409": problemResponse(
        "A student has answered (class-started: the settings stay), the class has ended (class-ended), or more students are in than the new size (size-below-joined, field body.size).",
      ),
      "429": limited,
    },
  },
  allowStudentBack: {
    method: "post",
    path: "/api/v1/classes/{code}/students/{id}/allow-back",
    summary: "Teacher: let a removed nickname join again",
    tags: ["Classes"],
    parameters: [codeParam, { name: "id", in: "path", required: true, description: "An id from `removed`." }],
    security: "teacherKey",
    requestBody: { description: "Empty, or {}.", schema: CloseClassRequest },
    responses: {
      "204": { description: "Allowed back." },
      ...bodyProblems,
      ...teacherOnly,
      "404": problemResponse("No such removed name."),
      "429": limited,
    },
  },
  getClassPace: {
    method: "get",
    path: "/api/v1/classes/{code}/pace",
    summary: "Where a teacher-paced class is (anyone with the code)",
    tags: ["Classes"],
    parameters: [codeParam],
    responses: {
      "200": { description: "The pace.", schema: ClassPace },
      "404": problemResponse("No class with that code."),
      "409": problemResponse("The class is student-paced."),
      "429": limited,
    },
  },
  moveClassPace: {
    method: "post",
    path: "/api/v1/classes/{code}/pace",
    summary:
      "Teacher: open the next statement, close the open one, or show a closed one's answer (teacher-paced classes)",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    requestBody: {
      description:
        "The press, and the pace you last saw: it applies only if the class is still there, so a retry or a second client never skips a statement (the response is then the pace unchanged).",
      schema: PaceRequest,
    },
    responses: {
      "200": { description: "The pace now.", schema: ClassPace },
      ...bodyProblems,
      ...teacherOnly,
      "409": problemResponse("The class is student-paced."),
      "429": limited,
    },
  },
  deleteClass: {
    method: "delete",
    path: "/api/v1/classes/{code}",
    summary: "Teacher: delete the class and all its results at once",
    tags: ["Classes"],
    parameters: [codeParam],
    security: "teacherKey",
    responses: { "200": { description: "Deleted.", schema: ClassDeleted }, ...teacherOnly, "429": limited },
  },
} satisfies RouteTable;
