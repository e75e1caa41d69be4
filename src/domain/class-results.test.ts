import { describe, expect, it } from "vitest";
import {
  AWAY_AFTER_MS,
  answersInClassOrder,
  classScore,
  discussionPrompt,
  itemStats,
  mostFooled,
  progressOf,
  rankBoard,
  type StudentEntry,
  statusOf,
} from "./class-results";
import { ANSWERS_TO_RANK } from "./split";

const ITEMS = ["a", "b", "c", "d"];
const VERDICTS: Record<string, "verified" | "unverified"> = {
  a: "verified",
  b: "unverified",
  c: "verified",
  d: "unverified",
};
const verdictOf = (id: string) => VERDICTS[id];

function finished(nick: string, answers: string, score: number, discernment: number, c = 0): StudentEntry {
  return {
    sid: `sid-${nick}`,
    nick,
    id: `id-${nick}`,
    joinedAt: 1,
    finishedAt: 2,
    score,
    answered: answers.replace(/-/g, "").length,
    discernment,
    c,
    answers,
    pack: "p",
  };
}
const playing = (nick: string): StudentEntry => ({ sid: `sid-${nick}`, nick, id: `id-${nick}`, joinedAt: 1 });

describe("rankBoard", () => {
  it("orders by score then discernment; equal results share a rank (1, 2, 2, 4)", () => {
    const rows = rankBoard([
      finished("Cy", "vuvu", 4, 1),
      finished("Bo", "vuvv", 3, 0.5),
      finished("Al", "vuuu", 3, 0.5),
      finished("Di", "vvvv", 3, 0),
      playing("Ed"),
    ]);
    expect(rows.map((r) => [r.rank, r.nick, r.tied])).toEqual([
      [1, "Cy", false],
      [2, "Al", true],
      [2, "Bo", true],
      [4, "Di", false],
    ]);
  });

  it("uses no time tie-break: a later finish with the same result has the same rank", () => {
    const early = { ...finished("Zed", "vu--", 2, 1), finishedAt: 1 };
    const late = { ...finished("Amy", "vu--", 2, 1), finishedAt: 999 };
    const rows = rankBoard([early, late]);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe("dashboard figures", () => {
  const entries = [
    finished("A", "vuvu", 4, 1),
    finished("B", "uvvu", 2, 0),
    finished("C", "uv--", 0, -1, 0),
    playing("D"),
  ];

  it("computes each item's share correct over those who answered it", () => {
    const stats = itemStats(ITEMS, entries, verdictOf);
    expect(stats.map((s) => [s.itemId, s.correct, s.answered])).toEqual([
      ["a", 1, 3],
      ["b", 1, 3],
      ["c", 2, 2],
      ["d", 2, 2],
    ]);
    expect(stats[0]?.shareCorrect).toBeCloseTo(1 / 3);
  });

  it("ranks no item before it has ANSWERS_TO_RANK answers ('1 of 1 got it wrong' is noise)", () => {
    expect(ANSWERS_TO_RANK).toBe(5);
    expect(mostFooled(itemStats(ITEMS, entries, verdictOf))).toEqual([]);
  });

  it("finds the items that fooled the class most, leaving out items nobody missed", () => {
    // Two more classes' worth of A, B and C: 9 answers on a and b, 6 on c and d.
    const more = [...entries, ...entries.slice(0, 3), ...entries.slice(0, 3)];
    const fooled = mostFooled(itemStats(ITEMS, more, verdictOf));
    expect(fooled.map((s) => s.itemId)).toEqual(["a", "b"]);
    // One answer short of the bar: 4 answers on a (3 wrong) are not ranked.
    const four = [...entries, finished("E", "u---", 0, 0, 0)];
    expect(mostFooled(itemStats(ITEMS, four, verdictOf)).map((s) => s.itemId)).toEqual([]);
  });

  it("pools every finished answer into a class score with scoring.ts", () => {
    const score = classScore(ITEMS, entries, verdictOf);
    expect(score.answered).toBe(10);
    expect(score.correct).toBe(6);
    // verified answered 5 (a×3, c×2): judged verified 3 → 0.6; unverified 5: judged verified 2 → 0.4
    expect(score.discernment).toBe(0.2);
  });

  it("re-orders a shuffled attempt's answers into class order", () => {
    expect(answersInClassOrder(ITEMS, { items: ["c", "a", "d", "b"], answers: "vu-u" })).toBe("uuv-");
  });

  it("writes prompts by verdict and kind of source", () => {
    expect(discussionPrompt({ verdict: "unverified", claimant: { name: "Moscow", kind: "party" } })).toMatch(/Moscow/);
    expect(discussionPrompt({ verdict: "verified", claimant: { name: "x", kind: "reporters" } })).toMatch(/record/);
  });
});

describe("statusOf and progressOf", () => {
  it("tells finished, stopped early (fewer answers than the class has) and playing apart", () => {
    expect(statusOf(finished("A", "uvuv", 2, 0), 4)).toBe("finished");
    expect(statusOf(finished("B", "uv--", 2, 0), 4)).toBe("stopped early");
    expect(statusOf(playing("C"), 4)).toBe("playing");
    expect(statusOf({ ...playing("D"), progress: 4 }, 4)).toBe("playing");
  });

  it("says away for a student still playing from whom nothing came for five minutes, never for a finish", () => {
    const seen = 1_000_000;
    expect(statusOf({ ...playing("E"), seen }, 4, seen + AWAY_AFTER_MS)).toBe("playing");
    expect(statusOf({ ...playing("E"), seen }, 4, seen + AWAY_AFTER_MS + 1)).toBe("away");
    expect(statusOf({ ...playing("E"), seen }, 4)).toBe("playing");
    expect(statusOf({ ...finished("F", "uv--", 2, 0), seen }, 4, seen + 10 * AWAY_AFTER_MS)).toBe("stopped early");
  });

  it("counts a finish's answers, the object's progress while playing, and null when not known", () => {
    expect(progressOf(finished("A", "uv--", 2, 0))).toBe(2);
    expect(progressOf({ ...playing("C"), progress: 3 })).toBe(3);
    expect(progressOf({ ...playing("C"), progress: 0 })).toBe(0);
    expect(progressOf(playing("D"))).toBeNull();
  });
});
