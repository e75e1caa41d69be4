import { describe, expect, it } from "vitest";
import { newAttemptState } from "./quiz";
import {
  classPhase,
  classSizeOf,
  DEFAULT_CLASS_SIZE,
  joinDecision,
  MAX_CLASS_SIZE,
  phaseOf,
  recordedResult,
} from "./room";

describe("class size", () => {
  it("defaults to 40 and takes 1..200 whole numbers, as typed or as JSON", () => {
    expect([classSizeOf(undefined), classSizeOf(""), classSizeOf(null)]).toEqual([40, 40, 40]);
    expect(DEFAULT_CLASS_SIZE).toBe(40);
    expect([classSizeOf("30"), classSizeOf(" 1 "), classSizeOf(200), classSizeOf(MAX_CLASS_SIZE)]).toEqual([
      30, 1, 200, 200,
    ]);
    for (const bad of ["0", "201", "2.5", "thirty", -3, 1e9, Number.NaN, true])
      expect(classSizeOf(bad), String(bad)).toBeNull();
  });
});

describe("who may join", () => {
  it("refuses a held name, a removed name and a full class, in that order", () => {
    expect(joinDecision(null, 0, 40)).toBeNull();
    expect(joinDecision(null, 39, 40)).toBeNull();
    expect(joinDecision(null, 40, 40)).toBe("full");
    expect(joinDecision({ removed: false }, 0, 40)).toBe("taken");
    expect(joinDecision({ removed: true }, 40, 40)).toBe("removed");
  });
});

describe("a finish from the recorded answers", () => {
  const verdicts = { a: "verified", b: "unverified", c: "verified" } as const;
  const state = newAttemptState({
    id: "x",
    pack: "p",
    items: ["a", "b", "c"],
    startedAt: 1,
    class: { code: "ABC234", nick: "Ana" },
  });

  it("the object's record wins over the token; the token fills only what the object lacks", () => {
    const token = { ...state, answers: "vv-" }; // the token says b = verified (right would be unverified)
    const result = recordedResult(
      token,
      new Map([
        ["b", "u"],
        ["c", "u"],
      ]),
      verdicts,
      5,
    );
    expect(result.answers).toBe("vuu");
    expect(result.score).toMatchObject({ answered: 3, correct: 2 });
    expect(result.finishedAt).toBe(5);
    expect(result.class).toEqual({ code: "ABC234", nick: "Ana" });
  });

  it("an older token without answers still scores what was recorded", () => {
    const result = recordedResult(state, new Map([["a", "v"]]), verdicts, 9);
    expect(result.answers).toBe("v--");
    expect(result.score).toMatchObject({ answered: 1, correct: 1 });
  });

  it("the object's who-says picks win for the statements it recorded; the token's stand for the others", () => {
    const asked = { ...newAttemptState({ ...state, who: true }), answers: "vvv", who: "012" };
    const recorded = new Map([
      ["a", "v"],
      ["b", "u"],
    ]);
    // a: the object's pick (2) over the token's (0); b: recorded without a pick, so none; c: the token's.
    const said = { confidences: new Map(), who: new Map([["a", "2"]]), estimate: null };
    expect(recordedResult(asked, recorded, verdicts, 5, said).who).toBe("2-2");
    // An object that kept no picks (before schema 6): the token's picks stand.
    expect(recordedResult(asked, recorded, verdicts, 5, { confidences: new Map(), estimate: null }).who).toBe("012");
    // An attempt that does not ask it has no picks, whatever the object holds.
    expect(recordedResult({ ...state, answers: "vvv" }, recorded, verdicts, 5, said).who).toBeUndefined();
  });
});

describe("classPhase", () => {
  it("is running for a class without a lobby, whatever its object says", () => {
    expect(classPhase({}, null)).toBe("running");
    expect(classPhase({}, "lobby")).toBe("running");
  });
  it("is the lobby for a new class with one, then what its object holds", () => {
    expect(classPhase({ lobby: true }, null)).toBe("lobby");
    expect(classPhase({ paced: true }, null)).toBe("lobby");
    expect(classPhase({ lobby: true }, "running")).toBe("running");
  });
  it("is ended once the teacher ended the class, lobby or not", () => {
    expect(classPhase({}, "ended")).toBe("ended");
    expect(classPhase({ lobby: true }, "ended")).toBe("ended");
    expect(phaseOf({ gated: true, started: false, ended: true })).toBe("ended");
    expect(phaseOf({ gated: false, started: false, ended: false })).toBe("running");
  });
});
