/**
 * @module class-present service: what the projector screen shows, from one read of the class's
 * object: the lobby's names, the class's progress, a teacher-paced class's current statement, and
 * the walk through the claims that fooled the class most (verdicts only when the teacher reveals).
 */
import { itemTexts, textsOf } from "../content/texts";
import { type ClassRecord, classTitle } from "../domain/class";
import { isFinishedEntry } from "../domain/class-results";
import { mayReveal } from "../domain/pace";
import { mostFooledSplits, type Split, splitOf } from "../domain/split";
import type { PresentPageProps, PresentStatement } from "../views/class-present";
import { type LiveRoster, rosterOf } from "./class-live";
import { joinUrlOf } from "./classes";
import { verdictOf } from "./quiz";

/** What the teacher asked the screen for: a claim of the walk-through (1-based), and the reveal. */
export interface PresentAsk {
  claim: number;
  reveal: boolean;
}

/**
 * The projector screen's data (one object request, none when given the roster a press just read;
 * the explanations once per isolate).
 * @example const page = await presentOf(c.env, record, origin, { claim: 0, reveal: false });
 */
export async function presentOf(
  env: Env,
  record: ClassRecord,
  origin: string,
  ask: PresentAsk,
  read?: LiveRoster,
): Promise<PresentPageProps> {
  const live = read ?? (await rosterOf(env, record, origin));
  const statementOf = async (position: number, split: Split, reveal: boolean): Promise<PresentStatement> => {
    const texts = textsOf(await itemTexts(env.ASSETS), split.itemId);
    return {
      position,
      statement: texts.statement,
      // A class set to statements only shows the projector no report either.
      context: record.statementsOnly ? "" : texts.context,
      split,
      reveal: reveal ? { explanation: texts.explanation, claimant: texts.claimant.name } : null,
    };
  };
  const pace = record.paced ? live.pace : null;
  let current: PresentStatement | null = null;
  const currentId = pace && pace.step > 0 ? record.itemIds[pace.step - 1] : undefined;
  const currentVerdict = currentId ? verdictOf(currentId) : undefined;
  if (pace && currentId && currentVerdict) {
    // The verdict of an open statement is never on screen: the teacher's "Show the answer" press
    // (after the close) reveals it here and on every phone at once.
    const split = splitOf(currentId, live.tallies[currentId], currentVerdict);
    current = await statementOf(pace.step, split, pace.shut && pace.shown);
  }
  // Teacher-paced: only statements the teacher has closed (an open one's split would give it away).
  const shown = pace ? record.itemIds.filter((_, i) => mayReveal(pace, i + 1)) : record.itemIds;
  const fooled = mostFooledSplits(shown, live.tallies, verdictOf);
  let claim: PresentPageProps["claim"] = null;
  if (ask.claim > 0) {
    const split = fooled[Math.min(ask.claim, fooled.length) - 1];
    if (split) {
      const index = fooled.indexOf(split) + 1;
      const item = await statementOf(record.itemIds.indexOf(split.itemId) + 1, split, ask.reveal);
      claim = { index, of: fooled.length, item };
    }
  }
  const answered = live.entries.reduce((sum, e) => sum + (e.progress ?? e.answered ?? 0), 0);
  return {
    code: record.code,
    title: classTitle(record),
    joinUrl: joinUrlOf(origin, record.code),
    joinHost: new URL(origin).host,
    open: !record.closed,
    itemCount: record.itemIds.length,
    names: live.entries.map((e) => e.nick),
    finished: live.entries.filter(isFinishedEntry).length,
    answered,
    fooled: fooled.length,
    phase: live.phase,
    pace,
    current,
    claim,
  };
}
