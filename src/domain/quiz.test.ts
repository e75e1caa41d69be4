import { describe, expect, it } from "vitest";
import { newAttemptId } from "./ids";
import {
  adoptResult,
  answeredCount,
  answerItem,
  answerOf,
  confidenceOf,
  finish,
  isFinished,
  newAttemptState,
  nextItem,
  parseQuizState,
  type QuizState,
  resultOf,
  review,
  summarize,
  withEstimate,
} from "./quiz";
import type { Judgement } from "./scoring";

const VERDICTS: Record<string, Judgement> = { a: "verified", b: "unverified", c: "verified", d: "unverified" };
const verdictOf = (id: string) => VERDICTS[id];
const T0 = 1_700_000_000_000;

function fresh(): QuizState {
  return newAttemptState({ id: newAttemptId(T0), pack: "2026-11-25.1", items: ["a", "b", "c", "d"], startedAt: T0 });
}

/** Answers in order, failing the test on any refusal. */
function play(state: QuizState, answers: [string, Judgement][]): QuizState {
  let s = state;
  for (const [id, answer] of answers) {
    const r = answerItem(s, id, answer, verdictOf);
    if (!r.ok) throw new Error(r.problem);
    s = r.state;
  }
  return s;
}

describe("newAttemptState", () => {
  it("starts with nothing answered and the first item next", () => {
    const s = fresh();
    expect(s.answers).toBe("----");
    expect(answeredCount(s)).toBe(0);
    expect(nextItem(s)).toEqual({ itemId: "a", position: 1 });
    expect(isFinished(s)).toBe(false);
    expect(s.class).toBeUndefined();
  });

  it("keeps a class context when given one", () => {
    const s = newAttemptState({
      id: "x",
      pack: "p",
      items: ["a"],
      startedAt: 0,
      class: { code: "ABC234", nick: "Ana" },
    });
    expect(s.class).toEqual({ code: "ABC234", nick: "Ana" });
  });

  it("refuses no items, too many and repeats", () => {
    const base = { id: "x", pack: "p", startedAt: 0 };
    expect(() => newAttemptState({ ...base, items: [] })).toThrow(RangeError);
    expect(() => newAttemptState({ ...base, items: ["a", "a"] })).toThrow(RangeError);
    const many = Array.from({ length: 101 }, (_, i) => `i${i}`);
    expect(() => newAttemptState({ ...base, items: many })).toThrow(RangeError);
  });
});

describe("answerItem", () => {
  it("records an answer and says whether it was right", () => {
    const r = answerItem(fresh(), "b", "verified", verdictOf);
    expect(r).toMatchObject({
      ok: true,
      repeated: false,
      result: { itemId: "b", answer: "verified", verdict: "unverified", correct: false },
    });
    if (!r.ok) return;
    expect(r.state.answers).toBe("-v--");
    expect(answerOf(r.state, "b")).toBe("verified");
    expect(nextItem(r.state)).toEqual({ itemId: "a", position: 1 });
  });

  it("returns the original result and the same state for an item already answered", () => {
    const once = play(fresh(), [["a", "unverified"]]);
    const again = answerItem(once, "a", "verified", verdictOf);
    expect(again).toMatchObject({
      ok: true,
      repeated: true,
      result: { answer: "unverified", verdict: "verified", correct: false },
    });
    if (again.ok) expect(again.state).toBe(once);
  });

  it("refuses items outside the attempt or unknown to the pack", () => {
    expect(answerItem(fresh(), "zzz", "verified", verdictOf)).toEqual({ ok: false, problem: "not-in-attempt" });
    const s = newAttemptState({ id: "x", pack: "p", items: ["gone"], startedAt: 0 });
    expect(answerItem(s, "gone", "verified", verdictOf)).toEqual({ ok: false, problem: "unknown-item" });
  });

  it("refuses new answers after finishing but still replays earlier ones", () => {
    const done = finish(play(fresh(), [["a", "verified"]]), T0 + 5);
    expect(answerItem(done, "b", "verified", verdictOf)).toEqual({ ok: false, problem: "finished" });
    expect(answerItem(done, "a", "unverified", verdictOf)).toMatchObject({ ok: true, repeated: true });
  });

  it("does not mutate the state it was given", () => {
    const s = fresh();
    answerItem(s, "a", "verified", verdictOf);
    expect(s.answers).toBe("----");
  });
});

