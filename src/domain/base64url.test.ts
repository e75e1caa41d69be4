import { describe, expect, it } from "vitest";
import { decodeBase64url, encodeBase64url } from "./base64url";

describe("base64url", () => {
  it("round-trips all byte values without padding or +/", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = encodeBase64url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBase64url(text)).toEqual(bytes);
  });

  it("matches known vectors", () => {
    expect(encodeBase64url(new TextEncoder().encode("fo"))).toBe("Zm8");
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });

  it("rejects padding, foreign characters, bad lengths and non-canonical forms", () => {
    expect(decodeBase64url("Zm8=")).toBeNull();
    expect(decodeBase64url("Zm+8")).toBeNull();
    expect(decodeBase64url("Zm8gY")).toBeNull();
    expect(decodeBase64url("Zm9")).toBeNull(); // "Zm8" with a stray low bit
  });
});
