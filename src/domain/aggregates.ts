/**
 * @module aggregates: what all readers answered, folded from finished-attempt metadata (pure).
 *
 * One aggregate per content pack version (versions are never mixed: a new pack may
 * reorder or reword statements). Every figure is a sum of integers, so folding the
 * same records in any order, in one run or in many, gives exactly the same record.
 * Per statement we count "said verified" rather than "correct": the verdicts live in
 * the pack, so an aggregate of an older pack stays meaningful without its verdicts.
 */

/** A share or standing is shown only once at least this many attempts are behind it. */
export const SHOW_THRESHOLD = 20;

/**
 * Readers may stop early; an attempt joins the score distribution (and the mean
 * discernment) only with at least this many answers, so "1 of 1" is not a perfect score.
 */
export const MIN_ANSWERED_TO_RANK = 5;

/** The chart's buckets: percent correct rounded to the nearest 10. */
export const BUCKETS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

/** The figures of one finished attempt that aggregation reads (KV list metadata). */
export interface FinishedMeta {
  id: string;
  pack: string;
  /** One "v" / "u" / "-" per item, in pack order (a form's answers are stored so, "-" for the rest). */
  answers: string;
  score: number;
  answered: number;
  discernment: number;
  finishedAt: number;
}

/** The running totals for one pack version. */
export interface PackAggregate {
  /** Finished attempts counted (at least one answer each). */
  attempts: number;
  /** Per statement position: how many attempts answered it. */
  answered: number[];
  /** Per statement position: how many of those said "verified". */
  saidVerified: number[];
  /** Attempts with at least MIN_ANSWERED_TO_RANK answers: the distribution's population. */
  ranked: number;
  /** Ranked attempts by whole percent correct, floor(100 × correct / answered): 101 counts. */
  percents: number[];
  /** Sum of the ranked attempts' discernment in hundredths (kept whole, so sums stay exact). */
  discernmentHundredths: number;
}

const ATTEMPT_ID = /^[0-9a-z]{9}[a-z2-7]{26}$/;
const ANSWERS = /^[vu-]{1,100}$/;

/**
 * Reads list metadata into a FinishedMeta, or null when it is missing, malformed,
 * inconsistent, or a class attempt (class results stay with their class).
 * @example finishedMetaOf("0mabc…", { pack: "2026-11-25.1", answers: "vu-", score: 1, answered: 2, discernment: 1, finishedAt: 1 })
 */
export function finishedMetaOf(id: string, metadata: unknown): FinishedMeta | null {
  if (!ATTEMPT_ID.test(id) || typeof metadata !== "object" || metadata === null) return null;
  const m = metadata as Record<string, unknown>;
  if (m.class !== undefined) return null;
  const { pack, answers, score, answered, discernment, finishedAt } = m;
  if (typeof pack !== "string" || pack.length === 0 || pack.length > 40) return null;
  if (typeof answers !== "string" || !ANSWERS.test(answers)) return null;
  if (!Number.isSafeInteger(answered) || !Number.isSafeInteger(score) || !Number.isSafeInteger(finishedAt)) return null;
  const given = answers.length - answers.replaceAll("-", "").length;
  if (answered !== answers.length - given || (answered as number) < 1) return null;
  if ((score as number) < 0 || (score as number) > (answered as number)) return null;
  if (typeof discernment !== "number" || !(discernment >= -1 && discernment <= 1)) return null;
  return {
    id,
    pack,
    answers,
    score: score as number,
    answered: answered as number,
    discernment,
    finishedAt: finishedAt as number,
  };
}

/** An aggregate with nothing counted, for a pack of `items` statements. */
export function emptyAggregate(items: number): PackAggregate {
  return {
    attempts: 0,
    answered: new Array<number>(items).fill(0),
    saidVerified: new Array<number>(items).fill(0),
    ranked: 0,
    percents: new Array<number>(101).fill(0),
    discernmentHundredths: 0,
  };
}

