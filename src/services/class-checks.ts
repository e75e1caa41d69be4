/**
 * @module class-checks service: a class's check-in and check-out — the two forms drawn at creation
 * (or when the settings change), which one a student plays when, and their takes recorded by the
 * class's object (first one standing, no feedback: they measure). The token's `class.check` counts
 * the parts a student is past, so the quiz pages send them on without asking the object.
 */
import { pack } from "../content/pack";
import { type ItemTexts, itemTexts, statementOf, textsOf } from "../content/texts";
import { voiceOf } from "../content/voices";
import {
  type CheckPhase,
  type CheckTake,
  checkChange,
  checkWords,
  type StudentCheck,
  statementCounts,
  type TakeFigures,
  takeFigures,
} from "../domain/check-change";
import { type CheckForms, checkOrder, drawCheckForms } from "../domain/check-forms";
import { type ClassRecord, secureRandom } from "../domain/class";
import { dashboardOrder, type StudentEntry } from "../domain/class-results";
import { isFinished, type QuizState } from "../domain/quiz";
import type { ClassPhase } from "../domain/room";
import { getClassCached } from "../store/class-records";
import type { CheckRefusal, RoomCheck, RoomCheckSeat } from "../store/class-room-checks";
import { inRoom } from "../store/room-calls";
import type { CheckStatementView, ChecksView } from "../views/class-dashboard-checks";
import { AppError } from "./errors";
import { verdictOf } from "./verdicts";

/** The most statements a class may play with a check-in and check-out (the pack must keep 12 draw groups apart). */
export const MAX_ITEMS_WITH_CHECKS = 12;

/**
 * Draws a class's two forms beside its statements (reads the item texts file once per isolate for
 * each claimant's side). Throws a 400 naming `body.checks` when the pack has too few statements left.
 */
export async function drawClassChecks(env: Env, itemIds: readonly string[]): Promise<CheckForms> {
  const texts = await itemTexts(env.ASSETS);
  const items = pack.items.map((item) => ({ ...item, side: voiceOf(textsOf(texts, item.id).claimant).camp }));
  const forms = drawCheckForms(items, itemIds, secureRandom);
  if (forms) return forms;
  const detail = `The check-in and check-out need statements the class does not play: choose ${MAX_ITEMS_WITH_CHECKS} statements or fewer.`;
  throw new AppError(400, {
    slug: "invalid-body",
    title: "The request body is not valid",
    detail,
    field: "body.checks",
    errors: [{ field: "body.checks", message: detail }],
  });
}

/** A class attempt whose class has a check-in and check-out. */
export type CheckedState = QuizState & { class: NonNullable<QuizState["class"]> & { check: number } };

/** Whether a token's class has checks (the token says so since the student joined). */
export function hasChecks(state: QuizState): state is CheckedState {
  return typeof state.class?.check === "number";
}

/** Where a student is in their checks, as their class's object holds it. */
export interface CheckPlan {
  /** The part to play now (null: none now — the class's statements come next, or everything is done). */
  next: { phase: CheckPhase; items: string[] } | null;
  /** How many parts they are past (1: the check-in done, or too late for it; 2: the check-out done too). */
  passed: number;
  /** Their takes as recorded. */
  takes: Partial<Record<CheckPhase, CheckTake>>;
  /** The class's phase (the lobby: the check-in waits for the teacher's Start). */
  phase: ClassPhase;
  seat: "in" | "waiting" | "gone";
}

/** A 409 for a class whose forms are gone (a content change removed a statement) or never were. */
function noChecks(): AppError {
  return new AppError(409, {
    slug: "no-checks",
    title: "This class has no check-in",
    detail: "This class plays no check-in or check-out (or its statements have changed since it was created).",
  });
}

async function formsOf(env: Env, code: string): Promise<{ record: ClassRecord; forms: CheckForms }> {
  const record = await getClassCached(env.SCORES, code);
  const forms = record?.checks;
  if (!record || !forms || ![...forms.a, ...forms.b].every((id) => pack.itemById.has(id))) throw noChecks();
  return { record, forms };
}

