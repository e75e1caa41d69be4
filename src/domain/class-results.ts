/** @module class-results: the board, the dashboard's figures and each student's status, from the listed students. Pure. */
import { type AttemptResult, answersInOrder, confidencesInOrder } from "./quiz";
import { type Judgement, type Lean, leanOf, roundScore, type Score, scoreAnswers } from "./scoring";
import { ANSWERS_TO_RANK } from "./split";

/** The list metadata of one student key (≤ 1024 bytes of JSON; see store/class-keys.ts). */
export interface StudentMeta {
  nick: string;
  /** The attempt id the student joined with. */
  id: string;
  /** Epoch milliseconds. */
  joinedAt: number;
  /** The rest is present once the student has finished (or stopped early). */
  finishedAt?: number;
  /** Correct answers. */
  score?: number;
  answered?: number;
  /** −1..1, two decimals. */
  discernment?: number;
  /** Bias c, two decimals: positive = cautious, negative = trusting. */
  c?: number;
  /** One of "v", "u", "-" per item of the class, in class order. */
  answers?: string;
  /** Content pack version the attempt was played on. */
  pack?: string;
  /** The self-estimate (absent: skipped, or finished before classes took one). */
  estimate?: number;
  /** How sure they were: one of "s", "f", "g", "-" per item, in class order (absent: none said). */
  confidences?: string;
  /** Statements answered so far (live, from the class's object; KV entries lack it). */
  progress?: number;
}

/** A student as listed: their metadata and the last part of their key (used to remove them). */
export interface StudentEntry extends StudentMeta {
  sid: string;
  /** Statements answered so far, from the class's object; KV entries lack it. */
  progress?: number;
  /** When the student's last join, answer or finish reached the class's object (epoch ms); KV entries lack it. */
  seen?: number;
}

/** A finished student's figures. */
export interface FinishedEntry extends StudentEntry {
  finishedAt: number;
  score: number;
  answered: number;
  discernment: number;
  c: number;
  answers: string;
}

export function isFinishedEntry(entry: StudentEntry): entry is FinishedEntry {
  return (
    typeof entry.finishedAt === "number" &&
    typeof entry.score === "number" &&
    typeof entry.answered === "number" &&
    typeof entry.discernment === "number" &&
    typeof entry.c === "number" &&
    typeof entry.answers === "string"
  );
}

/**
 * A finished attempt's answers in class order: `result.items` may be the
 * student's own shuffle of `classItems`. Items outside the attempt stay "-".
 */
export function answersInClassOrder(classItems: readonly string[], result: Pick<AttemptResult, "items" | "answers">) {
  return answersInOrder(result, classItems);
}

/** The metadata of a finished class attempt (answers re-ordered to class order). */
export function finishedMeta(
  joined: Pick<StudentMeta, "nick" | "id" | "joinedAt">,
  classItems: readonly string[],
  result: AttemptResult,
): StudentMeta {
  const confidences = confidencesInOrder(result, classItems);
  return {
    nick: joined.nick,
    id: joined.id,
    joinedAt: joined.joinedAt,
    finishedAt: result.finishedAt,
    score: result.score.correct,
    answered: result.score.answered,
    discernment: result.score.discernment,
    c: result.score.bias,
    answers: answersInClassOrder(classItems, result),
    pack: result.packVersion,
    ...(result.estimate === undefined ? {} : { estimate: result.estimate }),
    ...(confidences === undefined ? {} : { confidences }),
  };
}

/** One row of the class board. */
export interface BoardRow {
  /** Competition ranking: equal results share a rank (1, 2, 2, 4). */
  rank: number;
  /** True when another student has the same rank. */
  tied: boolean;
  nick: string;
  score: number;
  answered: number;
  discernment: number;
  lean: Lean;
}

/**
 * Ranks finished students by correct answers, then discernment. Equal results
 * share a rank: there is no time tie-break and no speed bonus (docs/ARCHITECTURE.md, "Scoring").
 * Within a shared rank, names are listed alphabetically (display only).
 */
export function rankBoard(entries: readonly StudentEntry[]): BoardRow[] {
  const finished = entries.filter(isFinishedEntry);
  finished.sort(
    (a, b) =>
      b.score - a.score || b.discernment - a.discernment || a.nick.localeCompare(b.nick, "en", { numeric: true }) || 0,
  );
  const rows: BoardRow[] = [];
  finished.forEach((entry, index) => {
    const previous = finished[index - 1];
    const same = previous && previous.score === entry.score && previous.discernment === entry.discernment;
    const rank = same ? (rows[index - 1]?.rank ?? index + 1) : index + 1;
    rows.push({
      rank,
      tied: false,
      nick: entry.nick,
      score: entry.score,
      answered: entry.answered,
      discernment: entry.discernment,
      lean: leanOf(entry.c),
    });
  });
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.rank, (counts.get(row.rank) ?? 0) + 1);
  for (const row of rows) row.tied = (counts.get(row.rank) ?? 0) > 1;
  return rows;
}

/** How the class did on one item. */
export interface ItemStat {
  itemId: string;
  verdict: Judgement;
  /** Students who answered it. */
  answered: number;
  correct: number;
  /** correct ÷ answered, or null when nobody answered it yet. */
  shareCorrect: number | null;
}

