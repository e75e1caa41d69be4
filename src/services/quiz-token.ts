/**
 * @module quiz-token: sealing a quiz state into a signed token and opening it again.
 *
 * Tokens are verified with WebCrypto only: reading one costs no KV operation. They are
 * signed with a key derived for quiz tokens alone, so no teacher cookie opens as one.
 */
import { pack } from "../content/pack";
import { parseQuizState, type QuizState } from "../domain/quiz";
import { deriveSigningKey, signToken, type TokenProblem, verifyToken } from "../domain/token";

/** A quiz token lasts this long from the START of its attempt; re-signing never extends it. */
export const TOKEN_LIFETIME_SECONDS = 6 * 60 * 60;

/** Why a token was refused: the token module's reasons, plus ones about its content. */
export type TokenRefusal = TokenProblem | "missing" | "not-a-quiz" | "pack-changed";

export type OpenedToken = { ok: true; state: QuizState } | { ok: false; reason: TokenRefusal };

// The token carries item ids as positions in the pack (one or two digits of 64, the base64url
// characters, each), not as ids: the pack version is in the token too, so the positions are exact,
// and the cookie sent with every request shrinks from about 1.2 KB to about 0.3 KB. One digit serves
// up to 64 items; the first 36 digits are base36's, so a pack of 36 or fewer encodes as before.
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
const ITEM_WIDTH = pack.items.length <= DIGITS.length ? 1 : 2;
const itemIndex = new Map(pack.items.map((item, index) => [item.id, index]));

function encodeIndex(index: number): string {
  if (index < 0) return "!".repeat(ITEM_WIDTH); // not a digit: such a token never opens
  let code = "";
  for (let n = index, k = 0; k < ITEM_WIDTH; k++, n = Math.floor(n / DIGITS.length)) {
    code = DIGITS[n % DIGITS.length] + code;
  }
  return code;
}

function encodeItems(ids: readonly string[]): string {
  return ids.map((id) => encodeIndex(itemIndex.get(id) ?? -1)).join("");
}

function decodeItems(code: unknown): string[] | null {
  if (typeof code !== "string" || code.length === 0 || code.length % ITEM_WIDTH !== 0) return null;
  const ids: string[] = [];
  for (let at = 0; at < code.length; at += ITEM_WIDTH) {
    let index = 0;
    for (const char of code.slice(at, at + ITEM_WIDTH)) {
      const digit = DIGITS.indexOf(char);
      if (digit === -1) return null;
      index = index * DIGITS.length + digit;
    }
    const id = pack.items[index]?.id;
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids;
}

/**
 * The HMAC key of quiz tokens: HKDF of the secret with info "quiz-token".
 * @example const token = await signToken(payload, await quizKey(secret), exp);
 */
export function quizKey(secret: string): Promise<CryptoKey> {
  return deriveSigningKey(secret, "quiz-token");
}

/**
 * The seed a public run's plan is drawn from: the first 32 bits of HMAC(key, seed), the key HKDF of
 * the secret with info "quiz-form". The token carries `seed` readably; without the secret it does not
 * give the plan (which statements, each form's verified count, their order).
 * @example planRun(pack.items, await formPlanSeed(secret, state.form.seed))
 */
export async function formPlanSeed(secret: string, seed: number): Promise<number> {
  const message = new Uint8Array(4);
  new DataView(message.buffer).setUint32(0, seed >>> 0);
  const mac = await crypto.subtle.sign("HMAC", await deriveSigningKey(secret, "quiz-form"), message);
  return new DataView(mac).getUint32(0);
}

/**
 * Verifies a token and checks that it holds a quiz state for the pack this Worker serves.
 * @example const opened = await openToken(getCookie(c, COOKIE_NAME, "host"), secret);
 */
export async function openToken(token: string | undefined, secret: string, nowMs = Date.now()): Promise<OpenedToken> {
  if (!token) return { ok: false, reason: "missing" };
  const verified = await verifyToken<unknown>(token, await quizKey(secret), Math.floor(nowMs / 1000));
  if (!verified.ok) return verified;
  const payload = verified.payload as Record<string, unknown> | null;
  if (typeof payload !== "object" || payload === null || payload.kind !== "quiz") {
    return { ok: false, reason: "not-a-quiz" };
  }
  // A deploy with a new pack invalidates attempts in progress: their items may have changed.
  if (payload.pack !== pack.version) return { ok: false, reason: "pack-changed" };
  const items = decodeItems(payload.items);
  const state = items && parseQuizState({ ...payload, items });
  return state ? { ok: true, state } : { ok: false, reason: "not-a-quiz" };
}

/**
 * Epoch seconds at which an attempt's tokens expire.
 * @example new Date(expiresAt(state) * 1000).toISOString()
 */
export function expiresAt(state: QuizState): number {
  return Math.floor(state.startedAt / 1000) + TOKEN_LIFETIME_SECONDS;
}

/**
 * Signs a state; its expiry is fixed by the attempt's start. Items must come from the pack.
 * @example const token = await sealToken(state, secret);
 */
export async function sealToken(state: QuizState, secret: string): Promise<string> {
  if (state.pack !== pack.version || state.items.some((id) => !itemIndex.has(id))) {
    throw new Error("sealToken: the state's items are not in the pack this Worker serves.");
  }
  return signToken({ ...state, items: encodeItems(state.items) }, await quizKey(secret), expiresAt(state));
}
