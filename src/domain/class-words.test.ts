import { describe, expect, it } from "vitest";
import { CHANCE_BAND, type ClassFigures, classWords, studentDiscernmentWords } from "./class-words";
import type { Lean } from "./scoring";

/** A class's pooled figures; counts default to 8 answers on facts and 8 on claims. */
function figures(discernment: number, lean: Lean, over: Partial<ClassFigures> = {}): ClassFigures {
  return {
    answered: 16,
    discernment,
    lean,
    verifiedAnswered: 8,
    verifiedJudgedUnverified: 2,
    unverifiedAnswered: 8,
    unverifiedJudgedVerified: 2,
    ...over,
  };
}

const PRAISE = /well|good|great|balance|more often than not/i;
const FIGURES = /bias|discernment|[+−-]\d|\d\.\d/i;

function all(words: ReturnType<typeof classWords>): string {
  return [words.headline, ...words.counts, words.advice].join(" ");
}

describe("classWords: the class in words a teacher can say aloud", () => {
  // One row per case: discernment, lean, and what must (and must not) be said.
  const table: { d: number; lean: Lean; says: RegExp; praise: boolean }[] = [
    { d: 0, lean: "balanced", says: /about what guessing gives/, praise: false },
    { d: CHANCE_BAND, lean: "balanced", says: /about what guessing gives/, praise: false },
    { d: -CHANCE_BAND, lean: "cautious", says: /called most statements unverified/, praise: false },
    { d: 0.05, lean: "trusting", says: /accepted most statements as verified/, praise: false },
    { d: -0.5, lean: "balanced", says: /took claims for facts and facts for claims/, praise: false },
    { d: -1, lean: "trusting", says: /took claims for facts/, praise: false },
    { d: 0.11, lean: "balanced", says: /more often than not, without leaning/, praise: true },
    { d: 0.5, lean: "cautious", says: /doubted facts of record/, praise: true },
    { d: 0.75, lean: "trusting", says: /accepted unproven claims/, praise: true },
  ];
  for (const row of table) {
    it(`discernment ${row.d}, ${row.lean}: ${row.praise ? "may" : "never"} praise`, () => {
      const words = classWords(figures(row.d, row.lean));
      expect(words.advice).toMatch(row.says);
      if (!row.praise) expect(all(words)).not.toMatch(PRAISE);
      expect(all(words)).not.toMatch(FIGURES);
    });
  }

  it("gives the counts behind it: right answers, facts doubted, claims accepted", () => {
    const words = classWords(figures(0, "cautious", { verifiedJudgedUnverified: 6, unverifiedJudgedVerified: 1 }));
    expect(words.headline).toBe("The class got 9 of 16 answers right.");
    expect(words.counts).toEqual([
      "It called 6 of 8 answers on facts of record unverified.",
      "It accepted 1 of 8 answers on unproven claims as verified.",
    ]);
  });

  it("says nothing about telling apart when only one kind was answered", () => {
    const words = classWords(
      figures(0.9, "balanced", {
        answered: 3,
        verifiedAnswered: 3,
        verifiedJudgedUnverified: 0,
        unverifiedAnswered: 0,
        unverifiedJudgedVerified: 0,
      }),
    );
    expect(words.counts).toEqual(["It called 0 of 3 answers on facts of record unverified."]);
    expect(words.advice).toMatch(/one kind of statement/);
    expect(all(words)).not.toMatch(PRAISE);
  });

  it("waits for the first finish, and one answer is singular", () => {
    expect(classWords(figures(0, "balanced", { answered: 0 })).headline).toMatch(/first student finishes/);
    const one = classWords(
      figures(1, "balanced", {
        answered: 1,
        verifiedAnswered: 1,
        verifiedJudgedUnverified: 0,
        unverifiedAnswered: 0,
        unverifiedJudgedVerified: 0,
      }),
    );
    expect(one.headline).toBe("The class got 1 of 1 answer right.");
  });
});

describe("studentDiscernmentWords: one student's telling apart, in words", () => {
  const table: [number, string][] = [
    [1, "mostly"],
    [0.5, "mostly"],
    [0.49, "partly"],
    [0.11, "partly"],
    [0.1, "as guessing would"],
    [0, "as guessing would"],
    [-0.1, "as guessing would"],
    [-0.11, "more often swapped"],
    [-1, "more often swapped"],
  ];
  for (const [d, words] of table) {
    it(`discernment ${d}: "${words}"`, () => {
      expect(studentDiscernmentWords(d)).toBe(words);
    });
  }
});
