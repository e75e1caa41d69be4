/** @module class-csv: the teacher's CSV as header and rows, in words a teacher reads (Q1…Qn, a legend). Pure. */

import type { TakeFigures } from "./check-change";
import { type EstimateFit, entryFit, sureWrongCount } from "./class-know";
import { dashboardOrder, fromChar, isFinishedEntry, progressOf, type StudentEntry, statusOf } from "./class-results";
import type { CsvCell } from "./csv";
import { type Judgement, leanOf } from "./scoring";

/** A statement of the class as the CSV's legend names it. */
export type StatementLookup = (itemId: string) => { statement: string; verdict: Judgement } | undefined;

const FACTS_FROM_CLAIMS = "Facts told from claims (-1 to 1)";
const LEAN_FIGURE = "Lean figure";
const EXPECTED = "Expected";
const EXPECTED_GOT = "Expected against got";
const SURE_WRONG = "Wrong while sure";

/** A student's estimate against their correct answers, in the CSV's words. */
const FIT_WORDS: Record<EstimateFit, string> = {
  over: "expected more",
  under: "did better",
  well: "about right",
};

/** What the two figure columns mean, for a reader who opens the file without the dashboard. */
const COLUMN_LEGEND: CsvCell[][] = [
  [
    FACTS_FROM_CLAIMS,
    "Share of facts called verified minus share of claims called verified: 1 = every one told apart, 0 = what guessing gives, -1 = all swapped.",
  ],
  [
    LEAN_FIGURE,
    "Above 0: said unverified more often (doubted facts); below 0: said verified more often (accepted claims); between -0.5 and 0.5 the lean is balanced.",
  ],
  [EXPECTED, "How many the student expected to get right, asked before the first statement (empty: skipped)."],
  [
    EXPECTED_GOT,
    "About right: within 1 of their correct answers; expected more or did better: 2 or more apart (empty: no estimate, or stopped early).",
  ],
  [SURE_WRONG, "Answers the student gave as “sure” that were wrong."],
];

/** A student's check-in and check-out figures (null: not done), for a class that has them. */
export type CheckColumns = (entry: StudentEntry) => { before: TakeFigures | null; after: TakeFigures | null };

const CHECK_HEADER = ["Check-in correct", "Check-out correct", "Check-in expected", "Check-out expected"];

const CHECK_LEGEND: CsvCell[][] = [
  [
    "Check-in correct, Check-out correct",
    "Right answers of the six statements before the quiz and of six others after it (empty: not done); half the class had each six first.",
  ],
  [
    "Check-in expected, Check-out expected",
    "How many the student expected to get right of each six (empty: skipped or not done).",
  ],
];

function checkCells(held: ReturnType<CheckColumns>): CsvCell[] {
  const expected = (f: TakeFigures | null) => (f && f.overconfidence !== null ? f.overconfidence + f.correct : null);
  return [held.before?.correct ?? null, held.after?.correct ?? null, expected(held.before), expected(held.after)];
}

/**
 * The CSV export for csv.ts: one row per student (finished first), numbers as numbers (so a
 * negative discernment stays a number), the self-estimate and how it fits, the answers wrong while
 * sure, one column Qn per statement in class order with "right", "wrong" or empty (not answered);
 * then one empty row and the legend, "Q1", the statement, its verdict; then one empty row and what
 * the figure columns mean. A class with a check-in and check-out gets four columns more, after the
 * statements, and their meaning. Text goes through toCsv, which makes a leading = + - @ inert.
 */
export function csvTable(
  classItems: readonly string[],
  entries: readonly StudentEntry[],
  itemOf: StatementLookup,
  checksOf?: CheckColumns,
): { header: string[]; rows: CsvCell[][] } {
  const questions = classItems.map((_, index) => `Q${index + 1}`);
  const header = [
    "Nickname",
    "Status",
    "Answered",
    "Correct",
    FACTS_FROM_CLAIMS,
    LEAN_FIGURE,
    "Lean",
    "Finished (UTC)",
    EXPECTED,
    EXPECTED_GOT,
    SURE_WRONG,
    ...questions,
    ...(checksOf ? CHECK_HEADER : []),
  ];
  const total = classItems.length;
  const rows: CsvCell[][] = dashboardOrder(entries).map((entry) => {
    const start = [entry.nick, statusOf(entry, total), progressOf(entry)];
    const checks = checksOf ? checkCells(checksOf(entry)) : [];
    // Still playing: the figures, the estimate and every statement are empty until the finish.
    if (!isFinishedEntry(entry)) return [...start, ...Array.from({ length: 8 + total }, () => null), ...checks];
    const fit = entryFit(entry, total);
    return [
      ...start,
      entry.score,
      entry.discernment,
      entry.c,
      leanOf(entry.c),
      // "2026-11-30 14:05": spreadsheets read it as a time (UTC, as the column says).
      new Date(entry.finishedAt).toISOString().slice(0, 16).replace("T", " "),
      entry.estimate ?? null,
      fit ? FIT_WORDS[fit] : null,
      sureWrongCount(entry, classItems, (id) => itemOf(id)?.verdict),
      ...classItems.map((itemId, index) => {
        const answer = fromChar(entry.answers[index]);
        if (answer === null) return null;
        return answer === itemOf(itemId)?.verdict ? "right" : "wrong";
      }),
      ...checks,
    ];
  });
  const legend = classItems.map((itemId, index): CsvCell[] => {
    const item = itemOf(itemId);
    return [
      questions[index] ?? "",
      item?.statement ?? itemId,
      item?.verdict === "verified" ? "Verified" : "Unverified",
    ];
  });
  return { header, rows: [...rows, [], ...legend, [], ...COLUMN_LEGEND, ...(checksOf ? CHECK_LEGEND : [])] };
}
