import { describe, expect, it } from "vitest";
import { firstSentence, readScore } from "./words";

describe("firstSentence", () => {
  it("stops at the first sentence end followed by a new sentence", () => {
    expect(firstSentence("It is on the record. A public post, reported.")).toBe("It is on the record.");
    expect(firstSentence("“Is considered” does not say by whom. So it is a claim.")).toBe(
      "“Is considered” does not say by whom.",
    );
  });

  it("keeps a closing quote and does not split before a lower-case word", () => {
    expect(firstSentence("It says “reportedly.” Nothing else.")).toBe("It says “reportedly.”");
    expect(firstSentence("Figures, e.g. deaths, vary. Next.")).toBe("Figures, e.g. deaths, vary.");
  });

  it("returns the whole text when it is one sentence", () => {
    expect(firstSentence(" One sentence only. ")).toBe("One sentence only.");
    expect(firstSentence("No full stop")).toBe("No full stop");
  });
});

describe("readScore", () => {
  it("never praises at or below half right", () => {
    for (const [correct, answered] of [
      [0, 8],
      [4, 8],
      [10, 25],
      [1, 2],
    ] as const) {
      const reading = readScore(correct, answered);
      expect(reading.tone).toBe("chance");
      expect(reading.sentence).toMatch(/no better than chance/);
      expect(reading.sentence).not.toMatch(/well|good|great|better than tossing/i);
    }
  });

  it("reads just above half, well above, and all right", () => {
    expect(readScore(5, 8).tone).toBe("above");
    expect(readScore(13, 25).tone).toBe("above");
    expect(readScore(6, 8).tone).toBe("well-above");
    expect(readScore(7, 8).tone).toBe("well-above");
    expect(readScore(8, 8).tone).toBe("all");
  });
});
