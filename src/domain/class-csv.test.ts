import { describe, expect, it } from "vitest";
import { csvTable } from "./class-csv";
import type { StudentEntry } from "./class-results";
import { toCsv } from "./csv";

const ITEMS = ["a", "b", "c", "d"];
const STATEMENTS: Record<string, { statement: string; verdict: "verified" | "unverified" }> = {
  a: { statement: "Fighting took place in the Belgorod region.", verdict: "verified" },
  b: { statement: "-70 fighters were killed, says a side.", verdict: "unverified" },
  c: { statement: 'The governor said "two civilians were hurt".', verdict: "verified" },
  d: { statement: "@someone confirmed it.", verdict: "unverified" },
};
const itemOf = (id: string) => STATEMENTS[id];

function finished(
  nick: string,
  answers: string,
  score: number,
  discernment: number,
  c = 0,
  said: Pick<StudentEntry, "estimate" | "confidences"> = {},
): StudentEntry {
  return {
    ...said,
    sid: `sid-${nick}`,
    nick,
    id: `id-${nick}`,
    joinedAt: 1,
    finishedAt: Date.UTC(2026, 10, 30, 14, 5, 30),
    score,
    answered: answers.replace(/-/g, "").length,
    discernment,
    c,
    answers,
    pack: "p",
  };
}
const playing = (nick: string, progress?: number): StudentEntry => ({
  sid: `sid-${nick}`,
  nick,
  id: `id-${nick}`,
  joinedAt: 1,
  ...(progress === undefined ? {} : { progress }),
});

describe("csvTable", () => {
  const students = [
    // Expected 3, got 4: about right; sure twice and right both times.
    finished("Zoe", "vuvu", 4, 1, 0, { estimate: 3, confidences: "sfsg" }),
    // Stopped early (so the estimate is not compared); wrong twice while sure.
    finished('=HYPERLINK("x")', "uvu-", 0, -0.5, 0.6, { estimate: 4, confidences: "ss--" }),
    playing("+plus", 2),
    playing("Quiet"),
  ];
  const { header, rows } = csvTable(ITEMS, students, itemOf);
  const csv = toCsv(header, rows);
  const lines = csv.slice(1).split("\r\n");

  it("has plain column names and one column per statement, Q1…Qn in class order", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe(
      "Nickname,Status,Answered,Correct,Facts told from claims (-1 to 1),Lean figure,Lean,Finished (UTC),Expected,Expected against got,Wrong while sure,Q1,Q2,Q3,Q4",
    );
  });

  it("says finished, stopped early or playing, with right, wrong or empty per statement", () => {
    // Finished first, by name; numbers stay numbers; formula-like text is made inert.
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""x"")",stopped early,3,0,-0.5,0.6,cautious,2026-11-30 14:05,4,,2,wrong,wrong,wrong,`,
    );
    expect(lines[2]).toBe("Zoe,finished,4,4,1,0,balanced,2026-11-30 14:05,3,about right,0,right,right,right,right");
    expect(lines[3]).toBe("'+plus,playing,2,,,,,,,,,,,,");
    expect(lines[4]).toBe("Quiet,playing,,,,,,,,,,,,,");
  });

  it("ends with one empty line and a legend: Qn, the statement, its verdict (text made inert)", () => {
    expect(lines.slice(5, 11)).toEqual([
      "",
      "Q1,Fighting took place in the Belgorod region.,Verified",
      `Q2,"'-70 fighters were killed, says a side.",Unverified`,
      `Q3,"The governor said ""two civilians were hurt"".",Verified`,
      "Q4,'@someone confirmed it.,Unverified",
      "",
    ]);
  });

  it("then explains the figure columns in words, after one more empty line", () => {
    const legend = lines.slice(10, -1).map((line) => line.split(",")[0]);
    expect(legend).toEqual([
      "",
      "Facts told from claims (-1 to 1)",
      "Lean figure",
      "Expected",
      "Expected against got",
      "Wrong while sure",
    ]);
    expect(lines.at(-1)).toBe("");
    expect(csv).toContain("0 = what guessing gives");
  });
});
