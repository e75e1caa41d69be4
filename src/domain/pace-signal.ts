/**
 * @module pace-signal: where a class is, signed by its Durable Object (or a Worker that just asked
 * it), so a phone can bring it back in a URL and its next page needs no request to the object.
 *
 * Safe to accept old ones: a class only moves forward (statements open, close and have their
 * answer shown in order; the lobby starts; an end is final), so a genuine signal from any moment
 * never shows a verdict before the class saw it. A stale one only renders an older page, which the
 * next socket message corrects. The object's id binds it to its class.
 */
import type { Pace } from "./pace";
import type { ClassPhase } from "./room";
import { deriveSigningKey, signToken, verifyToken } from "./token";

/** How long a signal may come back (a lesson, with room to spare). */
const SIGNAL_LIFETIME_SECONDS = 6 * 60 * 60;

/** Where a class is, as its screens are told. */
export interface ClassSignal {
  phase: ClassPhase;
  pace: Pace;
}

interface SignalPayload {
  kind: "pace";
  room: string;
  phase: ClassPhase;
  step: number;
  shut: boolean;
  shown: boolean;
}

/**
 * Signs where the class of the object `room` (its id as a string) is now.
 * @example const p = await signSignal(env.QUIZ_SECRET, ctx.id.toString(), status, Date.now());
 */
export async function signSignal(secret: string, room: string, signal: ClassSignal, nowMs: number): Promise<string> {
  const payload: SignalPayload = { kind: "pace", room, phase: signal.phase, ...signal.pace };
  const key = await deriveSigningKey(secret, "class-pace");
  return signToken(payload, key, Math.floor(nowMs / 1000) + SIGNAL_LIFETIME_SECONDS);
}

/**
 * A signal as a phone sent it back, or null when it is not one this secret signed for the object
 * `room` (or it expired): the caller then asks the object.
 * @example const signal = await readSignal(env.QUIZ_SECRET, roomId, c.req.query("pace"), Date.now());
 */
export async function readSignal(
  secret: string,
  room: string,
  token: string | undefined,
  nowMs: number,
): Promise<ClassSignal | null> {
  if (!token) return null;
  const key = await deriveSigningKey(secret, "class-pace");
  const verified = await verifyToken<SignalPayload>(token, key, Math.floor(nowMs / 1000));
  if (!verified.ok) return null;
  const p = verified.payload;
  const phases: readonly ClassPhase[] = ["lobby", "running", "ended"];
  if (p.kind !== "pace" || p.room !== room || !phases.includes(p.phase)) return null;
  if (!Number.isSafeInteger(p.step) || p.step < 0 || typeof p.shut !== "boolean" || typeof p.shown !== "boolean") {
    return null;
  }
  return { phase: p.phase, pace: { step: p.step, shut: p.shut, shown: p.shown } };
}
