import { describe, expect, it } from "vitest";
import { commonAnswer, firstSentence, leanHeadline, readResult } from "./words";

const PRAISE = /well|good|great|better|told established facts from claims/i;

describe("readResult", () => {
  // correct, answered, verified answered, unverified answered, discernment → tone
  const cases = [
    // The example: alternating answers on a form where "unverified" alone scores as much.
    [20, 36, 16, 20, 0.05, "same"],
    [6, 10, 4, 6, 0, "same"],
    [5, 10, 5, 5, 0, "same"],
    [5, 10, 5, 5, 0.1, "same"],
    [5, 10, 5, 5, -0.1, "same"],
    [6, 10, 6, 4, 0.08, "same"],
    [4, 10, 4, 6, -0.17, "below"],
    [0, 10, 5, 5, -1, "below"],
    [3, 3, 3, 0, 0, "same"],
    [7, 10, 5, 5, 0.4, "discerning"],
    [8, 10, 4, 6, 0.58, "discerning"],
    [10, 10, 6, 4, 1, "discerning"],
  ] as const;

  for (const [correct, answered, v, u, discernment, tone] of cases) {
    it(`${correct} of ${answered} (${v} facts, ${u} claims, d = ${discernment}) reads "${tone}"`, () => {
      const reading = readResult({ correct, answered, verifiedAnswered: v, unverifiedAnswered: u, discernment });
      expect(reading.tone).toBe(tone);
      // The comparison is always said, with its figure.
      expect(reading.sentence).toContain(`${Math.max(v, u)} of ${answered}`);
      if (Math.abs(discernment) <= 0.1) expect(reading.sentence).not.toMatch(PRAISE);
      if (tone !== "discerning") expect(reading.sentence).not.toMatch(PRAISE);
    });
  }

  it("names the more common answer, or says either when both kinds are as common", () => {
    expect(commonAnswer({ verifiedAnswered: 4, unverifiedAnswered: 6 })).toEqual({ answer: "unverified", correct: 6 });
    expect(commonAnswer({ verifiedAnswered: 6, unverifiedAnswered: 4 })).toEqual({ answer: "verified", correct: 6 });
    expect(commonAnswer({ verifiedAnswered: 5, unverifiedAnswered: 5 })).toEqual({ answer: null, correct: 5 });
    const even = readResult({ correct: 5, answered: 10, verifiedAnswered: 5, unverifiedAnswered: 5, discernment: 0 });
    expect(even.sentence).toMatch(/^Giving the same answer every time would get 5 of 10/);
    const odd = readResult({ correct: 6, answered: 10, verifiedAnswered: 4, unverifiedAnswered: 6, discernment: 0 });
    expect(odd.sentence).toMatch(/^Always answering “unverified” would get 6 of 10/);
  });
});

describe("leanHeadline", () => {
  it("never calls a balance good when facts and claims got the same answers about as often", () => {
    // Negative too: facts called verified less often than claims is no balance to praise.
    for (const d of [0, 0.05, 0.1, -0.1, -0.33]) {
      expect(leanHeadline("balanced", "You kept a good balance.", d)).toBe("No clear lean either way.");
    }
    expect(leanHeadline("balanced", "You kept a good balance.", 0.5)).toBe("You kept a good balance.");
    expect(leanHeadline("cautious", "You were extra careful.", 0)).toBe("You were extra careful.");
  });
});

describe("firstSentence", () => {
  it("keeps the first sentence, or the whole text when it has one", () => {
    expect(firstSentence("A side says so. Nobody checked.")).toBe("A side says so.");
    expect(firstSentence("It is “alleged”. The report says so.")).toBe("It is “alleged”.");
    expect(firstSentence("One sentence only.")).toBe("One sentence only.");
    expect(firstSentence("About 1.5 km away. Then more.")).toBe("About 1.5 km away.");
  });
});
