/**
 * @module class-room: the ClassRoom Durable Object (SQLite), the one writer of a class's live
 * state — the roster (names exact on their look-alike key, a class size, removed names), each
 * student's first answer to each statement, progress, and the finish, recorded once.
 *
 * Tables: `meta` (the expiry, once the alarm is set), `students` (one row per name key: `sid`,
 * the dashboard's student id), `answers` (attempt, item → "v"/"u"; INSERT OR IGNORE, so the first
 * stands), `results` (attempt → the finished result; `saved` once it is in KV, `lease` while a
 * request writes it there, so 30 finishes at once write each result to KV once), `gone` (attempts
 * the teacher removed: their finish is never stored, even after the name is allowed back).
 * The rules are pure, in domain/room.ts; the object only applies them inside its single thread.
 */
import { DurableObject } from "cloudflare:workers";
import type { AttemptResult, QuizState } from "../domain/quiz";
import { type JoinRefusal, joinDecision, recordedResult } from "../domain/room";
import type { Judgement } from "../domain/scoring";

// Created by the first join or finish (opened()), never by a read, so a deleted class stays empty.
const SCHEMA =
  "CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);" +
  "CREATE TABLE students (sid TEXT PRIMARY KEY, nick TEXT NOT NULL, attempt TEXT NOT NULL UNIQUE," +
  " joined INTEGER NOT NULL, answered INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0);" +
  "CREATE TABLE answers (attempt TEXT, item TEXT, answer TEXT NOT NULL, PRIMARY KEY (attempt, item)) WITHOUT ROWID;" +
  "CREATE TABLE results (attempt TEXT PRIMARY KEY, body TEXT NOT NULL, saved INTEGER DEFAULT 0, lease INTEGER DEFAULT 0);" +
  "CREATE TABLE gone (attempt TEXT PRIMARY KEY) WITHOUT ROWID;";

/** How long one request may take to write a result to KV before another may try. */
const SAVE_LEASE_MS = 30_000;

/** A finish as the object answers it: the result that counts, and whether this call must write it to KV. */
export type RoomFinish =
  | { ok: true; result: AttemptResult; first: boolean; save: boolean; joinedAt: number | null }
  | { ok: false; refused: "removed" };

type Row = Record<string, SqlStorageValue>;

