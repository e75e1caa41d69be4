import { describe, expect, it } from "vitest";
import {
  checkNickname,
  generateNickname,
  NICKNAME_ADJECTIVES,
  NICKNAME_ANIMALS,
  NICKNAME_PROBLEMS,
  withNumber,
} from "./nickname";

const ok = (raw: string) => {
  const result = checkNickname(raw);
  if (!result.ok) throw new Error(`${JSON.stringify(raw)} was refused: ${result.problem}`);
  return result;
};
const problem = (raw: string) => {
  const result = checkNickname(raw);
  return result.ok ? null : result.problem;
};

describe("checkNickname", () => {
  it("normalises with NFKC, trims and collapses whitespace", () => {
    expect(ok("Ａｎａ")).toEqual({ ok: true, nickname: "Ana", key: "ana" });
    expect(ok("  Ana \t\u00A0 Maria\n")).toMatchObject({ nickname: "Ana Maria", key: "ana maria" });
    expect(ok("ＡＮＡ").key).toBe(ok("ana").key);
  });

  it("counts graphemes, not code units", () => {
    expect(problem("A")).toBe(NICKNAME_PROBLEMS.length);
    expect(problem("   ")).toBe(NICKNAME_PROBLEMS.length);
    expect(problem("x".repeat(25))).toBe(NICKNAME_PROBLEMS.length);
    expect(ok("x".repeat(24)).nickname).toHaveLength(24);
    expect(ok("👩‍💻🇺🇦").nickname).toBe("👩‍💻🇺🇦"); // two graphemes, nine code units
    expect(ok("👨‍👩‍👧‍👦".repeat(24)).nickname).toHaveLength(264);
    expect(problem("👨‍👩‍👧‍👦".repeat(25))).toBe(NICKNAME_PROBLEMS.length);
    expect(ok("Zoë").nickname).toBe("Zoë");
    expect(ok("李娜").key).toBe("李娜");
  });

  it("accepts emoji sequences with joiners, selectors and tags", () => {
    for (const name of ["👩‍💻 Ana", "❤️ Ana", "Ana 👍🏽", "🏳️‍🌈 Sam", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ian", "1️⃣ Bo"])
      expect(ok(name).nickname).toBe(name);
  });

  it("rejects hidden and control characters", () => {
    const hidden = [
      "Ana\u200D",
      "A\u200Dna",
      "An\u200Ba",
      "An\u2060a",
      "\uFEFFAna",
      "Ana\u202Egro",
      "An\u2066a",
      "An\u0000a",
      "An\u007Fa",
      "An\u00ADa",
      "Ana\uFE0F",
      "An\u3164a",
      "👩\u200D Ana", // joiner that joins nothing
      "Ana\u{E0067}",
    ];
    for (const raw of hidden) expect(problem(raw), JSON.stringify(raw)).toBe(NICKNAME_PROBLEMS.hidden);
  });

  it("rejects stacked combining marks", () => {
    expect(problem(`Z${"\u0301".repeat(10)}oe`)).toBe(NICKNAME_PROBLEMS.marks);
    expect(problem(`1${"\u0301".repeat(10)} Bo`)).toBe(NICKNAME_PROBLEMS.marks);
    expect(ok("Nguyễn Thị Ánh").nickname).toBe("Nguyễn Thị Ánh");
  });

  it("blocks whole words only", () => {
    for (const name of ["Scunthorpe", "Essex", "Bass Player", "Cassandra", "Class Act", "Dickens"]) ok(name);
    for (const name of ["you ass", "YOU-ASS", "Big Idiot", "idiots2", "Ｓｔｕｐｉｄ", "ass"]) {
      expect(problem(name), name).toBe(NICKNAME_PROBLEMS.blocked);
    }
  });
});

describe("generated nicknames", () => {
  it("every adjective–animal pair passes checkNickname, even with a number", () => {
    for (const adjective of NICKNAME_ADJECTIVES) {
      for (const animal of NICKNAME_ANIMALS) ok(withNumber(`${adjective} ${animal}`, 99));
    }
    expect(NICKNAME_ADJECTIVES.length).toBeGreaterThanOrEqual(30);
    expect(NICKNAME_ANIMALS.length).toBeGreaterThanOrEqual(30);
  });

  it("use the random source and add a number on retries", () => {
    expect(generateNickname(0, () => 0)).toBe("Brave Badger");
    expect(generateNickname(0, () => 0.9999999)).toBe("Witty Zebra");
    expect(generateNickname(1, () => 0)).toBe("Brave Badger 2");
    expect(generateNickname(3)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{1,2}$/);
    expect(ok(generateNickname()).nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it("withNumber keeps the result within 24 graphemes", () => {
    expect(withNumber("Ana", 2)).toBe("Ana 2");
    const long = withNumber("👩‍💻".repeat(24), 12);
    expect(ok(long).nickname).toBe(`${"👩‍💻".repeat(21)} 12`);
  });
});
