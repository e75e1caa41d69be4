import { describe, expect, it } from "vitest";
import { NOT_STARTED, pacedNextPosition } from "./pace";

describe("pacedNextPosition", () => {
  const none = () => false;
  it("is the open statement for a late joiner, never the first one", () => {
    expect(pacedNextPosition({ step: 3, shut: false, shown: false }, none, 8)).toBe(3);
  });
  it("is the statement the teacher opens next while none is open, or once the open one is answered", () => {
    expect(pacedNextPosition(NOT_STARTED, none, 8)).toBe(1);
    expect(pacedNextPosition({ step: 3, shut: true, shown: false }, none, 8)).toBe(4);
    expect(pacedNextPosition({ step: 3, shut: false, shown: false }, (p) => p === 3, 8)).toBe(4);
  });
  it("is null after the last statement", () => {
    expect(pacedNextPosition({ step: 8, shut: true, shown: false }, none, 8)).toBeNull();
    expect(pacedNextPosition({ step: 8, shut: false, shown: false }, (p) => p === 8, 8)).toBeNull();
  });
});
