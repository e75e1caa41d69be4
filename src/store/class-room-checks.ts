/**
 * @module class-room-checks: the check-in and check-out rows of a class's Durable Object (table
 * `checks`, schema 5), read and written inside the object's single thread (class-room.ts calls
 * these). The first take of each phase stands, as a first answer does.
 */
import type { CheckPhase, CheckTake } from "../domain/check-change";

type Row = Record<string, SqlStorageValue>;

/** A take as the object keeps it, with whose it is. */
export interface RoomCheck extends CheckTake {
  attempt: string;
  phase: CheckPhase;
}

/** Where a student stands for their check-in or check-out, as the object holds it. */
export interface RoomCheckSeat {
  /** Their place in the join order, 1 for the first to join: it decides which form they play first. */
  turn: number;
  /** How many of the class's statements they have answered (a check-in comes before the first). */
  answered: number;
  finished: boolean;
  removed: boolean;
  waiting: boolean;
  takes: RoomCheck[];
}

/** Why a take was not recorded. */
export type CheckRefusal = "not-in-class" | "removed" | "waiting" | "not-started" | "too-late" | "not-finished";

function takeOf(r: Row): RoomCheck {
  return {
    attempt: String(r.attempt),
    phase: r.phase === "out" ? "out" : "in",
    items: JSON.parse(String(r.items)) as string[],
    answers: String(r.answers),
    estimate: typeof r.estimate === "number" ? r.estimate : null,
  };
}

/**
 * A student's place for their checks (null: not in the class). The turn is the row's rowid: rows
 * are numbered in join order and never renumbered (a removed name keeps its row).
 */
export function checkSeat(sql: SqlStorage, attemptId: string): RoomCheckSeat | null {
  const row = sql
    .exec<Row>("SELECT rowid AS turn, answered, removed, waiting FROM students WHERE attempt = ?", attemptId)
    .toArray()[0];
  if (!row) return null;
  const finished = sql.exec("SELECT 1 FROM results WHERE attempt = ?", attemptId).toArray().length > 0;
  const takes = sql.exec<Row>("SELECT * FROM checks WHERE attempt = ?", attemptId).toArray().map(takeOf);
  return {
    turn: Number(row.turn),
    answered: Number(row.answered),
    finished,
    removed: row.removed === 1,
    waiting: row.waiting === 1,
    takes,
  };
}

/**
 * Records a take (the first of its phase stands): a check-in only before the student's first answer,
 * once the class runs; a check-out only after their finish. Returns the take that counts.
 */
export function recordCheck(
  sql: SqlStorage,
  take: RoomCheck,
  running: boolean,
  now: number,
): { ok: true; take: RoomCheck; first: boolean } | { ok: false; refused: CheckRefusal } {
  const seat = checkSeat(sql, take.attempt);
  if (!seat) return { ok: false, refused: "not-in-class" };
  if (seat.removed) return { ok: false, refused: "removed" };
  const held = seat.takes.find((t) => t.phase === take.phase);
  if (held) return { ok: true, take: held, first: false };
  if (seat.waiting) return { ok: false, refused: "waiting" };
  if (take.phase === "in" && !running) return { ok: false, refused: "not-started" };
  if (take.phase === "in" && seat.answered > 0) return { ok: false, refused: "too-late" };
  if (take.phase === "out" && !seat.finished) return { ok: false, refused: "not-finished" };
  sql.exec(
    "INSERT INTO checks (attempt, phase, items, answers, estimate, at) VALUES (?, ?, ?, ?, ?, ?)",
    take.attempt,
    take.phase,
    JSON.stringify(take.items),
    take.answers,
    take.estimate,
    now,
  );
  sql.exec("UPDATE students SET seen = ? WHERE attempt = ?", now, take.attempt);
  return { ok: true, take, first: true };
}

/** Every present student's takes, for the dashboard. */
export function presentChecks(sql: SqlStorage): RoomCheck[] {
  return sql
    .exec<Row>("SELECT c.* FROM checks c JOIN students s ON s.attempt = c.attempt AND s.removed = 0 ORDER BY c.at")
    .toArray()
    .map(takeOf);
}

/** Whether any take is recorded: the settings (and so the forms) can no longer change. */
export function anyCheck(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM checks LIMIT 1").toArray().length > 0;
}