/** Whole percent correct, rounded down (so 99.9% is not shown as 100%). */
export function percentCorrect(correct: number, answered: number): number {
  return answered <= 0 ? 0 : Math.floor((100 * correct) / answered);
}

/**
 * Adds finished attempts to per-pack aggregates; returns a new map and how many
 * were added. A record whose length does not match its pack's aggregate is skipped.
 * @example const { packs, added } = foldAttempts({}, metas);
 */
export function foldAttempts(
  packs: Readonly<Record<string, PackAggregate>>,
  metas: readonly FinishedMeta[],
): { packs: Record<string, PackAggregate>; added: number } {
  const out: Record<string, PackAggregate> = {};
  for (const [version, agg] of Object.entries(packs)) {
    out[version] = {
      ...agg,
      answered: [...agg.answered],
      saidVerified: [...agg.saidVerified],
      percents: [...agg.percents],
    };
  }
  let added = 0;
  for (const meta of metas) {
    out[meta.pack] ??= emptyAggregate(meta.answers.length);
    const agg = out[meta.pack] as PackAggregate;
    if (agg.answered.length !== meta.answers.length) continue;
    added++;
    agg.attempts++;
    for (let i = 0; i < meta.answers.length; i++) {
      const char = meta.answers[i];
      if (char === "-") continue;
      agg.answered[i] = (agg.answered[i] ?? 0) + 1;
      if (char === "v") agg.saidVerified[i] = (agg.saidVerified[i] ?? 0) + 1;
    }
    if (meta.answered >= MIN_ANSWERED_TO_RANK) {
      agg.ranked++;
      const p = percentCorrect(meta.score, meta.answered);
      agg.percents[p] = (agg.percents[p] ?? 0) + 1;
      agg.discernmentHundredths += Math.round(meta.discernment * 100);
    }
  }
  return { packs: out, added };
}

/**
 * Share of answers to one statement that were right, 0..1, or null below SHOW_THRESHOLD.
 * @example shareCorrect(agg, 3, "verified") // 0.62
 */
export function shareCorrect(agg: PackAggregate, position: number, verdict: "verified" | "unverified"): number | null {
  const answered = agg.answered[position] ?? 0;
  if (answered < SHOW_THRESHOLD) return null;
  const saidVerified = agg.saidVerified[position] ?? 0;
  return (verdict === "verified" ? saidVerified : answered - saidVerified) / answered;
}

/** Mean discernment of the ranked attempts, two decimals, or null below SHOW_THRESHOLD. */
export function meanDiscernment(agg: PackAggregate): number | null {
  if (agg.ranked < SHOW_THRESHOLD) return null;
  return Math.round(agg.discernmentHundredths / agg.ranked) / 100 + 0;
}

/** The bucket (0, 10, …, 100) of a percent correct: the nearest ten. */
export function bucketOf(percent: number): number {
  return Math.min(100, Math.max(0, Math.round(percent / 10) * 10));
}

/** Ranked attempts per chart bucket, in BUCKETS order, or null below SHOW_THRESHOLD. */
export function distribution(agg: PackAggregate): { percent: number; attempts: number }[] | null {
  if (agg.ranked < SHOW_THRESHOLD) return null;
  const counts = BUCKETS.map((percent) => ({ percent, attempts: 0 }));
  agg.percents.forEach((n, p) => {
    const bucket = counts[bucketOf(p) / 10];
    if (bucket) bucket.attempts += n;
  });
  return counts;
}

/**
 * "You did better than N% of readers": the whole-number share of ranked attempts
 * with a lower percent correct. Null when the attempt is not ranked itself or
 * fewer than SHOW_THRESHOLD attempts are ranked.
 * @example betterThan(agg, 7, 8) // 70
 */
export function betterThan(agg: PackAggregate, correct: number, answered: number): number | null {
  if (answered < MIN_ANSWERED_TO_RANK || agg.ranked < SHOW_THRESHOLD) return null;
  const mine = percentCorrect(correct, answered);
  let below = 0;
  for (let p = 0; p < mine; p++) below += agg.percents[p] ?? 0;
  return Math.floor((100 * below) / agg.ranked);
}
