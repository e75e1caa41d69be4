import { describe, expect, it } from "vitest";
import { encodeBase64url } from "./base64url";
import { MAX_TOKEN_LENGTH, MissingSecretError, signToken, verifyToken } from "./token";

const SECRET = "a-test-secret-of-32-characters!!";
const OTHER = "another-secret-also-long-enough";
const NOW = 1_700_000_000;
const LATER = NOW + 600;

/** Signs an arbitrary body string the way signToken does, to reach the JSON checks. */
async function signRaw(body: string, secret = SECRET): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const part = encodeBase64url(enc.encode(body));
  const sig = await crypto.subtle.sign("HMAC", key, enc.encode(part));
  return `${part}.${encodeBase64url(new Uint8Array(sig))}`;
}

/** Replaces one character with a different base64url character. */
function flip(text: string, index: number): string {
  const c = text[index] === "A" ? "B" : "A";
  return text.slice(0, index) + c + text.slice(index + 1);
}

describe("token", () => {
  it("round-trips a payload with its expiry", async () => {
    const token = await signToken({ attempt: "abc", answers: [1, 0], name: "Ана 👩‍💻" }, SECRET, LATER);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const result = await verifyToken<{ attempt: string; name: string; exp: number }>(token, SECRET, NOW);
    expect(result).toEqual({ ok: true, payload: { attempt: "abc", answers: [1, 0], name: "Ана 👩‍💻", exp: LATER } });
  });

  it("rejects a tampered body", async () => {
    const token = await signToken({ attempt: "abc", score: 1 }, SECRET, LATER);
    const [body = "", sig = ""] = token.split(".");
    const forged = encodeBase64url(new TextEncoder().encode(JSON.stringify({ attempt: "abc", score: 9, exp: LATER })));
    expect(await verifyToken(`${forged}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(await verifyToken(`${flip(body, 2)}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("rejects a tampered signature", async () => {
    const [body, sig = ""] = (await signToken({ a: 1 }, SECRET, LATER)).split(".");
    expect(await verifyToken(`${body}.${flip(sig, 5)}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(await verifyToken(`${body}.${sig.slice(0, 20)}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("rejects a token signed with a foreign secret", async () => {
    const token = await signToken({ a: 1 }, OTHER, LATER);
    expect(await verifyToken(token, SECRET, NOW)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("rejects an expired token, at and after exp", async () => {
    const token = await signToken({ a: 1 }, SECRET, NOW);
    expect(await verifyToken(token, SECRET, NOW)).toEqual({ ok: false, reason: "expired" });
    expect(await verifyToken(token, SECRET, NOW + 1)).toEqual({ ok: false, reason: "expired" });
    expect((await verifyToken(token, SECRET, NOW - 1)).ok).toBe(true);
  });

  it("rejects malformed strings", async () => {
    const good = await signToken({ a: 1 }, SECRET, LATER);
    const malformed = [
      "",
      "nodot",
      ".",
      `${good}.extra`,
      good.replace(".", ".!"),
      `${good.split(".")[0]}=.${good.split(".")[1]}`,
      "x".repeat(MAX_TOKEN_LENGTH + 1),
      await signRaw("not json"),
      await signRaw("[1,2]"),
      await signRaw('{"a":1}'), // no exp
      await signRaw('{"exp":"soon"}'),
    ];
    for (const token of malformed) {
      expect(await verifyToken(token, SECRET, NOW), token.slice(0, 40)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("throws MissingSecretError for a missing or short secret", async () => {
    await expect(signToken({ a: 1 }, "", LATER)).rejects.toBeInstanceOf(MissingSecretError);
    await expect(signToken({ a: 1 }, "short-secret", LATER)).rejects.toBeInstanceOf(MissingSecretError);
    const token = await signToken({ a: 1 }, SECRET, LATER);
    await expect(verifyToken(token, "", NOW)).rejects.toBeInstanceOf(MissingSecretError);
    await expect(verifyToken(token, undefined as unknown as string, NOW)).rejects.toBeInstanceOf(MissingSecretError);
  });
});
