/** @module csv: RFC 4180 CSV for spreadsheets, with formula injection made inert. */

/** A cell: text, a number, or empty (null). */
export type CsvCell = string | number | null;

const BOM = "\uFEFF";
const CRLF = "\r\n";
// Text starting with these can run as a formula in Excel, Sheets or LibreOffice
// (OWASP "CSV Injection"); nicknames are typed by students, so every text cell is treated.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats one cell. Finite numbers are written as they are (so −0.25 stays a
 * number); text that could start a formula gets a leading ', which spreadsheets
 * show as text. Non-finite numbers become empty cells.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell + 0) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Builds a CSV document: UTF-8 BOM (so Excel reads it as UTF-8), CRLF line
 * endings and a CRLF after the last record. Rows are written as given.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return BOM + lines.join(CRLF) + CRLF;
}
