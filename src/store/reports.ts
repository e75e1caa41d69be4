/** @module Problem reports from readers: one KV record each, kept 90 days. */
import { newAttemptId } from "../domain/ids";
import { kvCall } from "./kv-errors";

/** Every report key starts with this; ids sort by time, so a list reads oldest first. */
export const REPORT_PREFIX = "v1:report:";

/** Reports expire after 90 days: long enough to act on, short enough not to keep what we do not need. */
export const REPORT_TTL_SECONDS = 90 * 24 * 60 * 60;

/** What a reader sent. No name, e-mail or address is asked for or stored. */
export interface Report {
  message: string;
  itemId?: string | undefined;
  cardSlug?: string | undefined;
  /** The content pack version the reader saw. */
  packVersion: string;
}

/** Listed with the key so a reviewer can triage from one list() without a get() per report. */
export interface ReportMetadata {
  itemId?: string | undefined;
  cardSlug?: string | undefined;
  packVersion: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * Stores a report under its own time-ordered key (one write, never read-modify-write) and
 * returns the key. Throws KvUnavailableError when KV refuses the write.
 */
export async function saveReport(kv: KVNamespace, report: Report, now: number = Date.now()): Promise<string> {
  const key = REPORT_PREFIX + newAttemptId(now);
  const metadata: ReportMetadata = {
    itemId: report.itemId,
    cardSlug: report.cardSlug,
    packVersion: report.packVersion,
    at: now,
  };
  await kvCall("put", () =>
    kv.put(key, JSON.stringify({ ...report, at: new Date(now).toISOString() }), {
      expirationTtl: REPORT_TTL_SECONDS,
      metadata,
    }),
  );
  return key;
}
