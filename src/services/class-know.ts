/**
 * @module class-know service: the dashboard's "know what you know" — the calibration counts, the
 * statements answered wrongly while sure, and each finished student's estimate — from the listed
 * students (no request of its own: the dashboard's one read of the class's object).
 */
import { type ItemTexts, statementOf } from "../content/texts";
import type { ClassRecord } from "../domain/class";
import { classCalibration, entryFit, sureAndWrong, sureWrongCount } from "../domain/class-know";
import { dashboardOrder, isFinishedEntry, type StudentEntry } from "../domain/class-results";
import type { KnowView } from "../views/class-dashboard-know";
import { verdictOf } from "./verdicts";

/**
 * @example const know = knowOf(record, roster.entries, await itemTexts(env.ASSETS));
 */
export function knowOf(
  record: Pick<ClassRecord, "itemIds">,
  entries: readonly StudentEntry[],
  texts: ReadonlyMap<string, ItemTexts>,
): KnowView {
  const total = record.itemIds.length;
  return {
    calibration: classCalibration(entries, total),
    sureAndWrong: sureAndWrong(record.itemIds, entries, verdictOf).map((row) => ({
      position: row.position,
      itemId: row.itemId,
      statement: statementOf(texts, row.itemId),
      verdict: row.verdict,
      sureWrong: row.sureWrong,
      sure: row.sure,
    })),
    students: dashboardOrder(entries)
      .filter(isFinishedEntry)
      .map((entry) => ({
        id: entry.sid,
        estimate: entry.estimate ?? null,
        fit: entryFit(entry, total),
        sureWrong: sureWrongCount(entry, record.itemIds, verdictOf),
      })),
  };
}
