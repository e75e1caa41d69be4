/** @module reports service: checking and storing a reader's problem report. */
import { pack } from "../content/pack";
import { saveReport } from "../store/reports";
import { MESSAGE_MAX, MESSAGE_MIN, type ReportField } from "../views/corrections";
import { AppError, type FieldProblem } from "./errors";
import { limit } from "./limits";

/** What the form sent, trimmed; undefined for a blank field. */
export interface ReportInput {
  card?: string | undefined;
  item?: string | undefined;
  message?: string | undefined;
}

/**
 * A form value as a trimmed string, or undefined when absent, blank or a file.
 * @example text("  Hello\r\n ") // "Hello"
 */
export function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  // Browsers send textarea line breaks as CRLF; count each as one character, as the textarea did.
  const trimmed = value.replace(/\r\n?/g, "\n").trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * Every field at fault, with a message that completes "The <field> …".
 * @example checkReport({ message: "short" }) // [{ field: "message", message: "is too short: …" }]
 */
export function checkReport(input: ReportInput): (FieldProblem & { field: ReportField })[] {
  const errors: (FieldProblem & { field: ReportField })[] = [];
  if (input.card !== undefined && !pack.cardBySlug.has(input.card)) {
    errors.push({ field: "card", message: "names no card we have: choose one from the list." });
  }
  if (input.item !== undefined && !pack.itemById.has(input.item)) {
    errors.push({ field: "item", message: "names no quiz statement we have: choose one from the list." });
  }
  const message = input.message ?? "";
  if (input.message === undefined) errors.push({ field: "message", message: "is missing: please say what is wrong." });
  else if (message.length < MESSAGE_MIN) {
    errors.push({ field: "message", message: `is too short: please write at least ${MESSAGE_MIN} characters.` });
  } else if (message.length > MESSAGE_MAX) {
    errors.push({
      field: "message",
      message: `is too long: please keep it under ${MESSAGE_MAX.toLocaleString("en")} characters.`,
    });
  }
  return errors;
}

/**
 * Checks and stores a report (one write, after the shared limiter). Throws AppError:
 * 400 listing the fields at fault, 429 when many reports arrive at once;
 * KvUnavailableError (503) when KV fails.
 * @example await sendReport(c.env, clientAddress(c), { message: "The second paragraph misspells a name." });
 */
export async function sendReport(env: Env, client: string, input: ReportInput): Promise<void> {
  const errors = checkReport(input);
  if (errors.length > 0) {
    throw new AppError(400, {
      slug: "invalid-report",
      title: "Please check the form",
      detail: errors.map((e) => `The ${e.field} ${e.message}`).join(" "),
      errors,
    });
  }
  // Per address: one sender's flood never refuses another reader's report.
  await limit(env, "report", client, "You have sent several reports in the last minute.");
  await saveReport(env.SCORES, {
    message: input.message ?? "",
    cardSlug: input.card,
    itemId: input.item,
    packVersion: pack.version,
  });
}
