/**
 * @module class-errors: the refusals a student meets when joining a class — closed, a nickname
 * that cannot be used or is taken, a removed name, a full class — each with a clear message.
 */
import { type ClassRecord, classTitle } from "../domain/class";
import { DEFAULT_CLASS_SIZE, type JoinRefusal } from "../domain/room";
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

/**
 * The class's object refused a join: the name was removed by the teacher (403), or the class is
 * full (409). ("taken" is answered by the caller, which may try another generated name.)
 * @example throw joinRefused("full", record);
 */
export function joinRefused(refusal: Exclude<JoinRefusal, "taken">, record: ClassRecord): AppError {
  if (refusal === "removed") {
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
