/**
 * @module class-room: the ClassRoom Durable Object (SQLite), the one writer of a class's live
 * state — the roster (names exact on their look-alike key, a class size, removed names), each
 * student's first answer to each statement, progress, and the finish, recorded once.
 *
 * Tables: `meta` (the expiry; `gate` for a class with a lobby and `started` once the teacher
 * started it; a teacher-paced class's `step`, `shut` and `shown`), `students` (one row per name key: `sid`,
 * the dashboard's student id), `answers` (attempt, item → "v"/"u"; INSERT OR IGNORE, so the first
 * stands), `results` (attempt → the finished result; `saved` once it is in KV, `lease` while a
 * request writes it there, so 30 finishes at once write each result to KV once), `gone` (attempts
 * the teacher removed: their finish is never stored, even after the name is allowed back).
 * The rules are pure, in domain/room.ts and domain/pace.ts; the object only applies them inside its
 * single thread. Screens follow the class over WebSockets (the Hibernation API: an idle socket costs
 * no duration); every change sends each of them one short message,
 * `{"v":…,"step":…,"shut":…,"shown":…,"phase":…}`, which names nobody, so any page of the class may
 * listen: a waiting phone moves on only when the pace or phase differs from its page's, and the
 * teacher's screens fetch their page again.
 */
import { DurableObject } from "cloudflare:workers";
import { newRejoinCode } from "../domain/ids";
import { type JoinBucket, takeJoin } from "../domain/join-bucket";
import { NOT_STARTED, nextPace, type Pace, type PaceAction } from "../domain/pace";
import { signSignal } from "../domain/pace-signal";
import { type AttemptResult, newAttemptState, type QuizState } from "../domain/quiz";
import {
  type ClassPhase,
  type JoinOutcome,
  joinDecision,
  phaseOf,
  type RoomView,
  recordedResult,
  type Tally,
} from "../domain/room";
import type { Judgement } from "../domain/scoring";
import { MIN_SECRET_LENGTH } from "../domain/token";
import { MIGRATE_2, MIGRATE_4, RETALLY, SCHEMA, TALLY } from "./class-room-sql";
import { remember } from "./roster-cache";

/** How long one request may take to write a result to KV before another may try. */
const SAVE_LEASE_MS = 30_000;

/** A student back with their code: what the service needs to give them their attempt again. */
export interface RoomReturn {
  sid: string;
  nick: string;
  attempt: string;
  joined: number;
  /** Their order of statements (null for a student who joined before the object kept it). */
  items: string[] | null;
  /** Each recorded answer by item id: "v" or "u". */
  answers: Record<string, string>;
  /** How sure they said they were, by item id: "s", "f" or "g" (absent: not said). */
  confidences: Record<string, string>;
  /** Their self-estimate, kept with their first answer (null: none kept). */
  estimate: number | null;
  result: AttemptResult | null;
  phase: ClassPhase;
  pace: Pace;
}

/** A finish as the object answers it: the result that counts, and whether this call must write it to KV. */
export type RoomFinish =
  | { ok: true; result: AttemptResult; first: boolean; save: boolean; joinedAt: number | null }
  | { ok: false; refused: "removed" | "empty" };

type Row = Record<string, SqlStorageValue>;

/** Most screens following one class at once (a class of 200, a projector, a dashboard, spare tabs). */
export const MAX_SOCKETS = 250;

/** Addresses whose join bucket the object keeps (an older one dropped is a full bucket again: harmless). */
const MAX_BUCKETS = 1000;

