/**
 * @module check-change: what changed between a class's check-in and check-out (pure) — correct
 * answers, discernment, lean (bias c) and overconfidence (the estimate minus the score), each over
 * the students who did both, with how many went up, down or stayed — and the same in words a
 * teacher can say aloud (no figures with signs, no verdicts).
 */
import { estimateFit } from "./class-know";
import type { Judgement } from "./scoring";
import { roundTo, scoreAnswers } from "./scoring";

/** The check-in (before the class's statements) or the check-out (after them). */
export type CheckPhase = "in" | "out";

/** One student's check-in or check-out as recorded: its statements, one "v"/"u" per statement, the estimate. */
export interface CheckTake {
  items: string[];
  answers: string;
  /** How many they expected to get right (null: skipped). */
  estimate: number | null;
}

/** A student's check-in and check-out, each absent until done. */
export interface StudentCheck {
  in?: CheckTake;
  out?: CheckTake;
}

/** Below this many students who did both, the change says little: the words say so. */
export const FEW_STUDENTS = 10;

/** One take's figures. */
export interface TakeFigures {
  correct: number;
  total: number;
  discernment: number;
  /** Bias c: positive says "unverified" more often. */
  bias: number;
  /** The estimate minus the correct answers (null: no estimate). */
  overconfidence: number | null;
}

/** Looks up a statement's verdict. */
export type CheckVerdictOf = (itemId: string) => Judgement | undefined;

/**
 * A take's figures, over the statements the pack still knows.
 * @example takeFigures({ items: ["a", "b"], answers: "vu", estimate: 2 }, verdictOf).correct // 1 or 2
 */
export function takeFigures(take: CheckTake, verdictOf: CheckVerdictOf): TakeFigures {
  const answered = take.items.flatMap((itemId, i) => {
    const verdict = verdictOf(itemId);
    const char = take.answers[i];
    if (!verdict || (char !== "v" && char !== "u")) return [];
    return [{ verdict, answer: (char === "v" ? "verified" : "unverified") as Judgement }];
  });
  const score = scoreAnswers(answered);
  return {
    correct: score.correct,
    total: answered.length,
    discernment: roundTo(score.discernment, 2),
    bias: roundTo(score.bias, 2),
    overconfidence: take.estimate === null ? null : take.estimate - score.correct,
  };
}

/** One figure's change over the students who did both (means rounded to two places; null with nobody). */
export interface FigureChange {
  students: number;
  before: number | null;
  after: number | null;
  change: number | null;
  /** Students whose figure rose, fell, or stayed as it was. */
  up: number;
  down: number;
  same: number;
}

/** The class's change, and how many did each part. */
export interface CheckChange {
  checkedIn: number;
  checkedOut: number;
  both: number;
  correct: FigureChange;
  discernment: FigureChange;
  lean: FigureChange;
  /** Over students who gave an estimate both times; `over*`: how many expected more than they got (by more than 1). */
  overconfidence: FigureChange & { overBefore: number; overAfter: number };
  /** Fewer than FEW_STUDENTS did both. */
  few: boolean;
  /** How many statements each take has (the first recorded take's; 0 with none). */
  size: number;
}

function changeOf(pairs: readonly (readonly [number, number])[]): FigureChange {
  const n = pairs.length;
  const mean = (pick: (p: readonly [number, number]) => number) =>
    n === 0 ? null : roundTo(pairs.reduce((sum, p) => sum + pick(p), 0) / n, 2);
  const before = mean((p) => p[0]);
  const after = mean((p) => p[1]);
  return {
    students: n,
    before,
    after,
    change: before === null || after === null ? null : roundTo(after - before, 2) + 0,
    up: pairs.filter(([b, a]) => a > b).length,
    down: pairs.filter(([b, a]) => a < b).length,
    same: pairs.filter(([b, a]) => a === b).length,
  };
}

/**
 * The class's change from check-in to check-out.
 * @example checkChange([], verdictOf).both // 0
 */
export function checkChange(students: readonly StudentCheck[], verdictOf: CheckVerdictOf): CheckChange {
  const both = students.flatMap((s) =>
    s.in && s.out ? [[takeFigures(s.in, verdictOf), takeFigures(s.out, verdictOf)] as const] : [],
  );
  const pairs = (pick: (f: TakeFigures) => number) => both.map(([b, a]) => [pick(b), pick(a)] as const);
  const estimated = both.flatMap(([b, a]) =>
    b.overconfidence === null || a.overconfidence === null ? [] : [[b, a] as const],
  );
  const first = students.find((s) => s.in)?.in ?? students.find((s) => s.out)?.out;
  const over = (f: TakeFigures) =>
    f.overconfidence !== null && estimateFit(f.overconfidence + f.correct, f.correct) === "over";
  return {
    checkedIn: students.filter((s) => s.in).length,
    checkedOut: students.filter((s) => s.out).length,
    both: both.length,
    correct: changeOf(pairs((f) => f.correct)),
    discernment: changeOf(pairs((f) => f.discernment)),
    lean: changeOf(pairs((f) => f.bias)),
    overconfidence: {
      ...changeOf(estimated.map(([b, a]) => [b.overconfidence as number, a.overconfidence as number] as const)),
      overBefore: estimated.filter(([b]) => over(b)).length,
      overAfter: estimated.filter(([, a]) => over(a)).length,
    },
    few: both.length < FEW_STUDENTS,
    size: first?.items.length ?? 0,
  };
}

