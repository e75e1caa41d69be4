/**
 * @module class-live service: what the live screens read (the roster with progress, the answers'
 * tallies, the pace and phase) from the class's Durable Object in one request, the WebSocket they
 * follow the class on, and the teacher's presses: Start, and the pace of a teacher-paced class.
 */
import { type ClassRecord, hasLobby } from "../domain/class";
import { finishedMeta, type StudentEntry } from "../domain/class-results";
import { NOT_STARTED, type Pace, type PaceAction } from "../domain/pace";
import { readSignal, signSignal } from "../domain/pace-signal";
import type { AttemptResult } from "../domain/quiz";
import {
  type ClassPhase,
  classPhase,
  DEFAULT_CLASS_SIZE,
  LOBBY_HEADER,
  type RoomView,
  type Tally,
} from "../domain/room";
import { MIN_SECRET_LENGTH } from "../domain/token";
import { cachedClass } from "../store/class-records";
import type { RoomCheck } from "../store/class-room-checks";
import { inRoom } from "../store/room-calls";
import { readRoster, remember } from "../store/roster-cache";
import { endClassRoom } from "./class-play";
import { findClass, joinCodeOf } from "./classes";
import { AppError } from "./errors";
import { limit, limitSeats } from "./limits";
import { verdictOf } from "./verdicts";

/** A class as its live screens see it. */
export interface LiveRoster {
  /** When it was read (epoch ms). */
  at: number;
  /** Present students (removed ones left out), in joining order, with `progress`. */
  entries: StudentEntry[];
  removed: { id: string; nickname: string }[];
  /** Students waiting for the teacher to admit them (a class whose teacher admits each name): not in `entries`. */
  waiting: { id: string; nickname: string }[];
  /** An answer has been recorded: the settings can no longer change. */
  answered: boolean;
  /** By item id: how many present students said verified (`v`) and unverified (`u`), finished or not. */
  tallies: Record<string, Tally>;
  pace: Pace;
  phase: ClassPhase;
  /** Present students' check-ins and check-outs (empty: none, or a class without them). */
  checks: RoomCheck[];
}

/** Views read lately in this isolate, by code: students' boards share one for `maxAgeMs`. */
const views = new Map<string, { at: number; view: Promise<RoomView | null> }>();

function viewOf(env: Env, code: string, maxAgeMs: number, now: number): Promise<RoomView | null> {
  const hit = views.get(code);
  if (hit && now - hit.at < maxAgeMs) return hit.view;
  const view = inRoom(env, code, (room) => room.view());
  const entry = { at: now, view };
  remember(views, code, entry);
  // An object that holds nothing (nobody joined yet) is not shared: the first join must show at
  // the next look, as the screens then read the object, not KV.
  const forget = () => {
    if (views.get(code) === entry) views.delete(code);
  };
  view.then((held) => (held === null ? forget() : undefined), forget);
  return view;
}

/**
 * The class's students, progress and tallies from its object (one request; `maxAgeMs` lets a
 * room of phones polling the board share one in this isolate; the teacher's screens pass 0, and
 * are limited to 120 reads a minute per class); a class the object keeps nothing for yet (nobody
 * joined, or from before the objects) is read from KV's cached list instead.
 * @example const live = await rosterOf(env, record, origin);
 */
export async function rosterOf(env: Env, record: ClassRecord, origin: string, maxAgeMs = 0): Promise<LiveRoster> {
  if (maxAgeMs === 0) await limit(env, "class-screen", record.code, SCREENS_SPENT);
  const at = Date.now();
  return rosterFrom(env, record, origin, await viewOf(env, record.code, maxAgeMs, at), at);
}

/** The roster a view of the class's object gives (none: the object holds nothing yet). */
async function rosterFrom(
  env: Env,
  record: ClassRecord,
  origin: string,
  view: RoomView | null,
  at: number,
): Promise<LiveRoster> {
  if (!view) {
    // Nobody joined yet: a class made since the object keeps every join lists nothing from KV.
    const roster = record.room ? { at, entries: [] } : await readRoster(env.SCORES, record.code, { origin });
    const phase = classPhase(record, null);
    const empty = { removed: [], waiting: [], tallies: {}, answered: roster.entries.length > 0 };
    return { at: roster.at, entries: roster.entries, ...empty, pace: NOT_STARTED, phase, checks: [] };
  }
  const entries: StudentEntry[] = [];
  const removed: LiveRoster["removed"] = [];
  const waiting: LiveRoster["waiting"] = [];
  for (const s of view.students) {
    if (s.removed || s.waiting) {
      (s.removed ? removed : waiting).push({ id: s.sid, nickname: s.nick });
      continue;
    }
    const joined = { nick: s.nick, id: s.attempt, joinedAt: s.joined };
    const result = s.result === null ? null : (JSON.parse(s.result) as AttemptResult);
    const meta = result ? finishedMeta(joined, record.itemIds, result) : joined;
    entries.push({ ...meta, sid: s.sid, progress: s.answered, seen: s.seen });
  }
  const phase = classPhase(record, view.phase);
  const { answered, tallies, pace } = view;
  return { at, entries, removed, waiting, answered, tallies, pace, phase, checks: view.checks ?? [] };
}

