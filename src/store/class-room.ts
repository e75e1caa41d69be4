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
 * the teacher removed: their finish is never stored, even after the name is allowed back),
 * `settings` (the settings as the teacher last changed them in the lobby, before any answer;
 * meta `door` counts the teacher's admissions and refusals, so a waiting phone knows to look);
 * after a delete, only `tomb` (the deleted class's expiry: the object refuses joins and finishes until then).
 * The rules are pure, in domain/room.ts and domain/pace.ts; the object only applies them inside its
 * single thread. Screens follow the class over WebSockets (the Hibernation API: an idle socket costs
 * no duration); every change sends each of them one short message,
 * `{"v":…,"step":…,"shut":…,"shown":…,"phase":…,"d":…,"r":…}`, which names nobody, so any page of the
 * class may listen: a waiting phone moves on only when the pace or phase differs from its page's
 * (or, in the lobby, the door count `d` or the settings' `r`), and the teacher's screens fetch
 * their page again.
 */
import { DurableObject } from "cloudflare:workers";
import { studentOrder } from "../domain/class";
import { newRejoinCode } from "../domain/ids";
import { type JoinBucket, takeJoin } from "../domain/join-bucket";
import { NOT_STARTED, nextPace, type Pace, type PaceAction } from "../domain/pace";
import { signSignal } from "../domain/pace-signal";
import { type AttemptResult, newAttemptState, type QuizState } from "../domain/quiz";
import {
  type ClassPhase,
  type JoinOutcome,
  joinDecision,
  LOBBY_HEADER,
  phaseOf,
  type RecordedSaid,
  type RoomSettings,
  type RoomView,
  recordedResult,
  type SettingsRefusal,
  type SettingsSay,
  settingsSay,
  type Tally,
} from "../domain/room";
import type { Judgement } from "../domain/scoring";
import { MIN_SECRET_LENGTH } from "../domain/token";
import {
  anyCheck,
  type CheckRefusal,
  checkSeat,
  presentChecks,
  type RoomCheck,
  type RoomCheckSeat,
  recordCheck,
} from "./class-room-checks";
import { MIGRATIONS, RETALLY, SCHEMA, TALLY, TOMB } from "./class-room-sql";
import { remember } from "./roster-cache";

/** How long one request may take to write a result to KV before another may try. */
const SAVE_LEASE_MS = 30_000;

/**
 * A student back with their code: what the service needs to give them their attempt again, with
 * what the object's settings say of their seat (`SettingsSay`).
 */
export interface RoomReturn extends SettingsSay {
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
  /** Their "who says so?" picks, by item id: "0", "1" or "2" (absent: not said, or not asked). */
  who: Record<string, string>;
  result: AttemptResult | null;
  phase: ClassPhase;
  pace: Pace;
  /** The settings' change number the student is now seated under (their new token carries it). */
  rev: number;
  waiting: boolean;
}

/** Where a student is, for their "You're in" page: the class's phase and pace, and their own seat. */
export interface RoomSeat {
  phase: ClassPhase;
  pace: Pace;
  /** "in": playing or admitted; "waiting" for the teacher; "gone": removed (or not in the class). */
  seat: "in" | "waiting" | "gone";
  rev: number;
  /** False: the object holds nothing for the class yet (the phase is then the class record's). */
  kept: boolean;
  /** The door count (the socket message's `d`): a waiting page looks again when it changes. */
  door: number;
  /**
   * Their order, the class's pace and whether it asks "who says so?" under newer settings than their
   * token's (absent: the token is current; null: as the class record says).
   */
  fresh?: { items: string[] | null } & SettingsSay;
}

/** A finish as the object answers it: the result that counts, and whether this call must write it to KV. */
export type RoomFinish =
  | {
      ok: true;
      result: AttemptResult;
      first: boolean;
      save: boolean;
      joinedAt: number | null;
      /** Where the class is as it finished, so the result page asks no second time. */
      status: { phase: ClassPhase; pace: Pace };
    }
  | { ok: false; refused: "removed" | "empty" | "deleted" };

/** Several names removed at once (their attempts), or none: `unknown` lists those not in the class. */
export type RoomRemoval = { ok: true; attemptIds: string[] } | { ok: false; unknown: string[] };

/** Waiting students let in (how many), or none: `unknown` lists those not waiting. */
export type RoomAdmission = { ok: true; admitted: number } | { ok: false; unknown: string[] };

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
  /** The last message's `v` (0: none since the object woke): every change up to it is in a view read now. */
  private told = 0;
  /** The deleted class's expiry while its tombstone stands (null: none; undefined: not read yet). */
  private tomb: number | null | undefined;

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
    // A class opened under an older schema gets each later step, once, in order.
    if (this.ready) {
      const held = this.sql.exec<Row>("SELECT v FROM meta WHERE k = 'schema'").toArray()[0]?.v;
      const version = typeof held === "number" ? held : 1;
      for (const [next, step] of MIGRATIONS) if (next > version) this.sql.exec(step);
    }
    return this.ready;
  }

  /**
   * A join or finish creates the tables and sets the cleanup alarm (the class's expiry, 30 days on);
   * false, creating nothing, once the class was deleted (its tombstone stands until that expiry; a
   * new class that drew the same code has another expiry, and clears it).
   */
  private async opened(expiresAt: number): Promise<boolean> {
    if (this.exists()) return true;
    if (this.deleted(expiresAt)) return false;
    this.sql.exec(SCHEMA);
    this.sql.exec("INSERT INTO meta (k, v) VALUES ('expires', ?)", expiresAt);
    this.ready = true;
    await this.ctx.storage.setAlarm(expiresAt);
    return true;
  }

  /** Whether the class was deleted (teacher-auth's delete): `expiresAt`, a class's that may reuse the code. */
  private deleted(expiresAt?: number): boolean {
    if (this.tomb === undefined) {
      const table = this.sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'tomb'").toArray().length > 0;
      const row = table ? this.sql.exec<Row>("SELECT expires FROM tomb").toArray()[0] : undefined;
      this.tomb = row ? Number(row.expires) : null;
    }
    if (this.tomb === null) return false;
    if (expiresAt === undefined || expiresAt === this.tomb) return true;
    this.sql.exec("DROP TABLE tomb");
    this.tomb = null;
    return false;
  }

  /** Whether the class still stands (not deleted): asked after a KV write that must not outlive it. */
  kept(): boolean {
    return !this.deleted();
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
    cls: { expiresAt: number; size: number; gated: boolean; admit?: boolean; rev?: number },
    s: { sid: string; nick: string; attemptId: string; now: number; client: string; items: readonly string[] },
  ): Promise<JoinOutcome> {
    // A name already in the class is refused before the bucket, so clashes (a class of common
    // names, a generated name drawn twice) spend no join. The refusal stays cheap: this object
    // request, one row read by primary key (and the phase, a few meta rows), nothing written;
    // each join is behind one of its address's 200 look-ups a minute (services/classes.ts).
    if (this.nameInUse(s.sid)) return { ok: false, refused: "taken" };
    const taken = takeJoin(this.buckets.get(s.client), s.now);
    remember(this.buckets, s.client, taken.bucket, MAX_BUCKETS);
    if (!taken.ok) return { ok: false, refused: "busy", retryAfterSeconds: taken.retryAfterSeconds };
    if (!(await this.opened(cls.expiresAt))) return { ok: false, refused: "deleted" };
    if (this.phase() === "ended") return { ok: false, refused: "ended" };
    // The teacher changed the settings after the record this join read: the object's are the class's.
    const newer = this.settings();
    const conf = newer && newer.rev > (cls.rev ?? 0) ? newer : null;
    if (!conf && cls.gated) this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('gate', 1)");
    const holder = this.sql.exec<Row>("SELECT removed FROM students WHERE sid = ?", s.sid).toArray()[0];
    const present = Number(this.sql.exec("SELECT COUNT(*) AS n FROM students WHERE removed = 0").one().n);
    const refusal = joinDecision(holder ? { removed: holder.removed === 1 } : null, present, conf?.size ?? cls.size);
    if (refusal) return { ok: false, refused: refusal };
    const back = this.freshRejoinCode();
    const items = conf ? seatOrder(conf) : [...s.items];
    const waiting = (conf ? conf.admit : cls.admit === true) ? 1 : 0;
    this.sql.exec(
      "INSERT INTO students (sid, nick, attempt, joined, items, back, seen, waiting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      s.sid,
      s.nick,
      s.attemptId,
      s.now,
      JSON.stringify(items),
      back,
      s.now,
      waiting,
    );
    this.tell();
    const rev = Math.max(newer?.rev ?? 0, cls.rev ?? 0);
    const seat = conf ? { seat: { items, ...settingsSay(conf) } } : {};
    return { ok: true, pace: this.pace(), phase: this.phase(), back, waiting: waiting === 1, rev, ...seat };
  }

  /** Whether a student who is not removed holds the name's key, in a class still open to joins. */
  private nameInUse(sid: string): boolean {
    if (!this.exists()) return false;
    const held = this.sql.exec<Row>("SELECT removed FROM students WHERE sid = ?", sid).toArray()[0];
    return held !== undefined && held.removed !== 1 && this.phase() !== "ended";
  }

  /** The settings as the teacher last changed them (null: never changed since creation). */
  private settings(): RoomSettings | null {
    const body = this.sql.exec<Row>("SELECT body FROM settings WHERE k = 1").toArray()[0]?.body;
    return typeof body === "string" ? (JSON.parse(body) as RoomSettings) : null;
  }

  /**
   * The teacher changes the class's settings in the lobby: refused once any answer is recorded
   * (or the class ended, or more students are in than the new size). Applies what the object
   * holds — the lobby, the waiting room (turned off: everyone waiting is admitted) — and, when
   * `reseat`, draws each student's order again and puts a teacher-paced class back before its
   * first statement. Joins and answers under older settings are then told (their `rev` is older).
   */
  async configure(
    cls: { expiresAt: number },
    next: RoomSettings,
    reseat: boolean,
  ): Promise<{ ok: true } | SettingsRefusal> {
    await this.opened(cls.expiresAt);
    if (this.phase() === "ended") return { ok: false, refused: "ended" };
    if (this.sql.exec("SELECT 1 FROM answers LIMIT 1").toArray().length > 0 || anyCheck(this.sql)) {
      return { ok: false, refused: "answered" };
    }
    const present = Number(this.sql.exec("SELECT COUNT(*) AS n FROM students WHERE removed = 0").one().n);
    if (present > next.size) return { ok: false, refused: "size", present };
    this.sql.exec("INSERT OR REPLACE INTO settings (k, rev, body) VALUES (1, ?, ?)", next.rev, JSON.stringify(next));
    if (next.gated) this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('gate', 1)");
    else this.sql.exec("DELETE FROM meta WHERE k = 'gate'");
    if (!next.admit && this.sql.exec("UPDATE students SET waiting = 0 WHERE waiting = 1").rowsWritten > 0) {
      this.openDoor();
    }
    if (reseat) {
      for (const row of this.sql.exec<Row>("SELECT sid FROM students WHERE removed = 0").toArray()) {
        this.sql.exec("UPDATE students SET items = ? WHERE sid = ?", JSON.stringify(seatOrder(next)), row.sid);
      }
      this.sql.exec("DELETE FROM meta WHERE k IN ('step', 'shut', 'shown')");
    }
    this.tell();
    return { ok: true };
  }

  /** The settings' change number now (0: as created). */
  private rev(): number {
    const rev = this.sql.exec<Row>("SELECT rev FROM settings WHERE k = 1").toArray()[0]?.rev;
    return typeof rev === "number" ? rev : 0;
  }

  /** Counts an admission or a refusal: a waiting phone sees the count change and looks at its page again. */
  private openDoor(): void {
    this.sql.exec("INSERT INTO meta (k, v) VALUES ('door', 1) ON CONFLICT DO UPDATE SET v = v + 1");
  }

  /** How many times the teacher admitted or refused someone (the socket message's `d`). */
  private door(): number {
    const v = this.sql.exec<Row>("SELECT v FROM meta WHERE k = 'door'").toArray()[0]?.v;
    return typeof v === "number" ? v : 0;
  }

  /**
   * The teacher lets waiting students in: `sids` (every one must be waiting, else nothing changes
   * and `unknown` lists those that are not), or everyone waiting (`"all"`). Returns how many went in.
   */
  admit(sids: readonly string[] | "all"): RoomAdmission {
    if (!this.exists()) return sids === "all" ? { ok: true, admitted: 0 } : { ok: false, unknown: [...sids] };
    const waiting = new Set(
      this.sql
        .exec<Row>("SELECT sid FROM students WHERE waiting = 1 AND removed = 0")
        .toArray()
        .map((r) => String(r.sid)),
    );
    const chosen = sids === "all" ? [...waiting] : [...new Set(sids)];
    const unknown = chosen.filter((sid) => !waiting.has(sid));
    if (unknown.length > 0) return { ok: false, unknown };
    for (const sid of chosen) this.sql.exec("UPDATE students SET waiting = 0 WHERE sid = ?", sid);
    if (chosen.length > 0) {
      this.openDoor();
      this.tell();
    }
    return { ok: true, admitted: chosen.length };
  }

  /**
   * Where a student is, for their "You're in" page (one request): the phase and pace, whether they
   * are in, waiting or gone, and — when their token's `rev` is older than the settings — their order
   * and the pace under the new settings. The row is seen again.
   */
  seat(attemptId: string, rev: number, now: number): RoomSeat {
    const status = { phase: this.phase(), pace: this.pace(), door: this.exists() ? this.door() : 0 };
    if (!this.exists()) return { ...status, seat: "in", rev, kept: false, door: 0 };
    const row = this.sql
      .exec<Row>("SELECT items, removed, waiting FROM students WHERE attempt = ?", attemptId)
      .toArray()[0];
    const current = this.rev();
    const gone = this.sql.exec("SELECT 1 FROM gone WHERE attempt = ?", attemptId).toArray().length > 0;
    if (!row) return { ...status, seat: current === rev && !gone ? "in" : "gone", rev: current, kept: true };
    if (row.removed === 1) return { ...status, seat: "gone", rev: current, kept: true };
    this.sql.exec("UPDATE students SET seen = ? WHERE attempt = ?", now, attemptId);
    const seat = row.waiting === 1 ? "waiting" : "in";
    if (current === rev) return { ...status, seat, rev, kept: true };
    const items = typeof row.items === "string" ? (JSON.parse(row.items) as string[]) : null;
    const conf = this.settings();
    const fresh = { items, ...settingsSay(conf) };
    return { ...status, seat, rev: current, kept: true, fresh };
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
      .exec<Row>("SELECT sid, nick, attempt, joined, items, waiting FROM students WHERE back = ? AND removed = 0", back)
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
      who: Object.fromEntries(said.who),
      result: typeof body === "string" ? (JSON.parse(body) as AttemptResult) : null,
      phase: this.phase(),
      pace: this.pace(),
      rev: this.rev(),
      ...settingsSay(this.settings()),
      waiting: row.waiting === 1,
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
   * `said`: how sure the student is ("s", "f", "g") and their "who says so?" pick ("0", "1", "2"),
   * kept with the answer, and their self-estimate, kept with their first answer only (it is asked
   * before the first statement); `confidence` and `who` come back as recorded (null: not said),
   * like the answer, so a second tab cannot change a pick once the feedback has shown the right one.
   */
  answer(
    attemptId: string,
    itemId: string,
    answer: "v" | "u",
    at?: number,
    rev = 0,
    said: { confidence?: "s" | "f" | "g"; estimate?: number; who?: "0" | "1" | "2" } = {},
  ): {
    answer: string | null;
    confidence?: string | null;
    who?: string | null;
    first: boolean;
    kept: boolean;
    closed?: boolean;
    lobby?: true;
    ended?: true;
    waiting?: true;
    stale?: true;
    pace?: Pace;
  } {
    if (!this.exists()) return { answer: null, first: false, kept: false };
    const phase = this.phase();
    if (phase === "ended") return { answer: null, first: false, kept: true, ended: true };
    const waiting = this.sql.exec<Row>("SELECT waiting FROM students WHERE attempt = ?", attemptId).toArray()[0];
    if (waiting?.waiting === 1) return { answer: null, first: false, kept: true, waiting: true };
    // A token from before the teacher changed the settings: its order may be gone (rejoin for a new one).
    if (rev !== this.rev()) return { answer: null, first: false, kept: true, stale: true };
    if (phase === "lobby" && at === undefined) return { answer: null, first: false, kept: true, lobby: true };
    const finished = this.sql.exec("SELECT 1 FROM results WHERE attempt = ?", attemptId).toArray().length > 0;
    const pace = at === undefined ? null : this.pace();
    const closed = pace !== null && (pace.step !== at || pace.shut);
    const first =
      !finished &&
      !closed &&
      this.sql.exec(
        "INSERT OR IGNORE INTO answers (attempt, item, answer, confidence, who) VALUES (?, ?, ?, ?, ?)",
        attemptId,
        itemId,
        answer,
        said.confidence ?? null,
        said.who ?? null,
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
      .exec<Row>("SELECT answer, confidence, who FROM answers WHERE attempt = ? AND item = ?", attemptId, itemId)
      .toArray()[0];
    const held = typeof row?.answer === "string" ? row.answer : null;
    const confidence = typeof row?.confidence === "string" ? row.confidence : null;
    const who = typeof row?.who === "string" ? row.who : null;
    return { answer: held, confidence, who, first, kept: true, closed, ...(pace ? { pace } : {}) };
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
    if (!(await this.opened(cls.expiresAt))) return { ok: false, refused: "deleted" };
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
      const result = JSON.parse(String(stored.body)) as AttemptResult;
      return { ok: true, result, first: false, save, joinedAt, status: this.status() };
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
    return { ok: true, result, first: true, save: true, joinedAt, status: this.status() };
  }

  /** An attempt's recorded answers, by item id: "v" or "u". */
  private recorded(attemptId: string): Map<string, string> {
    const recorded = new Map<string, string>();
    for (const row of this.sql.exec<Row>("SELECT item, answer FROM answers WHERE attempt = ?", attemptId)) {
      recorded.set(String(row.item), String(row.answer));
    }
    return recorded;
  }

  /**
   * What an attempt said besides its answers: each recorded confidence and "who says so?" pick by
   * item id, and the self-estimate kept.
   */
  private said(attemptId: string): RecordedSaid & { confidences: Map<string, string>; who: Map<string, string> } {
    const confidences = new Map<string, string>();
    const who = new Map<string, string>();
    const rows = this.sql.exec<Row>(
      "SELECT item, confidence, who FROM answers WHERE attempt = ? AND (confidence IS NOT NULL OR who IS NOT NULL)",
      attemptId,
    );
    for (const row of rows) {
      if (typeof row.confidence === "string") confidences.set(String(row.item), row.confidence);
      if (typeof row.who === "string") who.set(String(row.item), row.who);
    }
    const student = this.sql.exec<Row>("SELECT estimate FROM students WHERE attempt = ?", attemptId).toArray()[0];
    return { confidences, who, estimate: typeof student?.estimate === "number" ? student.estimate : null };
  }

  /**
   * The result is in KV (`done`: no later finish writes it again), or its write failed (the next
   * may try). False when the class was deleted meanwhile: the caller deletes what it wrote.
   */
  saved(attemptId: string, done: boolean): boolean {
    if (!this.exists()) return false;
    this.sql.exec("UPDATE results SET saved = ?, lease = 0 WHERE attempt = ?", done ? 1 : 0, attemptId);
    return true;
  }

  /** Several results: those in KV (`done`), and those whose writes failed; false as saved() says. */
  savedMany(done: readonly string[], failed: readonly string[]): boolean {
    if (!this.exists()) return false;
    for (const id of done) this.saved(id, true);
    for (const id of failed) this.saved(id, false);
    return true;
  }

  /** Removes a name: it stays refused, and its attempt's finish is not stored, until allowed back. */
  remove(sid: string): { attemptId: string } | null {
    const removed = this.removeMany([sid]);
    return removed.ok ? { attemptId: removed.attemptIds[0] ?? "" } : null;
  }

  /**
   * Removes several names at once (refusing one who waits to be admitted is removing them): each
   * must be present, else nothing changes and `unknown` lists those that are not. One recount, one message.
   */
  removeMany(sids: readonly string[]): RoomRemoval {
    if (!this.exists()) return { ok: false, unknown: [...sids] };
    const rows = new Map<string, Row>();
    for (const sid of new Set(sids)) {
      const row = this.sql
        .exec<Row>("SELECT attempt, waiting FROM students WHERE sid = ? AND removed = 0", sid)
        .toArray()[0];
      if (row) rows.set(sid, row);
    }
    const unknown = sids.filter((sid) => !rows.has(sid));
    if (unknown.length > 0) return { ok: false, unknown };
    for (const [sid, row] of rows) {
      this.sql.exec("UPDATE students SET removed = 1, waiting = 0 WHERE sid = ?", sid);
      this.sql.exec("INSERT OR IGNORE INTO gone (attempt) VALUES (?)", row.attempt);
    }
    this.sql.exec(RETALLY);
    // A waiting phone refused, or a removed one: each looks at its page again.
    this.openDoor();
    this.tell();
    return { ok: true, attemptIds: [...rows.values()].map((row) => String(row.attempt)) };
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
        "SELECT s.sid, s.nick, s.attempt, s.joined, s.answered, s.removed, s.seen, s.waiting, r.body FROM students s" +
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
        waiting: r.waiting === 1,
      }));
    const tallies: Record<string, Tally> = {};
    for (const r of this.sql.exec<Row>("SELECT item, v, u FROM tally")) {
      tallies[String(r.item)] = { v: Number(r.v), u: Number(r.u) };
    }
    const answered = this.sql.exec("SELECT 1 FROM answers LIMIT 1").toArray().length > 0 || anyCheck(this.sql);
    return { students, tallies, pace: this.pace(), phase: this.phase(), answered, checks: presentChecks(this.sql) };
  }

  /** A student's place for their check-in and check-out (null: not in the class, or the object holds nothing). */
  checkSeat(attemptId: string): RoomCheckSeat | null {
    return this.exists() ? checkSeat(this.sql, attemptId) : null;
  }

  /** A student's checks and the class's phase: what a check page needs, in one request. */
  checkSeatAndPhase(attemptId: string): { seat: RoomCheckSeat | null; phase: ClassPhase } {
    return { seat: this.checkSeat(attemptId), phase: this.status().phase };
  }

  /** Records a student's check-in or check-out (the first of each stands); the screens are told. */
  check(
    take: RoomCheck,
    now: number,
  ): { ok: true; take: RoomCheck; first: boolean } | { ok: false; refused: CheckRefusal } {
    if (!this.exists()) return { ok: false, refused: "not-in-class" };
    const done = recordCheck(this.sql, take, this.phase() === "running", now);
    if (done.ok && done.first) this.tell();
    return done;
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
    if (!(await this.opened(cls.expiresAt))) return "ended";
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
    cls: { expiresAt: number; code: string; pack: string; itemIds: readonly string[]; paced: boolean; who?: boolean },
    verdicts: Record<string, Judgement>,
    now: number,
  ): Promise<{ first: boolean; save: { result: AttemptResult; joinedAt: number }[] }> {
    if (!(await this.opened(cls.expiresAt))) return { first: false, save: [] };
    const first = this.sql.exec("INSERT OR IGNORE INTO meta (k, v) VALUES ('ended', 1)").rowsWritten > 0;
    const open = this.sql
      .exec<Row>(
        "SELECT s.nick, s.attempt, s.joined, s.items FROM students s LEFT JOIN results r ON r.attempt = s.attempt" +
          " WHERE s.removed = 0 AND s.answered > 0 AND r.attempt IS NULL",
      )
      .toArray();
    // A class that asks "who says so?" scores the picks the object kept (its settings first, as
    // they may be newer than the record the caller read).
    const asks = this.settings()?.who ?? cls.who === true;
    for (const row of open) {
      const items = typeof row.items === "string" ? (JSON.parse(row.items) as string[]) : [...cls.itemIds];
      const state: QuizState = newAttemptState({
        id: String(row.attempt),
        pack: cls.pack,
        items,
        startedAt: Number(row.joined),
        class: { code: cls.code, nick: String(row.nick), ...(cls.paced ? { paced: true as const } : {}) },
        who: asks,
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
    if (!(await this.opened(cls.expiresAt))) return NOT_STARTED;
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

  /**
   * A press and the projector's screen after it in one request: the view, and the `v` of the last
   * message sent so far (0: none), whose changes it holds, so that screen skips those messages.
   */
  async moveAndView(
    cls: { expiresAt: number; itemCount: number },
    seen: Pick<Pace, "step" | "shut">,
    action: PaceAction,
  ): Promise<{ view: RoomView | null; told: number }> {
    await this.move(cls, seen, action);
    return { view: this.view(), told: this.told };
  }

  /**
   * Tells the screens something changed that the object does not hold (joining closed, say);
   * false when the class was deleted (the caller's KV write must not outlive it).
   */
  touch(): boolean {
    this.tell();
    return !this.deleted();
  }

  /**
   * Sends every screen following the class one message: something changed, where the pace is, and
   * the same signed (`p`, domain/pace-signal.ts) so a phone's next page needs no request here.
   * Messages go out in the order of the changes, each signed as its change left the class; `v`
   * grows with each (a time, made unique), so a screen can tell which changes a page already holds.
   */
  private tell(): void {
    if (this.ctx.getWebSockets().length === 0) return;
    this.told = Math.max(Date.now(), this.told + 1);
    const now = { v: this.told, ...this.pace(), phase: this.phase() };
    const lobby = this.exists() ? { d: this.door(), r: this.rev() } : { d: 0, r: 0 };
    this.telling = this.telling.then(async () => {
      const message = JSON.stringify({ ...now, ...lobby, ...(await this.signed(now)) });
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

  /**
   * GET /c/{CODE}/live (checked by the route): a hibernatable WebSocket that gets tell()'s messages.
   * The greeting's phase is the object's once it holds the class; before the first join it holds
   * no settings, so the route says whether the class has a lobby (LOBBY_HEADER, from the record).
   */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response(null, { status: 426 });
    if (this.ctx.getWebSockets().length >= MAX_SOCKETS) return new Response(null, { status: 503 });
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    const fresh = request.headers.get(LOBBY_HEADER) === "0" ? "running" : "lobby";
    const greeting = { v: 0, ...this.pace(), phase: this.exists() ? this.phase() : fresh };
    const lobby = this.exists() ? { d: this.door(), r: this.rev() } : { d: 0, r: 0 };
    server.send(JSON.stringify({ ...greeting, ...lobby, ...(await this.signed(greeting)) }));
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

  /**
   * Deletes everything the object holds (the teacher deleted the class); its screens then find no
   * class. A tombstone stays until the class's expiry, so from now on the object refuses joins and
   * finishes (and records no answer). Returns every student id it had, so the caller deletes their
   * KV keys by name as well as by listing (a key written by a join it admitted just before).
   */
  async destroy(cls: { expiresAt: number }): Promise<string[]> {
    const sids = this.exists()
      ? this.sql
          .exec<Row>("SELECT sid FROM students")
          .toArray()
          .map((r) => String(r.sid))
      : [];
    this.tell();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.ready = false;
    this.sql.exec(TOMB);
    this.sql.exec("INSERT INTO tomb VALUES (?)", cls.expiresAt);
    this.tomb = cls.expiresAt;
    await this.ctx.storage.setAlarm(cls.expiresAt);
    return sids;
  }

  /** 30 days after creation: the class is gone from KV too, so the object forgets it all. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.ready = false;
    this.tomb = null;
  }
}

/** A student's order under the settings (one order for all when the teacher moves the class on). */
function seatOrder(conf: RoomSettings): string[] {
  return studentOrder({ itemIds: conf.itemIds, shuffle: conf.shuffle && !conf.paced });
}
