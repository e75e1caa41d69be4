import { describe, expect, it } from "vitest";
import {
  type CheckTake,
  checkChange,
  checkWords,
  FEW_STUDENTS,
  type StudentCheck,
  studentCheckLines,
  takeFigures,
} from "./check-change";
import type { Judgement } from "./scoring";

// Six statements each, three verified (v1..v3) then three unverified (u1..u3).
const before = ["v1", "v2", "v3", "u1", "u2", "u3"];
const after = ["v4", "v5", "v6", "u4", "u5", "u6"];
const verdictOf = (id: string): Judgement | undefined =>
  id.startsWith("v") ? "verified" : id.startsWith("u") ? "unverified" : undefined;
const take = (items: string[], answers: string, estimate: number | null = null): CheckTake => ({
  items,
  answers,
  estimate,
});

describe("takeFigures", () => {
  it("scores a take, with its overconfidence", () => {
    const f = takeFigures(take(before, "vvvvvv", 6), verdictOf);
    expect(f).toMatchObject({ correct: 3, total: 6, discernment: 0, overconfidence: 3 });
    // All "verified": a trusting lean, c below 0.
    expect(f.bias).toBeLessThan(0);
    expect(takeFigures(take(before, "vvvuuu"), verdictOf)).toMatchObject({
      correct: 6,
      discernment: 1,
      overconfidence: null,
    });
  });

  it("leaves out statements the pack no longer knows", () => {
    expect(takeFigures(take(["v1", "gone"], "vv", 2), verdictOf)).toMatchObject({
      correct: 1,
      total: 1,
      overconfidence: 1,
    });
  });
});

describe("checkChange", () => {
  it("with zero students: nothing to compare, and words that say when it appears", () => {
    const c = checkChange([], verdictOf);
    expect(c).toMatchObject({ checkedIn: 0, checkedOut: 0, both: 0, few: true, size: 0 });
    expect(c.correct).toEqual({ students: 0, before: null, after: null, change: null, up: 0, down: 0, same: 0 });
    const words = checkWords(c);
    expect(words.headline).toBe("The change appears when students have done both the check-in and the check-out.");
    expect(words.lines).toEqual([]);
    expect(words.note).toBeNull();
  });

  it("with one student: their change, and a note that one student is too few", () => {
    const one: StudentCheck = { in: take(before, "vvvvvv", 5), out: take(after, "vvvuuu", 5) };
    const c = checkChange([one], verdictOf);
    expect(c).toMatchObject({ checkedIn: 1, checkedOut: 1, both: 1, few: true, size: 6 });
    expect(c.correct).toMatchObject({ students: 1, before: 3, after: 6, change: 3, up: 1, down: 0, same: 0 });
    expect(c.discernment).toMatchObject({ before: 0, after: 1, change: 1, up: 1 });
    // From all "verified" to balanced: c rises (towards "unverified").
    expect(c.lean.up).toBe(1);
    expect(c.overconfidence).toMatchObject({
      students: 1,
      before: 2,
      after: -1,
      change: -3,
      overBefore: 1,
      overAfter: 0,
    });
    const words = checkWords(c);
    expect(words.headline).toBe("1 student did both the check-in and the check-out.");
    expect(words.lines).toEqual([
      "Right answers: 3 of 6 on average at the check-in, 6 at the check-out (more for 1).",
      "Telling facts from claims: better for 1.",
      "Calling statements unverified: more often for 1.",
      "Expected more than they got: 1 of 1 at the check-in, 0 of 1 at the check-out.",
    ]);
    expect(words.note).toBe(
      "With only one student, one student's answers move these a lot: too few to read much into.",
    );
  });

  it("counts who did only one part, and leaves them out of the change", () => {
    const c = checkChange(
      [{ in: take(before, "vvvuuu") }, { out: take(after, "vvvuuu") }, { in: take(before, "uuuuuu") }],
      verdictOf,
    );
    expect(c).toMatchObject({ checkedIn: 2, checkedOut: 1, both: 0 });
    expect(checkWords(c).headline).toBe(
      "2 students did the check-in and 1 the check-out; the change appears when someone has done both.",
    );
  });

  it("a class too small to read much into, and one just big enough", () => {
    const student = (answersIn: string, answersOut: string): StudentCheck => ({
      in: take(before, answersIn, 4),
      out: take(after, answersOut),
    });
    const small = Array.from({ length: FEW_STUDENTS - 1 }, (_, i) => student(i % 2 ? "vvvuuu" : "vvvvvv", "vvvuuu"));
    const c = checkChange(small, verdictOf);
    expect(c.both).toBe(9);
    expect(c.few).toBe(true);
    // 5 went from 3 to 6 right, 4 stayed at 6: mean 4.33 before, 6 after.
    expect(c.correct).toMatchObject({ before: 4.33, after: 6, change: 1.67, up: 5, same: 4, down: 0 });
    // No one gave a check-out estimate: overconfidence counts nobody.
    expect(c.overconfidence.students).toBe(0);
    const words = checkWords(c);
    expect(words.lines[0]).toBe(
      "Right answers: 4.3 of 6 on average at the check-in, 6 at the check-out (more for 5, the same for 4).",
    );
    expect(words.lines[3]).toBe("Nobody who did both said both times how many they expected to get right.");
    expect(words.note).toBe("With only 9 students, one student's answers move these a lot: too few to read much into.");
    const enough = checkChange([...small, student("uuuuuu", "vvvuuu")], verdictOf);
    expect(enough.few).toBe(false);
    expect(checkWords(enough).note).toBeNull();
  });

  it("never puts a sign or a verdict in its words", () => {
    const worse: StudentCheck = { in: take(before, "vvvuuu", 0), out: take(after, "uuuvvv", 6) };
    const words = checkWords(checkChange([worse, worse], verdictOf));
    const text = [words.headline, ...words.lines, words.note].join(" ");
    expect(text).not.toMatch(/[−+-]\d/u);
    expect(text).not.toMatch(/\bverified\b/);
    expect(text).not.toMatch(/\bbias\b|\bc\b/);
    expect(words.lines[0]).toBe("Right answers: 6 of 6 on average at the check-in, 0 at the check-out (fewer for 2).");
    expect(words.lines[1]).toBe("Telling facts from claims: worse for 2.");
  });
});

describe("studentCheckLines", () => {
  it("says a student's before and after, or nothing until both are done", () => {
    const b = takeFigures(take(before, "vvvvvv", 5), verdictOf);
    const a = takeFigures(take(after, "vvvuuu", 6), verdictOf);
    expect(studentCheckLines(b, null)).toBeNull();
    expect(studentCheckLines(b, a)).toEqual([
      "At the check-in you got 3 of 6 right; at the check-out, 6 of 6.",
      "You told facts from claims better at the check-out than at the check-in.",
      "You expected 5 at the check-in and 6 at the check-out.",
    ]);
    const same = takeFigures(take(after, "vvvvvv"), verdictOf);
    expect(studentCheckLines(b, same)).toEqual([
      "At the check-in you got 3 of 6 right; at the check-out, 3 of 6.",
      "You told facts from claims as well at the check-out as at the check-in.",
    ]);
    expect(studentCheckLines(a, b)?.[1]).toBe(
      "You told facts from claims less well at the check-out than at the check-in.",
    );
  });
});