/** Why a teacher's screen was refused: the one wording for the pages and the JSON API. */
const SCREENS_SPENT = "This class's dashboard and projector were read very often in the last minute.";

/**
 * Where a class is now: its phase and (teacher-paced) pace, in one object request.
 * @example const { phase } = await classStatus(env, record);
 */
export async function classStatus(env: Env, record: ClassRecord): Promise<{ phase: ClassPhase; pace: Pace }> {
  const held = await inRoom(env, record.code, (room) => room.status());
  return { phase: classPhase(record, held.phase), pace: held.pace };
}

/**
 * The teacher's Start: the students in the lobby go in, and later joiners start at once. A
 * teacher-paced class starts by opening its first statement (a second press changes nothing).
 * Limited like the pace presses.
 * @example await startClass(env, client, record) // "running"
 */
export async function startClass(env: Env, client: string, record: ClassRecord): Promise<ClassPhase> {
  if (record.paced) {
    const pace = await movePace(env, client, record, NOT_STARTED, "open");
    return pace.step > 0 ? "running" : "lobby";
  }
  await limitPresses(env, client, record);
  return inRoom(env, record.code, (room) => room.start({ expiresAt: record.expiresAt }));
}

/**
 * The teacher ends the class: no more joins or answers; every student still playing is finished
 * with what they answered, and each result written to KV once (services/class-play.ts). A second
 * press finishes nobody again. Limited like the pace presses.
 * @example const { finished } = await endClass(env, client, record);
 */
export async function endClass(
  env: Env,
  client: string,
  record: ClassRecord,
  now = Date.now(),
): Promise<{ first: boolean; finished: number }> {
  await limitPresses(env, client, record);
  views.delete(record.code);
  return endClassRoom(env, record, verdictOf, now);
}

/** Seats a class's sockets count besides its students: the teacher's screens and spare tabs. */
const SCREEN_SEATS = 10;

const SOCKETS_SPENT = "Many class pages were opened from your network in the last minute.";

/**
 * Opens the WebSocket a class's screens follow it on: limited per address (2,000 a minute, every
 * class behind it) and per class and address by the class's size (limitSeats: 10 a seat a
 * minute, so 200 phones behind one school address all get theirs); a code this isolate has not
 * read lately also spends a look-up, so guessing codes costs few KV reads. 404 for no class; 426
 * when the request is not a WebSocket upgrade.
 * @example return await liveSocket(c.env, clientAddress(c), c.req.param("code"), c.req.raw);
 */
export async function liveSocket(env: Env, client: string, rawCode: unknown, request: Request): Promise<Response> {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError(426, {
      slug: "websocket-only",
      title: "WebSocket only",
      detail: "This address is a WebSocket the class's pages follow. Open the class's page instead.",
      headers: { upgrade: "websocket" },
    });
  }
  await limit(env, "class-socket-address", client, SOCKETS_SPENT);
  const code = joinCodeOf(rawCode);
  if (code && cachedClass(code) === undefined) await limit(env, "class-lookup", client, SOCKETS_SPENT);
  const record = await findClass(env, rawCode);
  const seats = (record.size ?? DEFAULT_CLASS_SIZE) + SCREEN_SEATS;
  await limitSeats(env, "class-socket", record.code, client, seats, SOCKETS_SPENT);
  // The object holds no settings before the first join: the record says whether the class waits.
  const headers = new Headers(request.headers);
  headers.set(LOBBY_HEADER, hasLobby(record) ? "1" : "0");
  const res = await inRoom(env, record.code, (room) => room.fetch(new Request(request, { headers })));
  if (res.status !== 101) {
    throw new AppError(503, {
      slug: "live-busy",
      title: "Too many screens",
      detail: "Too many screens follow this class. This page still updates: use Refresh.",
      headers: { "retry-after": "30" },
    });
  }
  return res;
}

/** A teacher's press (Start, or a pace button): limited per class (20 in 10 s) and per address (120 a minute). */
async function limitPresses(env: Env, client: string, record: ClassRecord): Promise<void> {
  await limit(env, "class-pace", record.code, PRESSES_SPENT);
  await limit(env, "pace-press", client, PRESSES_SPENT);
}

/** The pace the teacher's page showed when they pressed (whether the answer was shown does not matter). */
type SeenPace = Pick<Pace, "step" | "shut">;

/** Why a press was refused: the one wording for the projector and the JSON API. */
const PRESSES_SPENT = "The pace buttons were pressed very often in a short time.";

