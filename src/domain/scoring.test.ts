import { describe, expect, it } from "vitest";
import type { AnsweredItem, Judgement, Score } from "./scoring";
import { explainLean, inverseNormal, LEAN_THRESHOLD, leanOf, roundScore, roundTo, scoreAnswers } from "./scoring";

/** n items with the given verdict, all answered `answer`. */
function items(n: number, verdict: Judgement, answer: Judgement): AnsweredItem[] {
  return Array.from({ length: n }, () => ({ verdict, answer }));
}

function expectAllFinite(score: Score): void {
  for (const [key, value] of Object.entries(score)) {
    if (typeof value === "number") expect(Number.isFinite(value), key).toBe(true);
  }
}

const mixed = (answer: Judgement) => [...items(4, "verified", answer), ...items(4, "unverified", answer)];

describe("inverseNormal", () => {
  it("matches known quantiles", () => {
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseNormal(0.5)).toBe(0);
    expect(inverseNormal(0.8413447460685429)).toBeCloseTo(1, 6);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 6); // lower tail branch
    expect(inverseNormal(0.9999)).toBeCloseTo(3.719016, 5); // upper tail branch
  });

  it("is symmetric about 0.5", () => {
    for (const p of [0.01, 0.02425, 0.1, 0.25, 0.4, 0.49]) {
      expect(inverseNormal(1 - p)).toBeCloseTo(-inverseNormal(p), 9);
    }
  });

  it("handles the ends and nonsense", () => {
    expect(inverseNormal(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(inverseNormal(1)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseNormal(1.5)).toBeNaN();
    expect(inverseNormal(Number.NaN)).toBeNaN();
  });
});

describe("scoreAnswers", () => {
  it("scores zero items without NaN", () => {
    const score = scoreAnswers([]);
    expectAllFinite(score);
    expect(score).toMatchObject({ answered: 0, correct: 0, discernment: 0, hitRate: 0.5, falseAlarmRate: 0.5 });
    expect(score.dPrime).toBe(0);
    expect(score.bias).toBe(0);
    expect(Object.is(score.bias, -0)).toBe(false);
    expect(score.lean).toBe("balanced");
  });

  it("calls answering everything 'verified' trusting", () => {
    const score = scoreAnswers(mixed("verified"));
    expect(score).toMatchObject({ answered: 8, correct: 4, discernment: 0, hitRate: 0.9, falseAlarmRate: 0.9 });
    expect(score.dPrime).toBeCloseTo(0, 9);
    expect(score.bias).toBeCloseTo(-1.281552, 5);
    expect(score.lean).toBe("trusting");
  });

  it("calls answering everything 'unverified' cautious", () => {
    const score = scoreAnswers(mixed("unverified"));
    expect(score).toMatchObject({ correct: 4, discernment: 0, hitRate: 0.1, falseAlarmRate: 0.1, lean: "cautious" });
    expect(score.bias).toBeCloseTo(1.281552, 5);
  });

  it("gives all right full discernment and no lean", () => {
    const score = scoreAnswers([...items(4, "verified", "verified"), ...items(4, "unverified", "unverified")]);
    expect(score).toMatchObject({ correct: 8, discernment: 1, lean: "balanced" });
    expect(score.dPrime).toBeCloseTo(2 * 1.281552, 5);
    expect(score.bias).toBeCloseTo(0, 9);
  });

  it("gives all wrong negative discernment and sensitivity", () => {
    const score = scoreAnswers([...items(4, "verified", "unverified"), ...items(4, "unverified", "verified")]);
    expect(score).toMatchObject({ correct: 0, discernment: -1, lean: "balanced" });
    expect(score.dPrime).toBeCloseTo(-2 * 1.281552, 5);
  });

  it("scores a reader who stopped after one item, without a strong lean", () => {
    const score = scoreAnswers(items(1, "verified", "unverified"));
    expectAllFinite(score);
    expect(score).toMatchObject({ answered: 1, correct: 0, verifiedAnswered: 1, unverifiedAnswered: 0 });
    // Unanswered kind contributes 0; the answered kind's share is 0 too.
    expect(score.discernment).toBe(0);
    expect(score.hitRate).toBe(0.25);
    expect(score.falseAlarmRate).toBe(0.5);
    expect(score.lean).toBe("balanced"); // c ≈ 0.34: one answer is not a lean
  });

  it("handles few items of one kind", () => {
    const score = scoreAnswers([...items(5, "verified", "verified"), ...items(1, "unverified", "verified")]);
    expectAllFinite(score);
    expect(score).toMatchObject({ correct: 5, unverifiedAnswered: 1, unverifiedJudgedVerified: 1, discernment: 0 });
    expect(score.falseAlarmRate).toBe(0.75);
    expect(score.lean).toBe("trusting");
  });
});

describe("leanOf and rounding", () => {
  it("applies the threshold inclusively on both sides", () => {
    expect(leanOf(LEAN_THRESHOLD)).toBe("cautious");
    expect(leanOf(-LEAN_THRESHOLD)).toBe("trusting");
    expect(leanOf(LEAN_THRESHOLD - 0.01)).toBe("balanced");
  });

  it("rounds without producing -0", () => {
    expect(roundTo(-0.25, 2)).toBe(-0.25);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    const rounded = roundScore(scoreAnswers(mixed("verified")));
    expect(rounded.bias).toBe(-1.28);
    expect(rounded.answered).toBe(8);
  });
});

describe("explainLean", () => {
  it("shows the counts behind a cautious lean", () => {
    const score = scoreAnswers([
      ...items(3, "verified", "unverified"),
      ...items(5, "verified", "verified"),
      ...items(8, "unverified", "unverified"),
    ]);
    expect(score.lean).toBe("cautious");
    const text = explainLean(score);
    expect(text.lean).toBe("cautious");
    expect(text.counts).toEqual([
      "You called 3 of 8 established facts unverified.",
      "You accepted 0 of 8 unproven claims as verified.",
    ]);
    expect(text.tentative).toBe(false);
  });

  it("uses singular words and flags few items as tentative", () => {
    const text = explainLean(scoreAnswers(items(1, "unverified", "verified")));
    expect(text.counts).toEqual(["You accepted 1 of 1 unproven claim as verified."]);
    expect(text.tentative).toBe(true);
  });

  it("explains a trusting lean and an empty attempt kindly", () => {
    expect(explainLean(scoreAnswers(mixed("verified"))).headline).toBe("You were quite trusting.");
    const empty = explainLean(scoreAnswers([]));
    expect(empty.counts).toEqual([]);
    expect(empty.headline).toMatch(/Answer a few/);
    for (const answer of ["verified", "unverified"] as const) {
      const all = explainLean(scoreAnswers(mixed(answer)));
      expect(`${all.headline} ${all.tip}`).not.toMatch(/wrong|bad|fail|stupid|gullible|paranoid/i);
    }
  });
});
