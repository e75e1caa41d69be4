/**
 * @module pace: a teacher-paced class as a pure value. The teacher opens one statement at a time
 * from the projector, closes it (then the class's split is shown), shows the answer (then each
 * phone shows its own right or wrong), and opens the next. No timers: nothing moves until the
 * teacher presses a button. Student-paced classes never consult this.
 */

/** Where a teacher-paced class is: `step` 0 before the first statement, else the 1-based place of the current one. */
export interface Pace {
  step: number;
  /** The current statement is closed: no more answers, its split may be shown. */
  shut: boolean;
  /**
   * The teacher showed the closed statement's answer: only now do phones get its verdict, so the
   * room discusses the split before anyone knows who was right.
   */
  shown: boolean;
}

/** What the teacher pressed. */
export type PaceAction = "open" | "close" | "reveal";

/** A class before its teacher opens the first statement. */
export const NOT_STARTED: Pace = { step: 0, shut: true, shown: false };

/**
 * The class after the teacher's press, or null when the press does not apply: `seen` is the
 * pace the teacher's page showed, so a double click or a second tab never skips a statement.
 * "open" opens the next statement once the current one is closed (shown or not: a teacher may
 * move on without the answer, which the phones then get with the next statement); "close" closes
 * the open one; "reveal" shows a closed statement's answer.
 * @example nextPace({ step: 2, shut: true, shown: true }, { step: 2, shut: true }, "open", 8) // { step: 3, shut: false, shown: false }
 */
export function nextPace(
  now: Pace,
  seen: Pick<Pace, "step" | "shut">,
  action: PaceAction,
  itemCount: number,
): Pace | null {
  if (now.step !== seen.step || now.shut !== seen.shut) return null;
  if (action === "close") return now.shut ? null : { step: now.step, shut: true, shown: false };
  if (action === "reveal") return now.shut && now.step > 0 && !now.shown ? { ...now, shown: true } : null;
  return now.shut && now.step < itemCount ? { step: now.step + 1, shut: false, shown: false } : null;
}

/** The whole class has been through every statement, and the last one's answer is shown. */
export function paceDone(pace: Pace, itemCount: number): boolean {
  return pace.step >= itemCount && pace.shut && pace.shown;
}

/**
 * Why a phone waits: for the first statement; for the close after answering; for the answer
 * after the close ("answers-in": look at the big screen); for the next statement after missing
 * one; or the class is through and the result is there.
 */
export type WaitReason = "not-started" | "answered" | "answers-in" | "closed" | "done";

/** What a student's page does in a teacher-paced class. */
export type PacedPage =
  | { show: "question"; position: number }
  | { show: "feedback"; itemId: string }
  | { show: "wait"; why: WaitReason }
  | { show: "result" };

/**
 * Where a student of a teacher-paced class belongs now: the open statement if they have not
 * answered it, its feedback once the teacher showed its answer, otherwise a waiting page ("done":
 * the teacher showed the last statement's answer, so the student can see their result). `answered`
 * tells whether the student answered the statement at a place (1-based).
 * @example pacedPage({ step: 3, shut: false }, (p) => p < 3, itemIds, false) // { show: "question", position: 3 }
 */
export function pacedPage(
  pace: Pace,
  answered: (position: number) => boolean,
  itemIds: readonly string[],
  finished: boolean,
): PacedPage {
  if (finished) return { show: "result" };
  if (pace.step === 0) return { show: "wait", why: "not-started" };
  if (!pace.shut)
    return answered(pace.step) ? { show: "wait", why: "answered" } : { show: "question", position: pace.step };
  const itemId = itemIds[pace.step - 1];
  if (itemId !== undefined && answered(pace.step)) {
    return pace.shown ? { show: "feedback", itemId } : { show: "wait", why: "answers-in" };
  }
  if (paceDone(pace, itemIds.length)) return { show: "wait", why: "done" };
  return { show: "wait", why: pace.step >= itemIds.length ? "answers-in" : "closed" };
}

/**
 * The place (1-based) of the statement a student of a teacher-paced class answers next: the open
 * one if they have not answered it, else the one the teacher opens next; null after the last. A
 * late joiner starts where the class is: the statements before count as not answered.
 * @example pacedNextPosition({ step: 3, shut: false }, () => false, 8) // 3
 */
export function pacedNextPosition(
  pace: Pace,
  answered: (position: number) => boolean,
  itemCount: number,
): number | null {
  const open = pace.step > 0 && !pace.shut && !answered(pace.step);
  const position = open ? pace.step : pace.step + 1;
  return position <= itemCount ? position : null;
}

/**
 * Whether a student may see the feedback (the verdict) for the statement at `position`: only
 * once the teacher has shown its answer (or moved past it), so nobody calls the answer out
 * while others still think, and the room sees the split before the verdict.
 * @example mayReveal({ step: 3, shut: false, shown: false }, 2) // true
 */
export function mayReveal(pace: Pace, position: number): boolean {
  return position < pace.step || (position === pace.step && pace.shut && pace.shown);
}
