import { describe, expect, it } from "vitest";
import { readScore } from "./words";

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
