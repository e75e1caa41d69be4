/** @module Pieces of the teacher's dashboard: the class's lean in words, a student's status and progress, removed names, number formats. */
import { classWords } from "../domain/class-words";
import type { Lean } from "../domain/scoring";
import type { DashboardData, StudentRowView } from "./class-dashboard";
import { CheckIcon, QuestionIcon, RetryIcon } from "./icons";
import { signed } from "./quiz-result";

export const LEAN_WORDS: Record<Lean, string> = { cautious: "cautious", trusting: "trusting", balanced: "balanced" };

/** "83%" or "–" when nobody answered. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/** The class as a whole in words a teacher can say aloud; the figures behind them in a fold. */
export function ClassLean({ k }: { k: DashboardData["class"] }) {
  const words = classWords(k);
  if (k.answered === 0) return <p>{words.headline}</p>;
  return (
    <>
      <p>
        <strong>{words.headline}</strong>
      </p>
      <ul class="plain">
        {words.counts.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>{words.advice}</p>
      <details>
        <summary>The figures behind this</summary>
        <p>
          Discernment {signed(k.discernment)}, on a scale from −1 (facts and claims swapped) through 0 (guessing) to +1
          (every fact and every claim told apart). Lean: {LEAN_WORDS[k.lean]} (bias c {signed(k.c)}; positive means the
          class said "unverified" more often).
        </p>
      </details>
    </>
  );
}

/** A status in words with an icon: Finished, Stopped early or Playing. */
export function StudentStatus({ status }: { status: StudentRowView["status"] }) {
  return (
    <span class="status">
      {status === "playing" ? <RetryIcon /> : status === "finished" ? <CheckIcon /> : <QuestionIcon />}
      {status[0]?.toUpperCase()}
      {status.slice(1)}
    </span>
  );
}

/** "3 of 8", "Not started", or "–" while not known. */
export function progressWords(progress: number | null, total: number): string {
  if (progress === null) return "–";
  return progress === 0 ? "Not started" : `${progress} of ${total}`;
}

/** Names the teacher removed (refused when they join) and a button to let each back. */
export function RemovedNames({ code, removed }: { code: string; removed: DashboardData["removed"] }) {
  if (removed.length === 0) return null;
  return (
    <>
      <h2>Removed names</h2>
      <p>These names cannot join again until you let them back.</p>
      <ul>
        {removed.map((r) => (
          <li>
            <span class="nick">{r.nickname}</span>{" "}
            <form method="post" action={`/c/${code}/teacher/allow`} class="inline">
              <input type="hidden" name="student" value={r.id} />
              <button type="submit" class="secondary" aria-label={`Allow ${r.nickname} back`}>
                Allow back
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
