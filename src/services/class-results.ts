/**
 * @module class-results service: the board, the teacher's dashboard and the CSV, built from the
 * class's object (one request: roster, progress, results; for older classes, KV's cached list),
 * in ONE vocabulary for the pages and the JSON API.
 */
import { pack } from "../content/pack";
import { itemTexts, statementOf, textsOf } from "../content/texts";
import type { ClassRecord } from "../domain/class";
import { csvTable } from "../domain/class-csv";
import {
  classScore,
  dashboardOrder,
  discussionPrompt,
  isFinishedEntry,
  itemStats,
  mostFooled,
  progressOf,
  rankBoard,
  type StudentEntry,
  statusOf,
} from "../domain/class-results";
import { toCsv } from "../domain/csv";
import { leanOf } from "../domain/scoring";
import type { DashboardData, ItemRowView, StudentRowView } from "../views/class-dashboard";
import { checksViewOf } from "./class-checks";
import { knowOf } from "./class-know";
import { rosterOf } from "./class-live";
import { type ClassInfo, infoOf } from "./classes";
import { verdictOf } from "./quiz";

/** Seconds between refreshes of the board when polling (a class's object pushes changes to teachers' screens). */
export const BOARD_POLL_SECONDS = 30;
/** How long a room of phones polling the board shares one read of the class's object (per isolate). */
const STUDENT_BOARD_MAX_AGE_MS = 10_000;
/** Seconds between refreshes of the teacher's dashboard. */
export const DASHBOARD_POLL_SECONDS = 20;

/** The board: finished students ranked, for the class to see. */
export interface BoardView {
  code: string;
  name: string;
  joined: number;
  finished: number;
  listedAt: string;
  rows: { rank: number; tied: boolean; nickname: string; correct: number; answered: number; discernment: number }[];
}

/**
 * The class board: live for the teacher, shared for a few seconds between students' phones.
 * @example const board = await boardOf(c.env, record, origin);
 */
export async function boardOf(env: Env, record: ClassRecord, origin: string, teacher = false): Promise<BoardView> {
  const roster = await rosterOf(env, record, origin, teacher ? 0 : STUDENT_BOARD_MAX_AGE_MS);
  const rows = rankBoard(roster.entries);
  return {
    code: record.code,
    name: record.name,
    joined: roster.entries.length,
    finished: rows.length,
    listedAt: new Date(roster.at).toISOString(),
    rows: rows.map((row) => ({
      rank: row.rank,
      tied: row.tied,
      nickname: row.nick,
      correct: row.score,
      answered: row.answered,
      discernment: row.discernment,
    })),
  };
}

/** One statement of the class and how the class did on it (the page's and the JSON's shape). */
export type ItemView = ItemRowView;

/** One student on the dashboard; the figures are null until they finish. */
export type StudentView = StudentRowView;

/** Everything the teacher's dashboard shows: the page renders it, the JSON API returns it. */
export type DashboardView = ClassInfo & DashboardData;

/**
 * The teacher's dashboard (one read of the class's object).
 * @example const dashboard = await dashboardOf(c.env, record, origin);
 */
export async function dashboardOf(env: Env, record: ClassRecord, origin: string): Promise<DashboardView> {
  // The class's object holds the roster, progress, finished results and removed names: one request.
  const roster = await rosterOf(env, record, origin);
  const { entries, removed } = roster;
  const texts = await itemTexts(env.ASSETS);
  const stats = itemStats(record.itemIds, entries, verdictOf);
  const score = classScore(record.itemIds, entries, verdictOf);
  const items: ItemView[] = stats.map((stat, index) => ({
    position: index + 1,
    itemId: stat.itemId,
    statement: statementOf(texts, stat.itemId),
    verdict: stat.verdict,
    answered: stat.answered,
    correct: stat.correct,
    shareCorrect: stat.shareCorrect === null ? null : Math.round(stat.shareCorrect * 100) / 100,
  }));
  const students = dashboardOrder(entries).map((entry): StudentView => {
    const done = isFinishedEntry(entry);
    return {
      id: entry.sid,
      nickname: entry.nick,
      finished: done,
      status: statusOf(entry, record.itemIds.length, roster.at),
      progress: progressOf(entry),
      correct: done ? entry.score : null,
      answered: done ? entry.answered : null,
      discernment: done ? entry.discernment : null,
      c: done ? entry.c : null,
      lean: done ? leanOf(entry.c) : null,
    };
  });
  const fooled = mostFooled(stats).flatMap((stat) => {
    const item = pack.itemById.get(stat.itemId);
    const row = items.find((r) => r.itemId === stat.itemId);
    if (!item || !row) return [];
    const { explanation, claimant } = textsOf(texts, item.id);
    return [{ ...row, explanation, claimant: claimant.name, prompt: discussionPrompt({ ...item, claimant }) }];
  });
  return {
    ...infoOf(record, origin, roster.phase),
    joined: entries.length,
    finished: students.filter((s) => s.finished).length,
    listedAt: new Date(roster.at).toISOString(),
    class: {
      answered: score.answered,
      discernment: score.discernment,
      c: score.bias,
      lean: score.lean,
      verifiedAnswered: score.verifiedAnswered,
      verifiedJudgedUnverified: score.verifiedAnswered - score.verifiedJudgedVerified,
      unverifiedAnswered: score.unverifiedAnswered,
      unverifiedJudgedVerified: score.unverifiedJudgedVerified,
    },
    students,
    removed,
    waiting: roster.waiting,
    settingsOpen: !roster.answered && roster.phase !== "ended",
    items,
    mostFooled: fooled,
    know: knowOf(record, entries, texts),
    beforeAfter: checksViewOf(record, entries, roster.checks, texts),
  };
}

/**
 * How many students joined (for the delete confirmation).
 * @example await joinedCount(c.env, record, origin) // 30
 */
export async function joinedCount(env: Env, record: ClassRecord, origin: string): Promise<number> {
  return (await rosterOf(env, record, origin)).entries.length;
}

/**
 * The results as a CSV download: its body and headers (never cached: it is the teacher's).
 * @example const { body, headers } = await resultsCsv(c.env, record, origin);
 */
export async function resultsCsv(
  env: Env,
  record: ClassRecord,
  origin: string,
): Promise<{ body: string; headers: Record<string, string> }> {
  const [roster, texts] = await Promise.all([rosterOf(env, record, origin), itemTexts(env.ASSETS)]);
  const checks = checksViewOf(record, roster.entries, roster.checks, texts);
  const none = { before: null, after: null };
  const checkColumns = checks
    ? (entry: StudentEntry) => checks.students.find((s) => s.id === entry.sid) ?? none
    : undefined;
  const { header, rows } = csvTable(
    record.itemIds,
    roster.entries,
    (id) => {
      const item = pack.itemById.get(id);
      return item && { statement: statementOf(texts, id), verdict: item.verdict };
    },
    checkColumns,
  );
  return {
    body: toCsv(header, rows),
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="class-${record.code}-results.csv"`,
      "cache-control": "no-store",
    },
  };
}
