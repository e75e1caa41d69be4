import { describe, expect, it } from "vitest";
import { readSignal, signSignal } from "./pace-signal";

const SECRET = "a-test-secret-of-enough-length";
const status = { phase: "running" as const, pace: { step: 3, shut: true, shown: false } };

describe("the signed pace", () => {
  it("reads back what was signed, for the same object only", async () => {
    const token = await signSignal(SECRET, "room-a", status, 1_000_000);
    expect(await readSignal(SECRET, "room-a", token, 1_000_000)).toEqual(status);
    expect(await readSignal(SECRET, "room-b", token, 1_000_000)).toBeNull();
    expect(await readSignal("another-secret-of-enough-length", "room-a", token, 1_000_000)).toBeNull();
  });
  it("expires after a lesson's worth of hours, and nothing else is one", async () => {
    const token = await signSignal(SECRET, "room-a", status, 0);
    expect(await readSignal(SECRET, "room-a", token, 6 * 3600 * 1000 - 1000)).toEqual(status);
    expect(await readSignal(SECRET, "room-a", token, 6 * 3600 * 1000)).toBeNull();
    for (const bad of [undefined, "", "x.y", `${token}x`, token.split(".")[0]]) {
      expect(await readSignal(SECRET, "room-a", bad, 0), String(bad)).toBeNull();
    }
  });
});