describe("progress", () => {
  it("is complete once every item is answered, in any order", () => {
    const s = play(fresh(), [
      ["d", "unverified"],
      ["a", "verified"],
      ["c", "verified"],
    ]);
    expect(nextItem(s)).toEqual({ itemId: "b", position: 2 });
    const all = play(s, [["b", "unverified"]]);
    expect(answeredCount(all)).toBe(all.items.length);
    expect(nextItem(all)).toBeNull();
  });
});

describe("summarize, review and resultOf", () => {
  it("scores only what was answered (finish early)", () => {
    const s = play(fresh(), [
      ["a", "verified"],
      ["b", "verified"],
    ]);
    const score = summarize(s, verdictOf);
    expect(score).toMatchObject({ answered: 2, correct: 1, verifiedAnswered: 1, unverifiedAnswered: 1 });
    expect(review(s, verdictOf)).toEqual([
      { itemId: "a", answer: "verified", verdict: "verified", correct: true },
      { itemId: "b", answer: "verified", verdict: "unverified", correct: false },
      { itemId: "c", answer: null, verdict: "verified", correct: null },
      { itemId: "d", answer: null, verdict: "unverified", correct: null },
    ]);
  });

  it("builds a rounded result only for a finished state", () => {
    const s = play(fresh(), [
      ["a", "verified"],
      ["b", "unverified"],
      ["c", "unverified"],
    ]);
    expect(() => resultOf(s, verdictOf)).toThrow();
    const done = finish(s, T0 + 60_000);
    const result = resultOf(done, verdictOf);
    expect(result).toMatchObject({ attemptId: s.id, answers: "vuu-", finishedAt: T0 + 60_000, startedAt: T0 });
    expect(result.score.correct).toBe(2);
    expect(result.score.bias).toBe(Math.round(result.score.bias * 100) / 100);
  });

  it("keeps the first finish time", () => {
    const once = finish(fresh(), T0 + 1);
    expect(finish(once, T0 + 2).finishedAt).toBe(T0 + 1);
  });

  it("adopts a stored result for the same attempt only", () => {
    const mine = play(fresh(), [["a", "unverified"]]);
    const stored = resultOf(finish(play(fresh(), [["a", "verified"]]), T0 + 9), verdictOf);
    expect(adoptResult(mine, stored)).toBe(mine); // a different attempt id: untouched
    const sameAttempt = resultOf(finish(play(mine, [["b", "unverified"]]), T0 + 7), verdictOf);
    const adopted = adoptResult(mine, sameAttempt);
    expect(adopted).toMatchObject({ answers: "uu--", finishedAt: T0 + 7 });
  });
});

