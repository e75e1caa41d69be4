/** @module class-csv: the teacher's CSV as header and rows, in words a teacher reads (Q1…Qn, a legend). Pure. */
import { dashboardOrder, fromChar, isFinishedEntry, progressOf, type StudentEntry, statusOf } from "./class-results";
import type { CsvCell } from "./csv";
import { type Judgement, leanOf } from "./scoring";

/** A statement of the class as the CSV's legend names it. */
export type StatementLookup = (itemId: string) => { statement: string; verdict: Judgement } | undefined;

const FACTS_FROM_CLAIMS = "Facts told from claims (-1 to 1)";
const LEAN_FIGURE = "Lean figure";

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
];

/**
 * The CSV export for csv.ts: one row per student (finished first), numbers as numbers (so a
 * negative discernment stays a number), one column Qn per statement in class order with "right",
 * "wrong" or empty (not answered); then one empty row and the legend, "Q1", the statement, its
 * verdict; then one empty row and what the two figure columns mean. Text goes through toCsv, which makes a leading = + - @ inert.
 */
export function csvTable(
  classItems: readonly string[],
  entries: readonly StudentEntry[],
  itemOf: StatementLookup,
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
    ...questions,
  ];
  const total = classItems.length;
  const rows: CsvCell[][] = dashboardOrder(entries).map((entry) => {
    const start = [entry.nick, statusOf(entry, total), progressOf(entry)];
    if (!isFinishedEntry(entry)) return [...start, null, null, null, null, null, ...classItems.map(() => null)];
    return [
      ...start,
      entry.score,
      entry.discernment,
      entry.c,
      leanOf(entry.c),
      // "2026-11-30 14:05": spreadsheets read it as a time (UTC, as the column says).
      new Date(entry.finishedAt).toISOString().slice(0, 16).replace("T", " "),
      ...classItems.map((itemId, index) => {
        const answer = fromChar(entry.answers[index]);
        if (answer === null) return null;
        return answer === itemOf(itemId)?.verdict ? "right" : "wrong";
      }),
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
  return { header, rows: [...rows, [], ...legend, [], ...COLUMN_LEGEND] };
}
