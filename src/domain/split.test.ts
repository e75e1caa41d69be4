import { describe, expect, it } from "vitest";
import type { Judgement } from "./scoring";
import { ANSWERS_TO_RANK, mostFooledSplits } from "./split";

const verdicts: Record<string, Judgement> = { a: "verified", b: "unverified", c: "verified" };
const verdictOf = (id: string) => verdicts[id];

describe("mostFooledSplits: the projector's talk-through", () => {
  it("lists only statements someone missed, most missed first, once they have enough answers", () => {
    const tallies = { a: { v: 2, u: 3 }, b: { v: 1, u: 4 }, c: { v: 5, u: 0 } };
    expect(mostFooledSplits(["a", "b", "c"], tallies, verdictOf).map((s) => s.itemId)).toEqual(["a", "b"]);
  });

  it("is empty below ANSWERS_TO_RANK answers on a statement, however many got it wrong", () => {
    const below = ANSWERS_TO_RANK - 1;
    expect(mostFooledSplits(["a"], { a: { v: 0, u: below } }, verdictOf)).toEqual([]);
    expect(mostFooledSplits(["a"], { a: { v: 0, u: below + 1 } }, verdictOf)).toHaveLength(1);
  });
});
