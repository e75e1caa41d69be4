/** Share links: building and parsing them, and the image bucket of a score. */
import { describe, expect, it } from "vitest";
import { parseSharedScore, shareImageBucket, shareMeaning, shareUrlOf } from "./share";

describe("share links", () => {
  it("round-trips a score through its URL", () => {
    const url = shareUrlOf("https://example.org", 7, 8);
    expect(url).toBe("https://example.org/share/7-of-8");
    expect(parseSharedScore(url.split("/").pop() ?? "")).toEqual({ correct: 7, total: 8 });
  });

  it.each(["8-of-7", "00-of-8", "1-of-100", "1-of-0", " 1-of-2", "1-of-2 "])("refuses %j", (segment) => {
    expect(parseSharedScore(segment)).toBeNull();
  });

  it("picks the nearest ten of the percent (rounded down first) for the image", () => {
    expect(shareImageBucket({ correct: 7, total: 8 })).toBe(90);
    expect(shareImageBucket({ correct: 0, total: 3 })).toBe(0);
    expect(shareImageBucket({ correct: 2, total: 3 })).toBe(70);
    expect(shareImageBucket({ correct: 25, total: 25 })).toBe(100);
  });

  it("says something different for a high and a low score", () => {
    expect(shareMeaning({ correct: 8, total: 8 })).not.toBe(shareMeaning({ correct: 1, total: 8 }));
  });
});