export class ClassRoom extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** Whether the tables exist (known true once seen: only destroy() and the alarm drop them). */
  private ready = false;
  /**
   * Each address's join bucket (domain/join-bucket.ts), in memory only: an object evicted after
   * seconds without requests forgets them, by when every bucket has refilled anyway.
   */
  private readonly buckets = new Map<string, JoinBucket>();
  /** The socket messages still being signed, in order (see tell()). */
  private telling: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** Whether the class has used its object yet (or since it was deleted); reading creates nothing. */
  private exists(): boolean {
    if (this.ready) return true;
    const tables = this.sql.exec("SELECT name FROM sqlite_master WHERE name IN ('meta', 'tally')").toArray();
    // A class opened before the tally table existed gets it, counted from its answers, once.
    if (tables.length === 1) this.sql.exec(TALLY + RETALLY);
    this.ready = tables.length > 0;
    if (this.ready) this.migrate();
    return this.ready;
  }

  /**
   * Brings the tables to the latest schema, one step at a time and once each (meta `schema` says
   * which the class has; none: the first). Each later schema adds its step in order:
   * `if (schema < 3) …; if (schema < 4) …`.
   */
  private migrate(): void {
    const row = this.sql.exec<Row>("SELECT v FROM meta WHERE k = 'schema'").toArray()[0];
    const schema = row ? Number(row.v) : 1;
    // Rejoin codes and "away".
    if (schema < 2) this.sql.exec(MIGRATE_2);
    // Confidences and the self-estimate.
    if (schema < 4) this.sql.exec(MIGRATE_4);
  }

  /** A join or finish creates the tables and sets the cleanup alarm (the class's expiry, 30 days on). */
  private async opened(expiresAt: number): Promise<void> {
    if (this.exists()) return;
    this.sql.exec(SCHEMA);
    this.migrate();
    this.sql.exec("INSERT INTO meta (k, v) VALUES ('expires', ?)", expiresAt);
    this.ready = true;
    await this.ctx.storage.setAlarm(expiresAt);
  }

  /**
   * Joins a student under a name key, or says why not; the pace and phase come back so a late
   * joiner starts at the open statement, an early one waits in the lobby. `client`: the address,
   * whose joins to this class are paced by a bucket. `cls.gated`: the class has a lobby (the
   * first join records it, so later answers wait for the teacher's Start). `items`: the student's
   * order of statements, kept so a rejoin or the teacher's end can rebuild the attempt. The student
   * gets a code to get back in, unique in the class.
   */
  async join(
    cls: { expiresAt: number; size: number; gated: boolean },
    s: { sid: string; nick: string; attemptId: string; now: number; client: string; items: readonly string[] },
  ): Promise<JoinOutcome> {
    const taken = takeJoin(this.buckets.get(s.client), s.now);
    remember(this.buckets, s.client, taken.bucket, MAX_BUCKETS);
    if (!taken.ok) return { ok: false, refused: "busy", retryAfterSeconds: taken.retryAfterSeconds };
    await this.opened(cls.expiresAt);
    if (this.phase() === "ended") return { ok: false, refused: "ended" };
    if (cls.gated) this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('gate', 1)");
    const holder = this.sql.exec<Row>("SELECT removed FROM students WHERE sid = ?", s.sid).toArray()[0];
    const present = Number(this.sql.exec("SELECT COUNT(*) AS n FROM students WHERE removed = 0").one().n);
    const refusal = joinDecision(holder ? { removed: holder.removed === 1 } : null, present, cls.size);
    if (refusal) return { ok: false, refused: refusal };
    const back = this.freshRejoinCode();
    this.sql.exec(
      "INSERT INTO students (sid, nick, attempt, joined, items, back, seen) VALUES (?, ?, ?, ?, ?, ?, ?)",
      s.sid,
      s.nick,
      s.attemptId,
      s.now,
      JSON.stringify(s.items),
      back,
      s.now,
    );
    this.tell();
    return { ok: true, pace: this.pace(), phase: this.phase(), back };
  }

  /** A rejoin code no student of this class has (a clash is one in 28.6 million per student). */
  private freshRejoinCode(): string {
    for (;;) {
      const code = newRejoinCode();
      if (this.sql.exec("SELECT 1 FROM students WHERE back = ?", code).toArray().length === 0) return code;
    }
  }

  /**
   * A student back in with their code (on this or another device): their attempt as recorded —
   * the order of statements, the answers, the finish if there is one — or null for a code no
   * present student has (a removed student's code opens nothing). The row is seen again.
   */
  rejoin(back: string, now: number): RoomReturn | null {
    if (!this.exists()) return null;
    const row = this.sql
      .exec<Row>("SELECT sid, nick, attempt, joined, items FROM students WHERE back = ? AND removed = 0", back)
      .toArray()[0];
    if (!row) return null;
    const attempt = String(row.attempt);
    this.sql.exec("UPDATE students SET seen = ? WHERE attempt = ?", now, attempt);
    const answers = Object.fromEntries(this.recorded(attempt));
    const said = this.said(attempt);
    const body = this.sql.exec<Row>("SELECT body FROM results WHERE attempt = ?", attempt).toArray()[0]?.body;
    this.tell();
    return {
      sid: String(row.sid),
      nick: String(row.nick),
      attempt,
      joined: Number(row.joined),
      items: typeof row.items === "string" ? (JSON.parse(row.items) as string[]) : null,
      answers,
      confidences: Object.fromEntries(said.confidences),
      estimate: said.estimate,
      result: typeof body === "string" ? (JSON.parse(body) as AttemptResult) : null,
      phase: this.phase(),
      pace: this.pace(),
    };
  }

  /** A present student's code to get back in, for their teacher to read out (null: no such student). */
  rejoinCodeOf(sid: string): { nick: string; back: string | null } | null {
    if (!this.exists()) return null;
    const row = this.sql.exec<Row>("SELECT nick, back FROM students WHERE sid = ? AND removed = 0", sid).toArray()[0];
    if (!row) return null;
    return { nick: String(row.nick), back: typeof row.back === "string" ? row.back : null };
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
   * `lobby`: the class waits for the teacher's Start, so nothing is recorded yet.
   * `at`: in a teacher-paced class, the statement's place; nothing is recorded unless it is the
   * open one (`closed`: it is not), and `pace` says where the class is.
   * `said`: how sure the student is ("s", "f", "g"), kept with the answer, and their self-estimate,
   * kept with their first answer only (it is asked before the first statement); `confidence`
   * comes back as recorded (null: not said), like the answer.
   */
  answer(
    attemptId: string,
    itemId: string,
    answer: "v" | "u",
    at?: number,
    said: { confidence?: "s" | "f" | "g"; estimate?: number } = {},
  ): {
    answer: string | null;
    confidence?: string | null;
    first: boolean;
    kept: boolean;
    closed?: boolean;
    lobby?: true;
    ended?: true;
    pace?: Pace;
  } {
    if (!this.exists()) return { answer: null, first: false, kept: false };
    const phase = this.phase();
    if (phase === "lobby" && at === undefined) return { answer: null, first: false, kept: true, lobby: true };
    if (phase === "ended") return { answer: null, first: false, kept: true, ended: true };
    const finished = this.sql.exec("SELECT 1 FROM results WHERE attempt = ?", attemptId).toArray().length > 0;
    const pace = at === undefined ? null : this.pace();
    const closed = pace !== null && (pace.step !== at || pace.shut);
    const first =
      !finished &&
      !closed &&
      this.sql.exec(
        "INSERT OR IGNORE INTO answers (attempt, item, answer, confidence) VALUES (?, ?, ?, ?)",
        attemptId,
        itemId,
        answer,
        said.confidence ?? null,
      ).rowsWritten > 0;
    if (first) {
      if (said.estimate !== undefined) {
        this.sql.exec(
          "UPDATE students SET estimate = ? WHERE attempt = ? AND answered = 0 AND estimate IS NULL",
          said.estimate,
          attemptId,
        );
      }
      this.sql.exec("UPDATE students SET answered = answered + 1, seen = ? WHERE attempt = ?", Date.now(), attemptId);
      const [v, u] = answer === "v" ? [1, 0] : [0, 1];
      this.sql.exec(
        "INSERT INTO tally VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET v = v + ?, u = u + ?",
        itemId,
        v,
        u,
        v,
        u,
      );
      this.tell();
    }
    const row = this.sql
      .exec<Row>("SELECT answer, confidence FROM answers WHERE attempt = ? AND item = ?", attemptId, itemId)
      .toArray()[0];
    const held = typeof row?.answer === "string" ? row.answer : null;
    const confidence = typeof row?.confidence === "string" ? row.confidence : null;
    return { answer: held, confidence, first, kept: true, closed, ...(pace ? { pace } : {}) };
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
    const result = recordedResult(state, this.recorded(state.id), verdicts, now, this.said(state.id));
    // Nothing answered by the token or recorded here: nothing to finish (the caller says so).
    if (!/[vu]/.test(result.answers)) return { ok: false, refused: "empty" };
    this.sql.exec("UPDATE students SET seen = ? WHERE attempt = ?", now, state.id);
    this.sql.exec(
      "INSERT INTO results (attempt, body, lease) VALUES (?, ?, ?)",
      state.id,
      JSON.stringify(result),
      now + SAVE_LEASE_MS,
    );
    this.tell();
    return { ok: true, result, first: true, save: true, joinedAt };
  }

  /** An attempt's recorded answers, by item id: "v" or "u". */
  private recorded(attemptId: string): Map<string, string> {
    const recorded = new Map<string, string>();
    for (const row of this.sql.exec<Row>("SELECT item, answer FROM answers WHERE attempt = ?", attemptId)) {
      recorded.set(String(row.item), String(row.answer));
    }
    return recorded;
  }

  /** What an attempt said besides its answers: each recorded confidence by item id, and the self-estimate kept. */
  private said(attemptId: string): { confidences: Map<string, string>; estimate: number | null } {
    const confidences = new Map<string, string>();
    const rows = this.sql.exec<Row>(
      "SELECT item, confidence FROM answers WHERE attempt = ? AND confidence IS NOT NULL",
      attemptId,
    );
    for (const row of rows) confidences.set(String(row.item), String(row.confidence));
    const student = this.sql.exec<Row>("SELECT estimate FROM students WHERE attempt = ?", attemptId).toArray()[0];
    return { confidences, estimate: typeof student?.estimate === "number" ? student.estimate : null };
  }

  /** The result is in KV (`done`: no later finish writes it again), or its write failed (the next may try). */
  saved(attemptId: string, done: boolean): void {
    if (!this.exists()) return;
    this.sql.exec("UPDATE results SET saved = ?, lease = 0 WHERE attempt = ?", done ? 1 : 0, attemptId);
  }

  /** Several results: those in KV (`done`), and those whose writes failed (the next end or finish may try). */
  savedMany(done: readonly string[], failed: readonly string[]): void {
    for (const id of done) this.saved(id, true);
    for (const id of failed) this.saved(id, false);
  }

  /** Removes a name: it stays refused, and its attempt's finish is not stored, until allowed back. */
  remove(sid: string): { attemptId: string } | null {
    if (!this.exists()) return null;
    const row = this.sql.exec<Row>("SELECT attempt FROM students WHERE sid = ? AND removed = 0", sid).toArray()[0];
    if (!row) return null;
    this.sql.exec("UPDATE students SET removed = 1 WHERE sid = ?", sid);
    this.sql.exec("INSERT OR IGNORE INTO gone (attempt) VALUES (?)", row.attempt);
    this.sql.exec(RETALLY);
    this.tell();
    return { attemptId: String(row.attempt) };
  }

  /** Lets a removed name join again (a new attempt; the old one stays refused). */
  allowBack(sid: string): boolean {
    if (!this.exists()) return false;
    const allowed = this.sql.exec("DELETE FROM students WHERE sid = ? AND removed = 1", sid).rowsWritten > 0;
    if (allowed) this.tell();
    return allowed;
  }

  /** The roster with progress and results, the answers' tallies and the pace: one request per screen refresh. */
  view(): RoomView | null {
    if (!this.exists()) return null;
    const students = this.sql
      .exec<Row>(
        "SELECT s.sid, s.nick, s.attempt, s.joined, s.answered, s.removed, s.seen, r.body FROM students s" +
          " LEFT JOIN results r ON r.attempt = s.attempt ORDER BY s.joined",
      )
      .toArray()
      .map((r) => ({
        sid: String(r.sid),
        nick: String(r.nick),
        attempt: String(r.attempt),
        joined: Number(r.joined),
        answered: Number(r.answered),
        removed: r.removed === 1,
        seen: typeof r.seen === "number" ? r.seen : Number(r.joined),
        result: typeof r.body === "string" ? r.body : null,
      }));
    const tallies: Record<string, Tally> = {};
    for (const r of this.sql.exec<Row>("SELECT item, v, u FROM tally")) {
      tallies[String(r.item)] = { v: Number(r.v), u: Number(r.u) };
    }
    return { students, tallies, pace: this.pace(), phase: this.phase() };
  }

  /** A teacher-paced class's pace (before the first statement: NOT_STARTED). */
  pace(): Pace {
    if (!this.exists()) return NOT_STARTED;
    const rows = this.sql.exec<Row>("SELECT k, v FROM meta WHERE k IN ('step', 'shut', 'shown')").toArray();
    const step = rows.find((r) => r.k === "step");
    const on = (k: string) => rows.some((r) => r.k === k && r.v === 1);
    return step ? { step: Number(step.v), shut: on("shut"), shown: on("shown") } : NOT_STARTED;
  }

  /**
   * The lobby until the teacher starts a class that has one (domain/room.ts phaseOf); "lobby" for
   * an object that holds nothing yet, which the services read as running for a class without one.
   */
  phase(): ClassPhase {
    if (!this.exists()) return "lobby";
    const rows = this.sql.exec<Row>("SELECT k FROM meta WHERE k IN ('gate', 'started', 'ended')").toArray();
    const has = (k: string) => rows.some((r) => r.k === k);
    return phaseOf({ gated: has("gate"), started: has("started"), ended: has("ended") });
  }

  /** Where the class is, for a page that must know before it renders (one request). */
  status(): { phase: ClassPhase; pace: Pace } {
    return { phase: this.phase(), pace: this.pace() };
  }

  /** The teacher's Start: students waiting in the lobby go in, and later joiners start at once. */
  async start(cls: { expiresAt: number }): Promise<ClassPhase> {
    await this.opened(cls.expiresAt);
    const started = this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('started', 1)").rowsWritten > 0;
    if (started) this.tell();
    return "running";
  }

  /**
   * The teacher ends the class: no more joins or answers, and every present student who answered
   * something and has not finished is finished now with what they answered (recorded once, like
   * any finish). Returns the results that this call must write to KV — those new now, and any
   * earlier finish whose write has not succeeded and is not being written — each leased as a finish is.
   */
  async end(
    cls: { expiresAt: number; code: string; pack: string; itemIds: readonly string[]; paced: boolean },
    verdicts: Record<string, Judgement>,
    now: number,
  ): Promise<{ first: boolean; save: { result: AttemptResult; joinedAt: number }[] }> {
    await this.opened(cls.expiresAt);
    const first = this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('ended', 1)").rowsWritten > 0;
    const open = this.sql
      .exec<Row>(
        "SELECT s.nick, s.attempt, s.joined, s.items FROM students s LEFT JOIN results r ON r.attempt = s.attempt" +
          " WHERE s.removed = 0 AND s.answered > 0 AND r.attempt IS NULL",
      )
      .toArray();
    for (const row of open) {
      const items = typeof row.items === "string" ? (JSON.parse(row.items) as string[]) : [...cls.itemIds];
      const state: QuizState = newAttemptState({
        id: String(row.attempt),
        pack: cls.pack,
        items,
        startedAt: Number(row.joined),
        class: { code: cls.code, nick: String(row.nick), ...(cls.paced ? { paced: true as const } : {}) },
      });
      const result = recordedResult(state, this.recorded(state.id), verdicts, now, this.said(state.id));
      this.sql.exec("INSERT INTO results (attempt, body) VALUES (?, ?)", state.id, JSON.stringify(result));
    }
    const unsaved = this.sql
      .exec<Row>(
        "SELECT r.attempt, r.body, s.joined FROM results r JOIN students s ON s.attempt = r.attempt" +
          " WHERE r.saved = 0 AND r.lease < ? AND s.removed = 0",
        now,
      )
      .toArray();
    const save = unsaved.map((row) => {
      this.sql.exec("UPDATE results SET lease = ? WHERE attempt = ?", now + SAVE_LEASE_MS, row.attempt);
      return { result: JSON.parse(String(row.body)) as AttemptResult, joinedAt: Number(row.joined) };
    });
    if (first || open.length > 0) this.tell();
    return { first, save };
  }

  /** Applies the teacher's press if the class is still where their page showed it (domain/pace.ts). */
  async move(
    cls: { expiresAt: number; itemCount: number },
    seen: Pick<Pace, "step" | "shut">,
    action: PaceAction,
  ): Promise<Pace> {
    await this.opened(cls.expiresAt);
    const now = this.pace();
    const next = nextPace(now, seen, action, cls.itemCount);
    if (!next) return now;
    this.sql.exec(
      "INSERT OR REPLACE INTO meta (k, v) VALUES ('step', ?), ('shut', ?), ('shown', ?), ('started', 1)",
      next.step,
      next.shut ? 1 : 0,
      next.shown ? 1 : 0,
    );
    this.tell();
    return next;
  }

  /** Tells the screens something changed that the object does not hold (joining closed, say). */
  touch(): void {
    this.tell();
  }

  /**
   * Sends every screen following the class one message: something changed, where the pace is, and
   * the same signed (`p`, domain/pace-signal.ts) so a phone's next page needs no request here.
   * Messages go out in the order of the changes, each signed as its change left the class.
   */
  private tell(): void {
    if (this.ctx.getWebSockets().length === 0) return;
    const now = { v: Date.now(), ...this.pace(), phase: this.phase() };
    this.telling = this.telling.then(async () => {
      const message = JSON.stringify({ ...now, ...(await this.signed(now)) });
      for (const socket of this.ctx.getWebSockets()) {
        try {
          socket.send(message);
        } catch {
          // A socket closing meanwhile: its screen reconnects, or falls back to polling.
        }
      }
    });
    this.ctx.waitUntil(this.telling);
  }

  /** The signed copy of where the class is (`{}` without a signing secret: phones then ask each time). */
  private async signed(now: Pace & { phase: ClassPhase }): Promise<{ p?: string }> {
    const secret = this.env.QUIZ_SECRET;
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) return {};
    const { phase, ...pace } = now;
    return { p: await signSignal(secret, this.ctx.id.toString(), { phase, pace }, Date.now()) };
  }

  /** GET /c/{CODE}/live (checked by the route): a hibernatable WebSocket that gets tell()'s messages. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response(null, { status: 426 });
    if (this.ctx.getWebSockets().length >= MAX_SOCKETS) return new Response(null, { status: 503 });
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    const greeting = { v: 0, ...this.pace(), phase: this.phase() };
    server.send(JSON.stringify({ ...greeting, ...(await this.signed(greeting)) }));
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Screens only listen: "ping" gets "pong" without waking the object, and any other frame (each
   * one a billed wake-up) closes its socket at once, so a script cannot keep the object busy.
   */
  override webSocketMessage(socket: WebSocket): void {
    try {
      socket.close(1008, "receive only");
    } catch {
      // Already closing: its later frames are dropped with it.
    }
  }
  /** The Hibernation API wants the close answered (a socket the runtime already closed ignores it). */
  override webSocketClose(socket: WebSocket): void {
    socket.close(1000, "bye");
  }

  /** Deletes everything the object holds (the teacher deleted the class); its screens then find no class. */
  async destroy(): Promise<void> {
    this.tell();
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