/** The plan from what the object holds (pure apart from its inputs). */
function planOf(forms: CheckForms, seat: RoomCheckSeat, phase: ClassPhase): CheckPlan {
  const [first, second] = checkOrder(seat.turn);
  const takes: CheckPlan["takes"] = {};
  for (const take of seat.takes) takes[take.phase] = take;
  // Past the check-in: done, or a statement answered (it measures before them), or the class ended.
  const pastIn = takes.in !== undefined || seat.answered > 0 || phase === "ended";
  const next = !pastIn
    ? { phase: "in" as const, items: forms[first] }
    : seat.finished && !takes.out
      ? { phase: "out" as const, items: forms[second] }
      : null;
  const passed = takes.out ? 2 : pastIn ? 1 : 0;
  return { next, passed, takes, phase, seat: seat.removed ? "gone" : seat.waiting ? "waiting" : "in" };
}

/**
 * A student's check plan (one object request, after the caller's limiter).
 * @example const plan = await checkPlanOf(c.env, state); plan.next?.items // the 6 ids to show
 */
export async function checkPlanOf(env: Env, state: CheckedState): Promise<CheckPlan> {
  const { forms } = await formsOf(env, state.class.code);
  // One request for both: each RPC call wakes the object and is billed apart.
  const held = await inRoom(env, state.class.code, (room) => room.checkSeatAndPhase(state.id));
  if (!held.seat) throw notInClass();
  return planOf(forms, held.seat, held.phase);
}

/**
 * The plan, or null when the class has no check-in after all: the teacher turned it off in the
 * lobby after the student joined, or a content change removed a form's statement. The pages then
 * drop it from the token and go on, never a dead end.
 */
export async function checkPlanOrNone(env: Env, state: CheckedState): Promise<CheckPlan | null> {
  try {
    return await checkPlanOf(env, state);
  } catch (error) {
    if (error instanceof AppError && error.slug === "no-checks") return null;
    throw error;
  }
}

/** The token's state without checks (the class has none now). */
export function withoutChecks(state: CheckedState): QuizState {
  const { check: _, ...cls } = state.class;
  return { ...state, class: cls };
}

function notInClass(): AppError {
  return new AppError(404, {
    slug: "student-not-found",
    title: "You are not in this class",
    detail: "This class's object does not know this attempt: join the class again, or use your code to get back in.",
  });
}

/** How many parts the token should say a student is past: the plan's, or all once finished with none due. */
export function passedOf(plan: CheckPlan, state: CheckedState): number {
  return plan.next ? plan.passed : isFinished(state) ? 2 : Math.max(plan.passed, 1);
}

/** The token's state with the parts a student is past (unchanged when it already says so). */
export function withPassed(state: CheckedState, passed: number): CheckedState {
  return state.class.check >= passed ? state : { ...state, class: { ...state.class, check: passed } };
}

type TakeRecorded = { ok: true; take: RoomCheck; first: boolean } | { ok: false; refused: CheckRefusal };

const REFUSED: Record<CheckRefusal, { status: 403 | 404 | 409; slug: string; detail: string }> = {
  "not-in-class": { status: 404, slug: "student-not-found", detail: "This class does not know this attempt." },
  removed: { status: 403, slug: "removed", detail: "Your teacher removed this name from the class." },
  waiting: { status: 409, slug: "not-admitted", detail: "Your teacher has not let you in yet." },
  "not-started": {
    status: 409,
    slug: "class-not-started",
    detail: "The class has not started: wait for your teacher's Start.",
  },
  "too-late": {
    status: 409,
    slug: "check-too-late",
    detail: "The check-in comes before the first statement: you have answered one already.",
  },
  "not-finished": {
    status: 409,
    slug: "check-not-yet",
    detail: "The check-out comes after the last statement: finish the quiz first.",
  },
};

/** The refusal as the error its route answers, under `title`. */
function refusedError(refusal: CheckRefusal, title: string, field?: string): AppError {
  const refused = REFUSED[refusal];
  return new AppError(refused.status, {
    slug: refused.slug,
    title,
    detail: refused.detail,
    ...(field ? { field } : {}),
  });
}

/**
 * Why the student may not play their checks now, before any statement is shown (null: they may):
 * a removed name, a student waiting to be let in, or a check-in while the class waits in its lobby.
 * The pages send these students to "You're in"; JSON clients get the reason (assertMayPlay).
 */
export function playRefusal(plan: CheckPlan): CheckRefusal | null {
  if (plan.seat === "gone") return "removed";
  if (plan.seat === "waiting") return "waiting";
  return plan.phase === "lobby" && plan.next?.phase === "in" ? "not-started" : null;
}

