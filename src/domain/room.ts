/**
 * @module room: the rules a class's Durable Object applies, as pure functions — who may join
 * (exact names, a class size, removed names), and a finished attempt built from the answers the
 * object recorded (the first answer to each statement is final; the token only carries state).
 */

import { type ClassRecord, hasLobby } from "./class";
import type { Pace } from "./pace";
import { type AttemptResult, finish, type QuizState, resultOf } from "./quiz";
import type { Judgement } from "./scoring";

/** Students a class takes when the teacher does not say. */
export const DEFAULT_CLASS_SIZE = 40;
/** The most a teacher may allow. */
export const MAX_CLASS_SIZE = 200;

/**
 * A class size as typed ("" or absent: the default), or null when it is not 1..200.
 * @example classSizeOf("30") // 30
 */
export function classSizeOf(input: unknown): number | null {
  if (input === undefined || input === null || input === "") return DEFAULT_CLASS_SIZE;
  const n = typeof input === "number" ? input : typeof input === "string" ? Number(input.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_CLASS_SIZE ? n : null;
}

/**
 * Where a class is: in the lobby (students who join wait for the teacher's Start), running, or
 * ended by the teacher (every student still playing was finished with what they had answered).
 * A teacher-paced class is in the lobby until its first statement opens; a student-paced one
 * until the teacher presses Start, unless it was made for homework (students start at once).
 */
export type ClassPhase = "lobby" | "running" | "ended";

/**
 * The phase from what the class's object holds: whether the class waits for a start (`gated`,
 * set by the first join of a class that has a lobby), whether the teacher started it, and
 * whether the teacher ended it (which wins: a class can be ended from its lobby).
 * @example phaseOf({ gated: true, started: false, ended: false }) // "lobby"
 */
export function phaseOf(held: { gated: boolean; started: boolean; ended: boolean }): ClassPhase {
  if (held.ended) return "ended";
  return held.gated && !held.started ? "lobby" : "running";
}

/**
 * A class's phase from its record and what its object holds (`held`; null: nothing yet, as for a
 * new class): ended once the teacher ended it; otherwise a class without a lobby is always
 * running, and one with a lobby waits until started.
 * @example classPhase({ paced: true }, null) // "lobby"
 */
export function classPhase(record: Pick<ClassRecord, "paced" | "lobby">, held: ClassPhase | null): ClassPhase {
  if (held === "ended") return "ended";
  return hasLobby(record) ? (held ?? "lobby") : "running";
}

/** Why a join was refused: the name is in use, was removed by the teacher, the class is full or ended. */
export type JoinRefusal = "taken" | "removed" | "full" | "ended" | "deleted";

/**
 * What the class's object answers a join: in, with the class's pace (a late joiner starts at the
 * open statement), or refused — `busy` when this address joined too fast (domain/join-bucket.ts).
 */
export type JoinOutcome =
  | {
      ok: true;
      pace: Pace;
      phase: ClassPhase;
      /** The student's code to get back in. */
      back: string;
      /** The student waits for the teacher to admit them (a class whose teacher admits each name). */
      waiting: boolean;
      /** The settings' change number the student joined under (0: as created); their token carries it. */
      rev: number;
      /**
       * The student's order, the class's pace and whether it asks "who says so?" (null: settings
       * kept before the option; as the record says), when the teacher changed the settings after
       * the record the join read (the object's are newer): the token is built from these.
       */
      seat?: { items: string[] } & SettingsSay;
    }
  | { ok: false; refused: JoinRefusal }
  | { ok: false; refused: "busy"; retryAfterSeconds: number };

/**
 * Whether a student may join under a name: `holder` is the roster row already under that name's
 * look-alike key (null: none), `present` how many students are in (removed ones do not count).
 * @example joinDecision(null, 40, 40) // "full"
 */
export function joinDecision(holder: { removed: boolean } | null, present: number, size: number): JoinRefusal | null {
  if (holder) return holder.removed ? "removed" : "taken";
  return present >= size ? "full" : null;
}

/**
 * What the object kept besides the answers: each recorded confidence ("s", "f", "g") and "who says
 * so?" pick ("0", "1", "2"; absent: read from an object before picks) by item id, and the self-estimate.
 */
export interface RecordedSaid {
  confidences: ReadonlyMap<string, string>;
  who?: ReadonlyMap<string, string>;
  estimate: number | null;
}

/**
 * The attempt as the object recorded it: each statement's recorded answer replaces the token's
 * (an older token may lack answers, never override them), then finished at `now` and scored.
 * With `said`, the object's confidences and "who says so?" picks (of the statements it recorded)
 * and estimate win too (the token's stand only for statements the object did not record). Picks
 * count only for an attempt that asks "who says so?" (its state has `who`).
 * @example recordedResult(state, new Map([["a", "v"]]), verdicts, Date.now()).answers
 */
export function recordedResult(
  state: QuizState,
  recorded: ReadonlyMap<string, string>,
  verdicts: Readonly<Record<string, Judgement>>,
  now: number,
  said?: RecordedSaid,
): AttemptResult {
  const answers = state.items.map((id, i) => recorded.get(id) ?? state.answers[i] ?? "-").join("");
  const { finishedAt: _, confidences: tokenSure, estimate: tokenEstimate, ...open } = state;
  const next: QuizState = { ...open, answers };
  const confidences = state.items
    .map((id, i) => said?.confidences.get(id) ?? (said && recorded.has(id) ? "-" : (tokenSure?.[i] ?? "-")))
    .join("");
  if (/[sfg]/.test(confidences)) next.confidences = confidences;
  if (state.who !== undefined) {
    const tokenWho = state.who;
    const kept = said?.who;
    next.who = state.items
      .map((id, i) => kept?.get(id) ?? (kept && recorded.has(id) ? "-" : (tokenWho[i] ?? "-")))
      .join("");
  }
  // The object keeps the estimate with the first answer: a token that gained one later (a second tab) does not count.
  const estimate = said ? said.estimate : tokenEstimate;
  if (estimate !== undefined && estimate !== null) next.estimate = estimate;
  return resultOf(finish(next, now), (id) => verdicts[id]);
}

/** One student as the object holds them: progress, and the finished result once there is one. */
export interface RoomStudent {
  sid: string;
  nick: string;
  attempt: string;
  joined: number;
  /** Statements answered so far. */
  answered: number;
  removed: boolean;
  /** When the student's last join, answer or finish reached the object (epoch ms). */
  seen: number;
  /** The finished result (JSON of an AttemptResult), or null while playing. */
  result: string | null;
  /** Waiting for the teacher to admit them (not yet in the class: answers are refused). */
  waiting: boolean;
}

/** How many said verified (`v`) and unverified (`u`) to one statement. */
export interface Tally {
  v: number;
  u: number;
}

/** Everything a live screen shows (the class's Durable Object answers it), read in one request. */
export interface RoomView {
  students: RoomStudent[];
  /** How many present students gave each answer to each statement, by item id. */
  tallies: Record<string, Tally>;
  pace: Pace;
  phase: ClassPhase;
  /** An answer (or a check-in) has been recorded (from anyone, removed or not): the settings can no longer change. */
  answered: boolean;
  /** Present students' check-ins and check-outs (absent: read from an object before them). */
  checks?: { attempt: string; phase: "in" | "out"; items: string[]; answers: string; estimate: number | null }[];
}

/**
 * The settings a teacher may change in the lobby, until the first answer, as the class's object
 * keeps them (`rev`: the change's number, from 1; the class record in KV carries the same). A
 * join that read an older record is seated under these.
 */
export interface RoomSettings {
  rev: number;
  itemIds: string[];
  shuffle: boolean;
  paced: boolean;
  /** Students wait for the teacher's Start (a lobby). */
  gated: boolean;
  /** The teacher admits each name. */
  admit: boolean;
  size: number;
  /** "Who says so?" is asked (absent: settings kept before the option; the class record says). */
  who?: boolean;
  /** Questions without the report (absent: settings kept before the option; the class record says). */
  statementsOnly?: boolean;
}

/**
 * What the object's settings say of a student's seat: the pace, "who says so?" and statements only,
 * each null when they do not say (never changed in the lobby, or kept before that option): the
 * class record then does.
 */
export interface SettingsSay {
  paced: boolean | null;
  whoAsked: boolean | null;
  statementsOnly: boolean | null;
}

/** @example settingsSay(null) // { paced: null, whoAsked: null, statementsOnly: null } */
export function settingsSay(conf: RoomSettings | null): SettingsSay {
  return { paced: conf?.paced ?? null, whoAsked: conf?.who ?? null, statementsOnly: conf?.statementsOnly ?? null };
}

/** Why the object refused a change of settings: an answer is in, the class ended, or more have joined than the new size. */
export type SettingsRefusal =
  | { ok: false; refused: "answered" | "ended" }
  | { ok: false; refused: "size"; present: number };

/**
 * The live socket's request header by which the route tells the class's object whether the class
 * has a lobby ("1") or not ("0"): before the first join the object holds no settings. Here, not in
 * store/class-room.ts, so the services name it without loading the object's module.
 */
export const LOBBY_HEADER = "x-class-lobby";
