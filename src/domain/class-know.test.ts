import { describe, expect, it } from "vitest";
import {
  classCalibration,
  entryFit,
  estimateFit,
  sureAndWrong,
  sureWrongCount,
  WELL_CALIBRATED_WITHIN,
} from "./class-know";
import type { StudentEntry } from "./class-results";

/** Four statements, verified and unverified in turn: a ✓, b ?, c ✓, d ?. */
const ITEMS = ["a", "b", "c", "d"];
const verdictOf = (id: string) =>
  ITEMS.includes(id) ? (ITEMS.indexOf(id) % 2 === 0 ? "verified" : "unverified") : undefined;

/** A finished student; `score` is counted here from the verdicts above, so the fixture cannot disagree with itself. */
function finished(nick: string, answers: string, confidences?: string, estimate?: number): StudentEntry {
  const score = [...answers].filter((a, i) => a !== "-" && (a === "v") === (verdictOf(ITEMS[i] ?? "") === "verified"));
  return {
    sid: `sid-${nick}`,
    nick,
    id: `id-${nick}`,
    joinedAt: 1,
    finishedAt: 2,
    score: score.length,
    answered: answers.replace(/-/g, "").length,
    discernment: 0,
    c: 0,
    answers,
    pack: "p",
    ...(confidences === undefined ? {} : { confidences }),
    ...(estimate === undefined ? {} : { estimate }),
  };
}

// Worked by hand (verdicts v u v u):
//   Ana  vuvu ssss est 4: 4 right, none wrong           → well (0 apart)
//   Ben  uvvu ssfg est 4: a, b wrong, both sure; 2 right → over (2 above)
//   Cy   uuvv sgss est 0: a, d wrong, both sure; 2 right → under (2 below)
//   Di   uvuu s--- est 2: a, b, c wrong, a sure; 1 right → well (1 above)
//   Ed   vu-- ss-- est 3: stopped after 2              → not counted (stopped early)
//   Flo  vvvv none  none: b, d wrong, no confidence    → no estimate
//   Gus  still playing                                 → nowhere
// Sure and wrong: a by Ben, Cy, Di (3 of the 5 sure: Ana, Ben, Cy, Di, Ed); b by Ben (1 of 3 sure:
// Ana, Ben, Ed); d by Cy (1 of 2 sure: Ana, Cy); c by nobody (Di was wrong, but did not say).
const CLASS: StudentEntry[] = [
  finished("Ana", "vuvu", "ssss", 4),
  finished("Ben", "uvvu", "ssfg", 4),
  finished("Cy", "uuvv", "sgss", 0),
  finished("Di", "uvuu", "s---", 2),
  finished("Ed", "vu--", "ss--", 3),
  finished("Flo", "vvvv"),
  { sid: "sid-Gus", nick: "Gus", id: "id-Gus", joinedAt: 1, progress: 2 },
];

describe("sureAndWrong", () => {
  it("lists the statements answered wrongly while sure, most first, with the counts of the hand-worked class", () => {
    expect(sureAndWrong(ITEMS, CLASS, verdictOf)).toEqual([
      { itemId: "a", position: 1, verdict: "verified", sureWrong: 3, sure: 5 },
      { itemId: "b", position: 2, verdict: "unverified", sureWrong: 1, sure: 3 },
      { itemId: "d", position: 4, verdict: "unverified", sureWrong: 1, sure: 2 },
    ]);
  });

  it("is empty with no answers at all, and with no student finished", () => {
    expect(sureAndWrong(ITEMS, [], verdictOf)).toEqual([]);
    expect(sureAndWrong(ITEMS, [{ sid: "s", nick: "P", id: "i", joinedAt: 1 }], verdictOf)).toEqual([]);
  });

  it("all at one level: all guessing lists nothing; all sure lists every wrong answer", () => {
    const guessing = [finished("A", "uvuv", "gggg", 0), finished("B", "uuuu", "gggg", 2)];
    expect(sureAndWrong(ITEMS, guessing, verdictOf)).toEqual([]);
    const sure = [finished("A", "uvuv", "ssss", 4), finished("B", "uuuu", "ssss", 4)];
    expect(sureAndWrong(ITEMS, sure, verdictOf)).toEqual([
      // A is wrong on all four, B on a and c.
      { itemId: "a", position: 1, verdict: "verified", sureWrong: 2, sure: 2 },
      { itemId: "c", position: 3, verdict: "verified", sureWrong: 2, sure: 2 },
      { itemId: "b", position: 2, verdict: "unverified", sureWrong: 1, sure: 2 },
      { itemId: "d", position: 4, verdict: "unverified", sureWrong: 1, sure: 2 },
    ]);
  });

  it("skips a statement the pack no longer holds", () => {
    // Right on a–d; the answer to the statement without a verdict counts for nothing.
    const entry = { ...finished("A", "-vuvu", "ssssss", 4), answers: "uvuvu" };
    expect(sureAndWrong(["gone", ...ITEMS], [entry], verdictOf)).toEqual([]);
  });
});

describe("estimateFit and classCalibration", () => {
  it("is well calibrated within one either way, over or under beyond it", () => {
    expect(WELL_CALIBRATED_WITHIN).toBe(1);
    expect(estimateFit(6, 6)).toBe("well");
    expect(estimateFit(7, 6)).toBe("well");
    expect(estimateFit(5, 6)).toBe("well");
    expect(estimateFit(8, 6)).toBe("over");
    expect(estimateFit(4, 6)).toBe("under");
    expect(estimateFit(0, 0)).toBe("well");
  });

  it("counts the hand-worked class: 1 over, 1 under, 2 well, 1 without an estimate, 1 stopped early", () => {
    expect(classCalibration(CLASS, ITEMS.length)).toEqual({
      over: 1,
      under: 1,
      well: 2,
      noEstimate: 1,
      stoppedEarly: 1,
    });
    expect(CLASS.map((entry) => entryFit(entry, ITEMS.length))).toEqual([
      "well",
      "over",
      "under",
      "well",
      null,
      null,
      null,
    ]);
  });

  it("is all zero with nobody finished", () => {
    const zero = { over: 0, under: 0, well: 0, noEstimate: 0, stoppedEarly: 0 };
    expect(classCalibration([], 4)).toEqual(zero);
    expect(classCalibration([{ sid: "s", nick: "P", id: "i", joinedAt: 1 }], 4)).toEqual(zero);
  });

  it("all at one level: everyone expecting all right, and everyone getting all right, are all well calibrated", () => {
    const all = [finished("A", "vuvu", "ssss", 4), finished("B", "vuvu", "ffff", 3), finished("C", "vuvu", "gggg", 4)];
    expect(classCalibration(all, 4)).toEqual({ over: 0, under: 0, well: 3, noEstimate: 0, stoppedEarly: 0 });
  });
});

describe("sureWrongCount", () => {
  it("counts each student's wrong answers given while sure", () => {
    expect(CLASS.map((entry) => sureWrongCount(entry, ITEMS, verdictOf))).toEqual([0, 2, 2, 1, 0, 0, 0]);
  });
});
