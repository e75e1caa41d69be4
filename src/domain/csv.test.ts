import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("makes formulas inert and quotes them as needed", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as numbers, including negative ones", () => {
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(7)).toBe("7");
    expect(csvCell(-0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("Smith, Ana")).toBe('"Smith, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and uses CRLF", () => {
    const csv = toCsv(
      ["nickname", "correct", "bias"],
      [
        ["Ana", 5, -0.25],
        ["=1+1", null, 0.5],
      ],
    );
    expect(csv).toBe("\uFEFFnickname,correct,bias\r\nAna,5,-0.25\r\n'=1+1,,0.5\r\n");
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("writes a header alone when there are no rows", () => {
    expect(toCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
  });
});