/** Throws what the class's object would answer a take now: 403 removed, 409 not-admitted or class-not-started. */
export function assertMayPlay(plan: CheckPlan): void {
  const refusal = playRefusal(plan);
  if (refusal) throw refusedError(refusal, "Not now", "body.token");
}

/**
 * Records a student's check-in or check-out: `answers` one "v"/"u" per statement of the part the
 * plan offers, in its order. `plan` is the caller's, just read with `checkPlanOf` (read again here it
 * would cost the object two more requests; the object refuses a take that is no longer due itself).
 * Throws a 409 `check-not-now` when that part is not the one to play now.
 */
export async function recordTake(
  env: Env,
  state: CheckedState,
  plan: CheckPlan,
  phase: CheckPhase,
  answers: string,
  estimate: number | null,
  now = Date.now(),
): Promise<{ plan: CheckPlan; state: CheckedState }> {
  if (plan.next?.phase !== phase) {
    throw new AppError(409, {
      slug: "check-not-now",
      title: phase === "in" ? "The check-in is not open" : "The check-out is not open",
      detail:
        phase === "in"
          ? "The check-in comes once, before the first statement: it is done, or too late now."
          : "The check-out comes once, after the last statement: finish first, or it is done already.",
      field: "body.phase",
    });
  }
  const take: RoomCheck = { attempt: state.id, phase, items: plan.next.items, answers, estimate };
  // RPC types a union result clumsily; the object returns a plain one.
  const done = await inRoom(env, state.class.code, async (room) => (await room.check(take, now)) as TakeRecorded);
  if (!done.ok) throw refusedError(done.refused, "That was not recorded");
  const takes = { ...plan.takes, [phase]: done.take };
  const passed = takes.out ? 2 : 1;
  const next = { ...plan, next: null, passed, takes };
  return { plan: next, state: withPassed(state, passed) };
}

/** A student's before and after, for their result: each take's figures (null: not done). */
export function beforeAfter(plan: CheckPlan): { before: TakeFigures | null; after: TakeFigures | null } {
  const figures = (take: CheckTake | undefined) => (take ? takeFigures(take, (id) => verdictOf(id)) : null);
  return { before: figures(plan.takes.in), after: figures(plan.takes.out) };
}

/**
 * The dashboard's checks from its one read of the class's object (null: the class has none).
 * Students come in the dashboard's order (`dashboardOrder`), as its Students table lists them.
 * @example const checks = checksViewOf(record, roster.entries, roster.checks, texts);
 */
export function checksViewOf(
  record: Pick<ClassRecord, "checks">,
  entries: readonly StudentEntry[],
  takes: readonly RoomCheck[],
  texts: ReadonlyMap<string, ItemTexts>,
): ChecksView | null {
  const forms = record.checks;
  if (!forms) return null;
  const byAttempt = new Map<string, StudentCheck>();
  for (const take of takes) {
    const held = byAttempt.get(take.attempt) ?? {};
    held[take.phase] = take;
    byAttempt.set(take.attempt, held);
  }
  const present = dashboardOrder(entries).map((entry) => ({ entry, check: byAttempt.get(entry.id) ?? {} }));
  const checks = present.map((p) => p.check);
  const change = checkChange(checks, (id) => verdictOf(id));
  const figures = (take: CheckTake | undefined) => (take ? takeFigures(take, (id) => verdictOf(id)) : null);
  const counts = statementCounts(checks, (id) => verdictOf(id));
  const none = { answered: 0, correct: 0 };
  const statements = (["a", "b"] as const).flatMap((set) =>
    forms[set].flatMap((itemId, i): CheckStatementView[] => {
      const verdict = verdictOf(itemId);
      if (!verdict) return []; // gone from the pack since the class was made
      const count = counts.get(itemId);
      const statement = statementOf(texts, itemId);
      return [
        { set, position: i + 1, itemId, statement, verdict, checkIn: count?.in ?? none, checkOut: count?.out ?? none },
      ];
    }),
  );
  return {
    change,
    words: checkWords(change),
    students: present.map(({ entry, check }) => ({
      id: entry.sid,
      before: figures(check.in),
      after: figures(check.out),
    })),
    statements,
  };
}
