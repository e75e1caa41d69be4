import { describe, expect, it } from "vitest";
import {
  brierScore,
  type Confidence,
  calibration,
  calibrationLine,
  certaintyMarks,
  type RatedAnswer,
  selfEstimateLine,
} from "./calibration";

const a = (correct: boolean, confidence: Confidence | null): RatedAnswer => ({ correct, confidence });

describe("certaintyMarks: 1/2/3 when right, 0/−2/−6 when wrong", () => {
  it("marks each level, and 'not said' as the lowest certainty", () => {
    expect(certaintyMarks([a(true, "sure")]).total).toBe(3);
    expect(certaintyMarks([a(false, "sure")]).total).toBe(-6);
    expect(certaintyMarks([a(true, "fairly")]).total).toBe(2);
    expect(certaintyMarks([a(false, "fairly")]).total).toBe(-2);
    expect(certaintyMarks([a(true, "guessing")]).total).toBe(1);
    expect(certaintyMarks([a(false, "guessing")]).total).toBe(0);
    expect(certaintyMarks([a(true, null), a(false, null)]).total).toBe(1);
  });

  it("adds up, with the best possible beside it; zero answers give 0 of 0", () => {
    expect(certaintyMarks([a(true, "sure"), a(false, "fairly"), a(true, "guessing")])).toEqual({ total: 2, best: 9 });
    expect(certaintyMarks([])).toEqual({ total: 0, best: 0 });
  });
});

describe("calibration: how often right at each level", () => {
  it("one row per level used, most sure first, 'not said' last", () => {
    const rows = calibration([a(true, "guessing"), a(true, "sure"), a(false, "sure"), a(false, null), a(true, "sure")]);
    expect(rows).toEqual([
      { confidence: "sure", answered: 3, right: 2 },
      { confidence: "guessing", answered: 1, right: 1 },
      { confidence: null, answered: 1, right: 0 },
    ]);
  });

  it("zero answers: no rows; all at one level: one row", () => {
    expect(calibration([])).toEqual([]);
    expect(calibration([a(true, "fairly"), a(false, "fairly")])).toEqual([
      { confidence: "fairly", answered: 2, right: 1 },
    ]);
  });

  it("says each row in words", () => {
    expect(calibrationLine({ confidence: "sure", answered: 6, right: 4 })).toBe(
      "When you were sure you were right 4 times out of 6.",
    );
    expect(calibrationLine({ confidence: "guessing", answered: 1, right: 1 })).toBe(
      "When you were guessing you were right 1 time out of 1.",
    );
    expect(calibrationLine({ confidence: null, answered: 2, right: 0 })).toBe(
      "When you did not say you were right 0 times out of 2.",
    );
  });
});

describe("brierScore", () => {
  it("is null with no answers and 0.25 for guessing throughout, right or wrong", () => {
    expect(brierScore([])).toBeNull();
    expect(brierScore([a(true, "guessing"), a(false, "guessing"), a(false, null)])).toBe(0.25);
  });

  it("rewards being sure and right, punishes being sure and wrong", () => {
    expect(brierScore([a(true, "sure")])).toBeCloseTo(0.01);
    expect(brierScore([a(false, "sure")])).toBeCloseTo(0.81);
    expect(brierScore([a(true, "fairly"), a(false, "fairly")])).toBeCloseTo((0.0625 + 0.5625) / 2);
  });
});

describe("selfEstimateLine", () => {
  it("compares the estimate with the score in plain words; no estimate, no line", () => {
    expect(selfEstimateLine(8, 6)).toBe("You expected 8 and got 6: most people overestimate themselves at first.");
    expect(selfEstimateLine(4, 7)).toBe("You expected 4 and got 7: you did better than you thought.");
    expect(selfEstimateLine(5, 5)).toBe("You expected 5 and got 5: you judged yourself exactly.");
    expect(selfEstimateLine(null, 5)).toBeNull();
  });
});
