/** @module nickname: nickname rules (NFKC, graphemes, characters, rude words, look-alike key) and generated names. */

import { graphemeProblem } from "./nickname-chars";
import { nicknameSkeleton } from "./nickname-skeleton";
import { hasRudeWord } from "./nickname-words";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 24;

/** The result of checking a typed nickname; `key` is what uniqueness is decided on. */
export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; problem: string };

export const NICKNAME_PROBLEMS = {
  length: `Nicknames need ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.`,
  hidden: "That name has a hidden character in it. Please type it again.",
  marks: "That name has too many accent marks stacked up. Please type it again.",
  wide: "That name has a symbol that is too big to show. Please use letters, numbers or emoji.",
  blocked: "That name is not allowed here. Please choose a different name.",
} as const;

/** Longest raw input we look at; 24 long emoji sequences fit well within it. */
const MAX_RAW_LENGTH = 512;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Checks a typed nickname. The nickname is NFKC-normalised with whitespace
 * collapsed (so "Ａｎａ" and "Ana" are the same name); hidden, unassigned,
 * stacked and very wide characters are refused, and so are rude or hateful
 * words (see nickname-words). The key, on which uniqueness in a class is
 * decided, is the look-alike skeleton, so "Аnna" (Cyrillic А) clashes with "anna".
 *
 * @example
 * checkNickname("  Zoë "); // { ok: true, nickname: "Zoë", key: "zoë" }
 * checkNickname("sh1t"); // { ok: false, problem: NICKNAME_PROBLEMS.blocked }
 */
export function checkNickname(raw: string): NicknameCheck {
  if (typeof raw !== "string" || raw.length > MAX_RAW_LENGTH) return { ok: false, problem: NICKNAME_PROBLEMS.length };
  // Not String#trim: it would silently drop a U+FEFF, which we report instead.
  const nickname = raw
    .normalize("NFKC")
    .replace(/\p{White_Space}+/gu, " ")
    .replace(/^ | $/g, "");
  let count = 0;
  for (const { segment } of segmenter.segment(nickname)) {
    count++;
    const problem = graphemeProblem(segment);
    if (problem) return { ok: false, problem: NICKNAME_PROBLEMS[problem] };
  }
  if (count < NICKNAME_MIN || count > NICKNAME_MAX) return { ok: false, problem: NICKNAME_PROBLEMS.length };
  if (hasRudeWord(nickname)) return { ok: false, problem: NICKNAME_PROBLEMS.blocked };
  return { ok: true, nickname, key: nicknameSkeleton(nickname) };
}

/** The uniqueness key of a nickname already stored (its look-alike skeleton). */
export function nicknameKey(nickname: string): string {
  return nicknameSkeleton(nickname);
}

// Short, friendly words: "Thoughtful Hedgehog 99" is the longest name (22).
// biome-ignore format: a word list reads better as a block
export const NICKNAME_ADJECTIVES = [
  "Brave", "Bright", "Bold", "Calm", "Careful", "Cheerful", "Clever", "Curious", "Daring", "Eager",
  "Friendly", "Gentle", "Honest", "Jolly", "Keen", "Kind", "Lucky", "Merry", "Nimble", "Patient",
  "Plucky", "Quick", "Quiet", "Sharp", "Steady", "Sunny", "Swift", "Thoughtful", "Wise", "Witty",
] as const;

// biome-ignore format: a word list reads better as a block
export const NICKNAME_ANIMALS = [
  "Badger", "Beaver", "Dolphin", "Falcon", "Fox", "Hedgehog", "Heron", "Koala", "Lemur", "Lynx",
  "Moose", "Otter", "Owl", "Panda", "Penguin", "Puffin", "Rabbit", "Raccoon", "Robin", "Seal",
  "Sparrow", "Squirrel", "Swan", "Tiger", "Turtle", "Walrus", "Whale", "Wolf", "Yak", "Zebra",
] as const;

/** A uniform float in [0, 1) from WebCrypto. */
function secureRandom(): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
}

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.min(list.length - 1, Math.floor(random() * list.length))];
  if (item === undefined) throw new Error("Cannot pick from an empty list.");
  return item;
}

/**
 * A friendly generated name such as "Curious Otter". On a retry after a clash
 * (`attempt` ≥ 1) a number 2–99 is added, since 900 pairs run out fast.
 */
export function generateNickname(attempt = 0, random: () => number = secureRandom): string {
  const name = `${pick(NICKNAME_ADJECTIVES, random)} ${pick(NICKNAME_ANIMALS, random)}`;
  return attempt > 0 ? withNumber(name, 2 + Math.floor(random() * 98)) : name;
}

/**
 * Adds " n" to a nickname (e.g. "Ana 2" when "Ana" is taken), cutting the name
 * by whole graphemes if needed so the result still fits NICKNAME_MAX.
 */
export function withNumber(nickname: string, n: number): string {
  const suffix = ` ${n}`;
  const graphemes = Array.from(segmenter.segment(nickname), (s) => s.segment);
  const room = Math.max(0, NICKNAME_MAX - suffix.length);
  return graphemes.slice(0, room).join("").trimEnd() + suffix;
}