/**
 * The teacher's press in a teacher-paced class ("open" the next statement, "close" the open one),
 * applied only if the class is still where the teacher's page showed it; returns the pace now.
 * Limited per class (20 in 10 s) and per address (120 a minute, on its own key), since each press,
 * stale or not, is an object request; a lesson presses twice per statement.
 * @example await movePace(env, client, record, { step: 2, shut: true }, "open") // { step: 3, shut: false }
 */
export async function movePace(
  env: Env,
  client: string,
  record: ClassRecord,
  seen: SeenPace,
  action: PaceAction,
): Promise<Pace> {
  await limitPresses(env, client, record);
  const cls = { expiresAt: record.expiresAt, itemCount: record.itemIds.length };
  return inRoom(env, record.code, (room) => room.move(cls, seen, action));
}

/**
 * The teacher's press on a projector that puts its next screen in place (poll.js): the press and
 * the roster after it in one object request, limited as a press. `told`: the last socket message
 * whose change the roster holds (the screen skips it and those before it; 0: none).
 * @example const { live, told } = await movePaceAndLook(env, client, record, origin, seen, "close");
 */
export async function movePaceAndLook(
  env: Env,
  client: string,
  record: ClassRecord,
  origin: string,
  seen: SeenPace,
  action: PaceAction,
): Promise<{ live: LiveRoster; told: number }> {
  await limitPresses(env, client, record);
  const cls = { expiresAt: record.expiresAt, itemCount: record.itemIds.length };
  const moved = await inRoom(env, record.code, (room) => room.moveAndView(cls, seen, action));
  return { live: await rosterFrom(env, record, origin, moved.view, Date.now()), told: moved.told };
}

/**
 * The pace of a teacher-paced class as the JSON API gives it, after the teacher's press if there
 * is one; a 409 for a student-paced class (there is no pace to read or move).
 * @example await classPace(env, record, { seen: { step: 0, shut: true }, action: "open" }) // { step: 1, … }
 */
export async function classPace(
  env: Env,
  record: ClassRecord,
  press?: { seen: SeenPace; action: PaceAction; client: string },
): Promise<Pace & { code: string; itemCount: number }> {
  if (!record.paced) {
    throw new AppError(409, {
      slug: "student-paced",
      title: "This class is student-paced",
      detail: "Each student moves on by themselves: there is no pace to read or move.",
    });
  }
  const pace = press
    ? await movePace(env, press.client, record, press.seen, press.action)
    : await paceOf(env, record.code);
  return { code: record.code, ...pace, itemCount: record.itemIds.length };
}

/**
 * The phase and pace as the class's object holds them (one request), for a page that waits on
 * the class: its `data-follow` must match the socket's messages, which carry exactly these.
 * @example const { phase, pace } = await roomStatus(env, "ABC234");
 */
export function roomStatus(env: Env, code: string): Promise<{ phase: ClassPhase; pace: Pace }> {
  return inRoom(env, code, (room) => room.status());
}

/**
 * Where a class is, for a page a phone opened with the signal its socket sent (`signal`, from
 * `?pace=`): taken from the signal when it is genuine and for this class (no request), else asked
 * of the class's object (one request, after `spend`: the caller's limit). See
 * domain/pace-signal.ts for why an old signal is safe.
 * @example const status = await statusWithSignal(env, "ABC234", c.req.query("pace"), () => limitPlay(env, client, id));
 */
export async function statusWithSignal(
  env: Env,
  code: string,
  signal: string | undefined,
  spend: () => Promise<void>,
): Promise<{ phase: ClassPhase; pace: Pace }> {
  const secret = env.QUIZ_SECRET;
  const room = env.CLASS_ROOM.idFromName(code).toString();
  const read = signal && hasSecret(secret) ? await readSignal(secret, room, signal, Date.now()) : null;
  if (read) return read;
  await spend();
  return roomStatus(env, code);
}

/**
 * The signal of where a class is (as its socket messages carry it), for a page to pass on in a
 * link or redirect; null without a signing secret.
 * @example const p = await signalOf(env, "ABC234", { phase: "running", pace });
 */
export async function signalOf(
  env: Env,
  code: string,
  status: { phase: ClassPhase; pace: Pace },
): Promise<string | null> {
  const secret = env.QUIZ_SECRET;
  if (!hasSecret(secret)) return null;
  return signSignal(secret, env.CLASS_ROOM.idFromName(code).toString(), status, Date.now());
}

function hasSecret(secret: unknown): secret is string {
  return typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH;
}

/**
 * Where a teacher-paced class is now (one object request).
 * @example const pace = await paceOf(env, "ABC234");
 */
export function paceOf(env: Env, code: string): Promise<Pace> {
  return inRoom(env, code, (room) => room.pace());
}

/**
 * Tells the class's screens to refresh after a change the object does not hold (best effort);
 * false when the class was deleted meanwhile (the caller's KV write must not outlive it).
 * @example await nudgeScreens(env, record.code);
 */
export async function nudgeScreens(env: Env, code: string): Promise<boolean> {
  return inRoom(env, code, (room) => room.touch()).catch(() => true);
}
