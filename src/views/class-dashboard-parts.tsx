/** @module Pieces of the teacher's dashboard: the class's lean in words, a student's status and progress, removed names, number formats. */
import type { Lean } from "../domain/scoring";
import type { DashboardData, StudentRowView } from "./class-teacher";
import { CheckIcon, QuestionIcon, RetryIcon } from "./icons";
import { signed } from "./quiz-result";

export const LEAN_WORDS: Record<Lean, string> = { cautious: "cautious", trusting: "trusting", balanced: "balanced" };

/** "83%" or "–" when nobody answered. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/** The class as a whole: how well it told facts from claims, and its lean, in words with the counts. */
export function ClassLean({ k }: { k: DashboardData["class"] }) {
  if (k.answered === 0) return <p>The class figures appear when the first student finishes.</p>;
  const advice =
    k.lean === "cautious"
      ? "The class leans cautious: it called established facts unverified quite often. Worth discussing: doubt is good, but a matter of record is a fact."
      : k.lean === "trusting"
        ? "The class leans trusting: it often accepted claims as verified. Worth discussing: who makes each claim, and has anyone outside the fight checked it?"
        : "The class kept a good balance between doubting and accepting.";
  return (
    <>
      <p>
        How well the class told facts from claims: <strong>{signed(k.discernment)}</strong> (discernment, from −1 to
        +1). The class leans <strong>{LEAN_WORDS[k.lean]}</strong> (bias c {signed(k.c)}).
      </p>
      <ul class="plain">
        {k.verifiedAnswered > 0 ? (
          <li>
            The class called {k.verifiedJudgedUnverified} of {k.verifiedAnswered} answers on established facts
            unverified.
          </li>
        ) : null}
        {k.unverifiedAnswered > 0 ? (
          <li>
            The class accepted {k.unverifiedJudgedVerified} of {k.unverifiedAnswered} answers on unproven claims as
            verified.
          </li>
        ) : null}
      </ul>
      <p>{advice}</p>
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