export class ClassRoom extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** Whether the tables exist (known true once seen: only destroy() and the alarm drop them). */
  private ready = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
  }

  /** Whether the class has used its object yet (or since it was deleted); reading creates nothing. */
  private exists(): boolean {
    this.ready ||= this.sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'meta'").toArray().length > 0;
    return this.ready;
  }

  /** A join or finish creates the tables and sets the cleanup alarm (the class's expiry, 30 days on). */
  private async opened(expiresAt: number): Promise<void> {
    if (this.exists()) return;
    this.sql.exec(SCHEMA);
    this.sql.exec("INSERT INTO meta (k, v) VALUES ('expires', ?)", expiresAt);
    this.ready = true;
    await this.ctx.storage.setAlarm(expiresAt);
  }

  /** Joins a student under a name key, or says why not. */
  async join(
    cls: { expiresAt: number; size: number },
    s: { sid: string; nick: string; attemptId: string; now: number },
  ): Promise<JoinRefusal | null> {
    await this.opened(cls.expiresAt);
    const holder = this.sql.exec<Row>("SELECT removed FROM students WHERE sid = ?", s.sid).toArray()[0];
    const present = Number(this.sql.exec("SELECT COUNT(*) AS n FROM students WHERE removed = 0").one().n);
    const refusal = joinDecision(holder ? { removed: holder.removed === 1 } : null, present, cls.size);
    if (refusal) return refusal;
    this.sql.exec(
      "INSERT INTO students (sid, nick, attempt, joined) VALUES (?, ?, ?, ?)",
      s.sid,
      s.nick,
      s.attemptId,
      s.now,
    );
    return null;
  }

  /** Undoes a join whose KV record could not be written (nothing answered yet), so the name is free again. */
  unjoin(sid: string, attemptId: string): void {
    if (!this.exists()) return;
    this.sql.exec("DELETE FROM students WHERE sid = ? AND attempt = ? AND answered = 0", sid, attemptId);
  }

  /**
   * Records an answer unless the statement has one: returns the recorded answer and whether this
   * call recorded it. After the finish nothing new is recorded (`answer` null if there was none).
   * `kept: false`: the object holds nothing for this class (a class from before it, or deleted).
   */
  answer(
    attemptId: string,
    itemId: string,
    answer: "v" | "u",
  ): { answer: string | null; first: boolean; kept: boolean } {
    if (!this.exists()) return { answer: null, first: false, kept: false };
    const finished = this.sql.exec("SELECT 1 FROM results WHERE attempt = ?", attemptId).toArray().length > 0;
    const first =
      !finished &&
      this.sql.exec("INSERT OR IGNORE INTO answers (attempt, item, answer) VALUES (?, ?, ?)", attemptId, itemId, answer)
        .rowsWritten > 0;
    if (first) this.sql.exec("UPDATE students SET answered = answered + 1 WHERE attempt = ?", attemptId);
    const row = this.sql.exec<Row>("SELECT answer FROM answers WHERE attempt = ? AND item = ?", attemptId, itemId);
    const recorded = row.toArray()[0]?.answer;
    return { answer: typeof recorded === "string" ? recorded : null, first, kept: true };
  }

  /**
   * Finishes an attempt once, from the recorded answers; a later finish gets the recorded result.
   * `save` is true for the one caller that must write the result to KV now (then `saved`).
   */
  async finish(
    cls: { expiresAt: number },
    state: QuizState,
    verdicts: Record<string, Judgement>,
    now: number,
  ): Promise<RoomFinish> {
    await this.opened(cls.expiresAt);
    if (this.sql.exec("SELECT 1 FROM gone WHERE attempt = ?", state.id).toArray().length > 0) {
      return { ok: false, refused: "removed" };
    }
    const student = this.sql.exec<Row>("SELECT joined FROM students WHERE attempt = ?", state.id).toArray()[0];
    const joinedAt = typeof student?.joined === "number" ? student.joined : null;
    const stored = this.sql
      .exec<Row>("SELECT body, saved, lease FROM results WHERE attempt = ?", state.id)
      .toArray()[0];
    if (stored) {
      const save = stored.saved === 0 && Number(stored.lease) < now;
      if (save) this.sql.exec("UPDATE results SET lease = ? WHERE attempt = ?", now + SAVE_LEASE_MS, state.id);
      return { ok: true, result: JSON.parse(String(stored.body)) as AttemptResult, first: false, save, joinedAt };
    }
    const recorded = new Map<string, string>();
    for (const row of this.sql.exec<Row>("SELECT item, answer FROM answers WHERE attempt = ?", state.id)) {
      recorded.set(String(row.item), String(row.answer));
    }
    const result = recordedResult(state, recorded, verdicts, now);
    this.sql.exec(
      "INSERT INTO results (attempt, body, lease) VALUES (?, ?, ?)",
      state.id,
      JSON.stringify(result),
      now + SAVE_LEASE_MS,
    );
    return { ok: true, result, first: true, save: true, joinedAt };
  }

  /** The result is in KV (`done`: no later finish writes it again), or its write failed (the next may try). */
  saved(attemptId: string, done: boolean): void {
    if (!this.exists()) return;
    this.sql.exec("UPDATE results SET saved = ?, lease = 0 WHERE attempt = ?", done ? 1 : 0, attemptId);
  }

  /** The names the teacher removed, refused until allowed back. */
  removed(): { id: string; nickname: string }[] {
    if (!this.exists()) return [];
    return this.sql
      .exec<Row>("SELECT sid, nick FROM students WHERE removed = 1")
      .toArray()
      .map((r) => ({ id: String(r.sid), nickname: String(r.nick) }));
  }

  /** Removes a name: it stays refused, and its attempt's finish is not stored, until allowed back. */
  remove(sid: string): { attemptId: string } | null {
    if (!this.exists()) return null;
    const row = this.sql.exec<Row>("SELECT attempt FROM students WHERE sid = ? AND removed = 0", sid).toArray()[0];
    if (!row) return null;
    this.sql.exec("UPDATE students SET removed = 1 WHERE sid = ?", sid);
    this.sql.exec("INSERT OR IGNORE INTO gone (attempt) VALUES (?)", row.attempt);
    return { attemptId: String(row.attempt) };
  }

  /** Lets a removed name join again (a new attempt; the old one stays refused). */
  allowBack(sid: string): boolean {
    if (!this.exists()) return false;
    return this.sql.exec("DELETE FROM students WHERE sid = ? AND removed = 1", sid).rowsWritten > 0;
  }

  /** Deletes everything the object holds (the teacher deleted the class). */
  async destroy(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.ready = false;
  }

  /** 30 days after creation: the class is gone from KV too, so the object forgets it all. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.ready = false;
  }
}