/** Looks up an item's verdict; undefined for an id the pack does not hold. */
export type VerdictLookup = (itemId: string) => Judgement | undefined;

/** "v" / "u" / "-" as a judgement (null: not answered). */
export function fromChar(char: string | undefined): Judgement | null {
  if (char === "v") return "verified";
  if (char === "u") return "unverified";
  return null;
}

/** Per-item share of correct answers over finished students, in class order. */
export function itemStats(
  classItems: readonly string[],
  entries: readonly StudentEntry[],
  verdictOf: VerdictLookup,
): ItemStat[] {
  const finished = entries.filter(isFinishedEntry);
  return classItems.flatMap((itemId, index) => {
    const verdict = verdictOf(itemId);
    if (!verdict) return [];
    let answered = 0;
    let correct = 0;
    for (const entry of finished) {
      const answer = fromChar(entry.answers[index]);
      if (answer === null) continue;
      answered++;
      if (answer === verdict) correct++;
    }
    return [{ itemId, verdict, answered, correct, shareCorrect: answered === 0 ? null : correct / answered }];
  });
}

/**
 * The items that fooled the class most: highest share of wrong answers first
 * (then most wrong answers, then class order). Items nobody got wrong, and items with fewer
 * than ANSWERS_TO_RANK answers, are left out.
 */
export function mostFooled(stats: readonly ItemStat[], limit = 3): ItemStat[] {
  return stats
    .map((stat, order) => ({ stat, order, wrong: stat.answered - stat.correct }))
    .filter(({ stat, wrong }) => stat.answered >= ANSWERS_TO_RANK && wrong > 0)
    .sort(
      (a, b) => (a.stat.shareCorrect ?? 1) - (b.stat.shareCorrect ?? 1) || b.wrong - a.wrong || a.order - b.order || 0,
    )
    .slice(0, limit)
    .map(({ stat }) => stat);
}

/**
 * The class as one reader: every finished student's answers pooled and scored
 * with scoring.ts, so the class gets a discernment, a bias c and a lean, with
 * the counts behind them.
 */
export function classScore(
  classItems: readonly string[],
  entries: readonly StudentEntry[],
  verdictOf: VerdictLookup,
): Score {
  const pooled: { verdict: Judgement; answer: Judgement }[] = [];
  for (const entry of entries.filter(isFinishedEntry)) {
    classItems.forEach((itemId, index) => {
      const verdict = verdictOf(itemId);
      const answer = fromChar(entry.answers[index]);
      if (verdict && answer) pooled.push({ verdict, answer });
    });
  }
  return roundScore(scoreAnswers(pooled));
}

/** The students in a stable order for the dashboard: finished first by name, then those still playing. */
export function dashboardOrder(entries: readonly StudentEntry[]): StudentEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(isFinishedEntry(b)) - Number(isFinishedEntry(a)) ||
      a.nick.localeCompare(b.nick, "en", { numeric: true }) ||
      a.sid.localeCompare(b.sid) ||
      0,
  );
}

/** A question for the class to discuss an item that fooled it, by verdict and kind of source. */
export function discussionPrompt(item: {
  verdict: Judgement;
  claimant: { name: string; kind: "party" | "independent-expert" | "reporters" | "unattributed" };
}): string {
  if (item.verdict === "verified") {
    return `Many of us doubted this, but the report shows it on the record. What in the wording tells us it happened or was said — and why did it feel uncertain?`;
  }
  switch (item.claimant.kind) {
    case "party":
      return `This rests on the word of ${item.claimant.name}, a side in the conflict. What would they gain if we believed it, and who else could confirm it?`;
    case "independent-expert":
      return `${item.claimant.name} is independent, but this is still an estimate. How is an expert's estimate different from a fact of record?`;
    case "unattributed":
      return `The report does not say who claims this. Who might be speaking, and how could we find out?`;
    default:
      return `This is the reporters' own view or a hedged claim. Which words show that it is not established, and what would settle it?`;
  }
}

/** Where a student is, in the words the dashboard, the CSV and the JSON share. */
export type StudentStatus = "finished" | "stopped early" | "playing" | "away";

/** A student not finished whose phone has sent nothing for this long reads "away" (a lost tab, a locked phone). */
export const AWAY_AFTER_MS = 5 * 60_000;

/**
 * "stopped early" is a finish with fewer answers than the class has statements; "away" a student
 * still playing from whom nothing has reached the class for AWAY_AFTER_MS (`now`), until they
 * answer or come back with their code (without `now`, as in the CSV, never "away").
 * @example statusOf({ ...entry, seen: 0 }, 8, AWAY_AFTER_MS + 1) // "away"
 */
export function statusOf(entry: StudentEntry, total: number, now?: number): StudentStatus {
  if (!isFinishedEntry(entry)) {
    const away = now !== undefined && entry.seen !== undefined && now - entry.seen > AWAY_AFTER_MS;
    return away ? "away" : "playing";
  }
  return entry.answered < total ? "stopped early" : "finished";
}

/** Statements answered so far: the finish's count, else the object's; null when not known (a KV entry). */
export function progressOf(entry: StudentEntry): number | null {
  if (isFinishedEntry(entry)) return entry.answered;
  return typeof entry.progress === "number" ? entry.progress : null;
}