/** How one statement of a check went: right answers among the students who answered it. */
export interface StatementCount {
  answered: number;
  correct: number;
}

/**
 * Each check statement's right answers at the check-in and at the check-out, over the takes given
 * (a statement a take has but the pack no longer knows is left out).
 * @example statementCounts(students, verdictOf).get(id)?.in // { answered: 7, correct: 4 }
 */
export function statementCounts(
  students: readonly StudentCheck[],
  verdictOf: CheckVerdictOf,
): Map<string, Record<CheckPhase, StatementCount>> {
  const counts = new Map<string, Record<CheckPhase, StatementCount>>();
  for (const student of students) {
    for (const phase of ["in", "out"] as const) {
      const take = student[phase];
      if (!take) continue;
      take.items.forEach((itemId, i) => {
        const verdict = verdictOf(itemId);
        const char = take.answers[i];
        if (!verdict || (char !== "v" && char !== "u")) return;
        const held = counts.get(itemId) ?? { in: { answered: 0, correct: 0 }, out: { answered: 0, correct: 0 } };
        held[phase].answered += 1;
        if ((char === "v") === (verdict === "verified")) held[phase].correct += 1;
        counts.set(itemId, held);
      });
    }
  }
  return counts;
}

/** Which of the two parts a student has done. */
export type ChecksDone = "both" | "in" | "out" | "neither";

/**
 * Which parts a student has done, from their figures (null: not done).
 * @example checksDone({ before: figures, after: null }) // "in"
 */
export function checksDone(check: { before: unknown; after: unknown }): ChecksDone {
  const inDone = check.before !== null;
  const outDone = check.after !== null;
  return inDone && outDone ? "both" : inDone ? "in" : outDone ? "out" : "neither";
}

/** What the dashboard says about the change, in order: the headline, one line per figure, a note. */
export interface CheckWords {
  headline: string;
  lines: string[];
  /** Set when too few did both to read much into it. */
  note: string | null;
}

const students = (n: number) => `${n} ${n === 1 ? "student" : "students"}`;

/** A mean as said aloud: one decimal at most, never a sign ("3.5", "4"). */
function spoken(value: number | null): string {
  return value === null ? "0" : String(roundTo(Math.abs(value), 1));
}

/** "better for 7, worse for 2, the same for 3", leaving out the parts that are 0 (but never all). */
function split(c: FigureChange, up: string, down: string): string {
  const parts = [
    c.up > 0 ? `${up} for ${c.up}` : "",
    c.down > 0 ? `${down} for ${c.down}` : "",
    c.same > 0 ? `the same for ${c.same}` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/**
 * The change in words.
 * @example checkWords(change).headline // "12 students did both the check-in and the check-out."
 */
export function checkWords(c: CheckChange): CheckWords {
  if (c.both === 0) {
    const headline =
      c.checkedIn === 0
        ? "The change appears when students have done both the check-in and the check-out."
        : `${students(c.checkedIn)} did the check-in and ${c.checkedOut} the check-out; the change appears when someone has done both.`;
    return { headline, lines: [], note: null };
  }
  const lines = [
    `Right answers: ${spoken(c.correct.before)} of ${c.size} on average at the check-in, ${spoken(c.correct.after)} at the check-out (${split(c.correct, "more", "fewer")}).`,
    `Telling facts from claims: ${split(c.discernment, "better", "worse")}.`,
    `Calling statements unverified: ${split(c.lean, "more often", "less often")}.`,
    c.overconfidence.students === 0
      ? "Nobody who did both said both times how many they expected to get right."
      : `Expected more than they got: ${c.overconfidence.overBefore} of ${c.overconfidence.students} at the check-in, ${c.overconfidence.overAfter} of ${c.overconfidence.students} at the check-out.`,
  ];
  return {
    headline: `${students(c.both)} did both the check-in and the check-out.`,
    lines,
    note: c.few
      ? `With ${c.both === 1 ? "only one student" : `only ${c.both} students`}, one student's answers move these a lot: too few to read much into.`
      : null,
  };
}

/**
 * A student's own before and after, in plain words (null: not both done).
 * @example studentCheckLines(before, after)[0] // "At the check-in you got 3 of 6 right; at the check-out, 5 of 6."
 */
export function studentCheckLines(before: TakeFigures | null, after: TakeFigures | null): string[] | null {
  if (!before || !after) return null;
  const lines = [
    `At the check-in you got ${before.correct} of ${before.total} right; at the check-out, ${after.correct} of ${after.total}.`,
  ];
  const told =
    after.discernment > before.discernment
      ? "better at the check-out than at the check-in"
      : after.discernment < before.discernment
        ? "less well at the check-out than at the check-in"
        : "as well at the check-out as at the check-in";
  lines.push(`You told facts from claims ${told}.`);
  if (before.overconfidence !== null && after.overconfidence !== null) {
    const expected = (f: TakeFigures) => (f.overconfidence as number) + f.correct;
    lines.push(`You expected ${expected(before)} at the check-in and ${expected(after)} at the check-out.`);
  }
  return lines;
}
