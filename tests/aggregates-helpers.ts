/**
 * Helpers for the reader-statistics tests: finished attempts made with the real
 * domain functions (so their metadata is what the app stores), a seeded random
 * source, and the expected aggregate computed directly from the results.
 */
import { pack } from "../src/content/pack";
import { seededRandom } from "../src/domain/forms";
import { newAttemptId } from "../src/domain/ids";
import { type AttemptResult, answerItem, finish, newAttemptState, resultOf } from "../src/domain/quiz";

const verdictOf = (id: string) => pack.itemById.get(id)?.verdict;

/** A deterministic pseudo-random source (mulberry32, as forms use), so a failure can be replayed. */
export const seeded = seededRandom;

/**
 * A public attempt over the whole pack in pack order, answering the first
 * `answered` items (each "v" or "u" at random), finished at `finishedAt`.
 */
export function finishedAttempt(
  random: () => number,
  startedAt: number,
  finishedAt: number,
  answered: number,
  cls?: { code: string; nick: string },
): AttemptResult {
  let state = newAttemptState({
    id: newAttemptId(startedAt),
    pack: pack.version,
    items: pack.items.map((item) => item.id),
    startedAt,
    ...(cls ? { class: cls } : {}),
  });
  for (const item of pack.items.slice(0, answered)) {
    const step = answerItem(state, item.id, random() < 0.5 ? "verified" : "unverified", verdictOf);
    if (!step.ok) throw new Error(step.problem);
    state = step.state;
  }
  return resultOf(finish(state, finishedAt), verdictOf);
}

/** The figures the job must arrive at, computed straight from the results (not from metadata). */
export function expectedFigures(results: readonly AttemptResult[], minRanked: number) {
  const n = pack.items.length;
  const answered = new Array<number>(n).fill(0);
  const correct = new Array<number>(n).fill(0);
  const percents = new Array<number>(101).fill(0);
  let ranked = 0;
  let discernmentHundredths = 0;
  for (const r of results) {
    r.items.forEach((id, i) => {
      const a = r.answers[i];
      if (a === "-") return;
      answered[i] = (answered[i] ?? 0) + 1;
      const said = a === "v" ? "verified" : "unverified";
      if (said === verdictOf(id)) correct[i] = (correct[i] ?? 0) + 1;
    });
    if (r.score.answered >= minRanked) {
      ranked++;
      const p = Math.floor((r.score.correct * 100) / r.score.answered);
      percents[p] = (percents[p] ?? 0) + 1;
      discernmentHundredths += Math.round(r.score.discernment * 100);
    }
  }
  return { attempts: results.length, answered, correct, percents, ranked, discernmentHundredths };
}