describe("parseQuizState", () => {
  it("accepts what newAttemptState and answerItem produce, through JSON", () => {
    const s = finish(play(fresh(), [["a", "verified"]]), T0 + 1);
    expect(parseQuizState(JSON.parse(JSON.stringify({ ...s, exp: 1 })))).toEqual(s);
    const formed = { ...s, form: { seed: 2 ** 32 - 1, index: 4 } };
    expect(parseQuizState(JSON.parse(JSON.stringify(formed)))).toEqual(formed);
  });

  it("keeps a class's statements-only flag, and only when it is true", () => {
    const s = fresh();
    const bare = { ...s, class: { code: "ABC234", nick: "Ada", statementsOnly: true as const } };
    expect(parseQuizState(JSON.parse(JSON.stringify(bare)))?.class?.statementsOnly).toBe(true);
    const odd = { ...s, class: { code: "ABC234", nick: "Ada", statementsOnly: "yes" } };
    expect(parseQuizState(JSON.parse(JSON.stringify(odd)))?.class).toEqual({ code: "ABC234", nick: "Ada" });
  });

  it("rejects other token kinds and damaged shapes", () => {
    const s = fresh();
    const bad: unknown[] = [
      null,
      "quiz",
      [],
      { ...s, kind: "class" },
      { ...s, id: "short" },
      { ...s, items: [] },
      { ...s, items: ["a", "a", "c", "d"] },
      { ...s, items: ["A", "b", "c", "d"] },
      { ...s, answers: "---" },
      { ...s, answers: "x---" },
      { ...s, startedAt: "now" },
      { ...s, finishedAt: T0 - 1 },
      { ...s, class: { code: 1, nick: "x" } },
      { ...s, form: { seed: -1, index: 0 } },
      { ...s, form: { seed: 2 ** 32, index: 0 } },
      { ...s, form: { seed: 1, index: 1.5 } },
      { ...s, form: "seed" },
    ];
    for (const payload of bad) expect(parseQuizState(payload), JSON.stringify(payload)).toBeNull();
  });
});

describe("estimate and confidences", () => {
  it("takes an estimate before the first answer only, 0 to the form's size", () => {
    const s = fresh();
    expect(withEstimate(s, 3)?.estimate).toBe(3);
    expect(withEstimate(s, 0)?.estimate).toBe(0);
    expect(withEstimate(s, 4)?.estimate).toBe(4);
    expect(withEstimate(s, 5)).toBeNull();
    expect(withEstimate(s, -1)).toBeNull();
    expect(withEstimate(s, 1.5)).toBeNull();
    expect(withEstimate(play(s, [["a", "verified"]]), 2)).toBeNull();
    expect(withEstimate(finish(s, T0 + 1), 2)).toBeNull();
  });

  it("stores a confidence with the answer, leaves the rest not said, and keeps the first on a repeat", () => {
    const first = answerItem(fresh(), "b", "unverified", verdictOf, "sure");
    if (!first.ok) throw new Error(first.problem);
    expect(first.state.confidences).toBe("-s--");
    expect(confidenceOf(first.state, "b")).toBe("sure");
    expect(confidenceOf(first.state, "a")).toBeNull();
    const again = answerItem(first.state, "b", "verified", verdictOf, "guessing");
    if (!again.ok) throw new Error(again.problem);
    expect(again.repeated).toBe(true);
    expect(again.state.confidences).toBe("-s--");
    // No confidence said: the state carries none at all, as before.
    expect(play(fresh(), [["a", "verified"]]).confidences).toBeUndefined();
  });

  it("carries both into the result and through a token payload", () => {
    const s0 = withEstimate(fresh(), 2);
    if (!s0) throw new Error("no estimate");
    const r = answerItem(s0, "a", "verified", verdictOf, "fairly");
    if (!r.ok) throw new Error(r.problem);
    const result = resultOf(finish(r.state, T0 + 5), verdictOf);
    expect(result.estimate).toBe(2);
    expect(result.confidences).toBe("f---");
    expect(parseQuizState(JSON.parse(JSON.stringify(r.state)))).toEqual(r.state);
  });

  it("refuses payloads with a bad estimate or confidences", () => {
    const s = fresh();
    for (const bad of [
      { estimate: 5 },
      { estimate: -1 },
      { estimate: "3" },
      { estimate: 2.5 },
      { confidences: "s" },
      { confidences: "sxg-" },
      { confidences: 4 },
    ]) {
      expect(parseQuizState({ ...s, ...bad }), JSON.stringify(bad)).toBeNull();
    }
  });

  it("adopts the stored result's estimate and confidences after a lost finish race", () => {
    const s = fresh();
    const mine = { ...finish(s, T0 + 9), estimate: 4, confidences: "ssss" };
    const stored = resultOf({ ...finish(s, T0 + 1), estimate: 1 }, verdictOf);
    const adopted = adoptResult(mine, stored);
    expect(adopted.estimate).toBe(1);
    expect(adopted.confidences).toBeUndefined();
  });
});
