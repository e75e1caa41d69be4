import { describe, expect, it } from "vitest";
import {
  attemptIdTimePrefix,
  hashTeacherKey,
  JOIN_CODE_ALPHABET,
  keysMatch,
  newAttemptId,
  newJoinCode,
  newRejoinCode,
  newTeacherKey,
  normalizeJoinCode,
  normalizeRejoinCode,
} from "./ids";

describe("attempt ids", () => {
  it("are 35 lowercase characters and sort by time as strings", () => {
    const times = [0, 9, 35, 36, 1_000, 1_684_800_000_000, 1_684_800_000_001, 1_800_000_000_000];
    const ids = times.map((t) => newAttemptId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9}[a-z2-7]{26}$/);
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it("differ within the same millisecond and share its prefix", () => {
    const a = newAttemptId(1_684_800_000_000);
    const b = newAttemptId(1_684_800_000_000);
    expect(a).not.toBe(b);
    expect(a.startsWith(attemptIdTimePrefix(1_684_800_000_000))).toBe(true);
  });

  it("refuse impossible timestamps", () => {
    expect(() => newAttemptId(-1)).toThrow(RangeError);
    expect(() => newAttemptId(1.5)).toThrow(RangeError);
  });
});

describe("join codes", () => {
  it("use only the look-alike-free alphabet", () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length); // 3000 draws reach every character
  });

  it("normalise what people type", () => {
    expect(normalizeJoinCode("abc-def")).toBe("ABCDEF");
    expect(normalizeJoinCode(" 7k9 q2x ")).toBe("7K9Q2X");
    expect(normalizeJoinCode("ＡＢＣ２３４")).toBe("ABC234");
    expect(normalizeJoinCode("ABC–234")).toBe("ABC234");
  });

  it("reject codes of the wrong length or alphabet", () => {
    for (const bad of ["", "ABCDE", "ABCDEFG", "ABCDE0", "ABCDEO", "ABCDE1", "ABC_DE", "ABCDEÉ"]) {
      expect(normalizeJoinCode(bad), bad).toBeNull();
    }
  });
});

describe("rejoin codes", () => {
  it("are 5 characters of the join-code alphabet, and differ", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newRejoinCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{5}$`));
  });
  it("are read as typed, and nothing else is one", () => {
    expect(normalizeRejoinCode(" k7m-2q ")).toBe("K7M2Q");
    for (const bad of ["K7M2", "K7M2QX", "K0M2Q", "K7M2I", "", "K7M2Q; DROP"]) {
      expect(normalizeRejoinCode(bad), bad).toBeNull();
    }
  });
});

describe("teacher keys", () => {
  it("are prefixed, long and distinct", () => {
    const key = newTeacherKey();
    expect(key).toMatch(/^tk_[A-Za-z0-9_-]{32}$/);
    expect(newTeacherKey()).not.toBe(key);
  });

  it("hash to SHA-256 hex", async () => {
    expect(await hashTeacherKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("match only their own hash", async () => {
    const key = newTeacherKey();
    const stored = await hashTeacherKey(key);
    expect(await keysMatch(key, stored)).toBe(true);
    expect(await keysMatch(newTeacherKey(), stored)).toBe(false);
    expect(await keysMatch(key, stored.slice(0, 63))).toBe(false);
    expect(await keysMatch(key, `${stored}0`)).toBe(false);
    expect(await keysMatch(key, "")).toBe(false);
  });
});
