/**
 * @module class-errors: the refusals a student meets when joining a class — closed, a nickname
 * that cannot be used or is taken, a removed name, a full class — each with a clear message.
 */
import { type ClassRecord, classTitle } from "../domain/class";
import { DEFAULT_CLASS_SIZE, type JoinOutcome } from "../domain/room";
import { AppError } from "./errors";

/**
 * A 403: the teacher has closed joining.
 * @example if (record.closed) throw classClosed(record);
 */
export function classClosed(record: ClassRecord): AppError {
  return new AppError(403, {
    slug: "class-closed",
    title: "This class is closed",
    detail: `${classTitle(record)} is not taking new students: your teacher has closed joining. If you should be in it, ask your teacher.`,
  });
}

/**
 * A 403: the teacher has ended the class (a join) — or a 409 for an answer to an ended class.
 * @example throw classEnded(record);
 */
export function classEnded(record: Pick<ClassRecord, "name" | "code">, status: 403 | 409 = 403): AppError {
  return new AppError(status, {
    slug: "class-ended",
    title: "This class has ended",
    detail:
      status === 403
        ? `Your teacher has ended ${classTitle(record)}: it takes no new students. If you were in it, type your code to get back in and see your result.`
        : `Your teacher has ended ${classTitle(record)}: it takes no more answers. Your result counts what you answered.`,
  });
}

/**
 * A 409: an attempt with nothing answered cannot be finished.
 * @example throw nothingAnswered();
 */
export function nothingAnswered(): AppError {
  return new AppError(409, {
    slug: "nothing-answered",
    title: "Nothing answered yet",
    detail: "Answer at least one statement before finishing.",
    field: "body.token",
  });
}

/**
 * A 409: the student waits for the teacher to admit them (a class whose teacher admits each name).
 * @example throw notAdmitted();
 */
export function notAdmitted(): AppError {
  return new AppError(409, {
    slug: "not-admitted",
    title: "Your teacher has not let you in yet",
    detail:
      "In this class the teacher admits each name. Wait until your teacher lets you in, then answer. Nothing was recorded.",
    field: "body.token",
  });
}

/**
 * A 409: the token was made before the teacher changed the class's settings in the lobby (the
 * statements or their order may have changed; nothing had been answered).
 * @example throw settingsChanged();
 */
export function settingsChanged(): AppError {
  return new AppError(409, {
    slug: "class-settings-changed",
    title: "Your teacher changed the class's settings",
    detail:
      "Your teacher changed the settings before the first answer. Get back in with your code (POST /api/v1/classes/{code}/students/back, or the class page) for your new statements. Nothing was recorded.",
    field: "body.token",
  });
}

/**
 * A nickname refusal on the form's nickname field.
 * @example throw badNickname(422, "invalid-nickname", "Type a nickname.");
 */
export function badNickname(status: 403 | 409 | 422, slug: string, message: string): AppError {
  return new AppError(status, {
    slug,
    title:
      status === 422
        ? "That nickname cannot be used"
        : status === 403
          ? "That name was removed"
          : "That nickname is taken",
    detail: message,
    field: "body.nickname",
  });
}

/** A refused join as the class's object answers it (never "taken": the caller tries another name). */
type Refused = Extract<JoinOutcome, { ok: false }>;

/**
 * The class's object refused a join: the name was removed by the teacher (403), the class is
 * full (409), or this address joined it too fast (429, with the seconds to wait).
 * @example throw joinRefused({ ok: false, refused: "full" }, record);
 */
export function joinRefused(refusal: Refused, record: ClassRecord): AppError {
  if (refusal.refused === "busy") {
    const seconds = refusal.retryAfterSeconds;
    return new AppError(429, {
      slug: "joins-too-fast",
      title: "Slow down a moment",
      detail: `Many students on your network are joining ${classTitle(record)} right now. Wait ${seconds === 1 ? "a second" : `${seconds} seconds`} and press Join again.`,
      headers: { "Retry-After": String(seconds) },
    });
  }
  if (refusal.refused === "ended") return classEnded(record);
  // Deleted while this join was on its way: as if there had been no such class.
  if (refusal.refused === "deleted") {
    return new AppError(404, {
      slug: "class-not-found",
      title: "No class with that code",
      detail: `No class has the code ${record.code}. Check it with your teacher.`,
      field: "path.code",
    });
  }
  if (refusal.refused === "removed") {
    return badNickname(
      403,
      "nickname-removed",
      "Your teacher removed this name from the class. Ask your teacher to let it back in, or pick another name.",
    );
  }
  const size = record.size ?? DEFAULT_CLASS_SIZE;
  return new AppError(409, {
    slug: "class-full",
    title: "This class is full",
    detail: `${classTitle(record)} has room for ${size} students, and all ${size} places are taken. Ask your teacher.`,
  });
}
