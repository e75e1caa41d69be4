/**
 * @module class-know: "know what you know" for the teacher's dashboard, from the listed students —
 * the statements the class answered wrongly while sure (for the discussion), and how many students
 * expected more, fewer or about what they got. Pure.
 */
import { fromChar, isFinishedEntry, type StudentEntry, type VerdictLookup } from "./class-results";
import type { Judgement } from "./scoring";

/** A self-estimate within this many of the correct answers counts as well calibrated. */
export const WELL_CALIBRATED_WITHIN = 1;

/** One statement the class answered wrongly while sure. */
export interface SureWrongItem {
  itemId: string;
  /** 1-based place of the statement in the class. */
  position: number;
  verdict: Judgement;
  /** Finished students who answered it wrongly and had said "sure". */
  sureWrong: number;
  /** Finished students who answered it and had said "sure" (right or wrong). */
  sure: number;
}

/**
 * The statements finished students answered wrongly while sure, most such answers first (then
 * class order); statements nobody got wrong while sure are left out.
 * @example sureAndWrong(["a", "b"], entries, verdictOf) // [{ itemId: "b", position: 2, sureWrong: 3, sure: 4, … }]
 */
export function sureAndWrong(
  classItems: readonly string[],
  entries: readonly StudentEntry[],
  verdictOf: VerdictLookup,
): SureWrongItem[] {
  const finished = entries.filter(isFinishedEntry);
  const rows: SureWrongItem[] = [];
  classItems.forEach((itemId, index) => {
    const verdict = verdictOf(itemId);
    // The answers given to this statement by students who said "sure".
    const sure = finished
      .map((entry) => (entry.confidences?.[index] === "s" ? fromChar(entry.answers[index]) : null))
      .filter((answer) => answer !== null);
    const sureWrong = sure.filter((answer) => answer !== verdict).length;
    if (verdict && sureWrong > 0) rows.push({ itemId, position: index + 1, verdict, sureWrong, sure: sure.length });
  });
  return rows.sort((a, b) => b.sureWrong - a.sureWrong || a.position - b.position);
}

/** How a self-estimate compares with the correct answers: more than one above, more than one below, or within one. */
export type EstimateFit = "over" | "under" | "well";

/**
 * @example estimateFit(8, 6) // "over"
 * @example estimateFit(5, 6) // "well"
 */
export function estimateFit(estimate: number, correct: number): EstimateFit {
  if (estimate - correct > WELL_CALIBRATED_WITHIN) return "over";
  if (correct - estimate > WELL_CALIBRATED_WITHIN) return "under";
  return "well";
}

/**
 * A finished student's fit, or null when it cannot be read: no estimate given, or they answered
 * fewer statements than the class has (their estimate was of all `total`, so it would not compare).
 */
export function entryFit(entry: StudentEntry, total: number): EstimateFit | null {
  if (!isFinishedEntry(entry) || entry.estimate === undefined || entry.answered < total) return null;
  return estimateFit(entry.estimate, entry.score);
}

/** How many finished students expected more than they got, fewer, or about what they got, and how many were not counted. */
export interface ClassCalibration {
  over: number;
  under: number;
  well: number;
  /** Finished students who skipped the estimate (or finished before classes asked it). */
  noEstimate: number;
  /** Finished students with an estimate who stopped before the last statement: not counted. */
  stoppedEarly: number;
}

/**
 * The calibration counts over finished students; `total` is how many statements the class has.
 * @example classCalibration(entries, 8) // { over: 2, under: 1, well: 3, noEstimate: 1, stoppedEarly: 0 }
 */
export function classCalibration(entries: readonly StudentEntry[], total: number): ClassCalibration {
  const counts: ClassCalibration = { over: 0, under: 0, well: 0, noEstimate: 0, stoppedEarly: 0 };
  for (const entry of entries.filter(isFinishedEntry)) {
    const fit = entryFit(entry, total);
    if (fit) counts[fit]++;
    else if (entry.estimate === undefined) counts.noEstimate++;
    else counts.stoppedEarly++;
  }
  return counts;
}

/**
 * How many of a finished student's answers were wrong while sure (0 without confidences).
 * @example sureWrongCount(entry, classItems, verdictOf) // 2
 */
export function sureWrongCount(entry: StudentEntry, classItems: readonly string[], verdictOf: VerdictLookup): number {
  if (!isFinishedEntry(entry) || entry.confidences === undefined) return 0;
  let n = 0;
  classItems.forEach((itemId, index) => {
    const answer = fromChar(entry.answers[index]);
    if (answer !== null && entry.confidences?.[index] === "s" && answer !== verdictOf(itemId)) n++;
  });
  return n;
}
