/** @module nickname: nickname rules (NFKC, graphemes, hidden characters, block list) and generated names. */

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 24;

/** The result of checking a typed nickname; `key` is what uniqueness is decided on. */
export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; problem: string };

export const NICKNAME_PROBLEMS = {
  length: `Nicknames need ${NICKNAME_MIN} to ${NICKNAME_MAX} characters.`,
  hidden: "That name has a hidden character in it. Please type it again.",
  marks: "That name has too many accent marks stacked up. Please type it again.",
  blocked: "Please choose a different name.",
} as const;

// Mild, common English insults and swear words, matched as whole words (plus a
// plural "s"/"es") so "Scunthorpe", "Essex" and "Bass" pass. It is a speed bump,
// not a filter: the teacher can remove any name and can require generated names.
const BLOCKED_WORDS = new Set([
  "arse",
  "ass",
  "bastard",
  "bitch",
  "crap",
  "dick",
  "dumb",
  "fuck",
  "idiot",
  "loser",
  "moron",
  "piss",
  "shit",
  "stupid",
  "twat",
  "wanker",
]);

/** Longest raw input we look at; 24 long emoji sequences fit well within it. */
const MAX_RAW_LENGTH = 512;
/** Stacks of combining marks beyond this are "Zalgo" text, not a real spelling. */
const MAX_MARKS_PER_GRAPHEME = 4;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const ZWJ = "\u200D";
const HIDDEN_CATEGORY = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;
// Invisible characters outside those categories: the combining grapheme joiner,
// Hangul fillers, Mongolian selectors, the Braille blank and variation selectors.
const HIDDEN_RANGES: readonly (readonly [number, number])[] = [
  [0x034f, 0x034f],
  [0x115f, 0x1160],
  [0x180b, 0x180f],
  [0x2800, 0x2800],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xffa0, 0xffa0],
  [0xe0100, 0xe01ef],
];

/** Whether one code point is a control, format or otherwise invisible character. */
function isInvisible(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return HIDDEN_CATEGORY.test(ch) || HIDDEN_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

const EMOJI_START = /^[\p{Extended_Pictographic}\p{Emoji}\p{Regional_Indicator}]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const BLACK_FLAG = "\u{1F3F4}";

/**
 * Whether a grapheme's invisible characters are legitimate parts of an emoji
 * sequence: ZWJ and VS15/VS16 after an emoji (👩‍💻, ❤️, 1️⃣) and tag characters
 * in a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). A ZWJ at the end of a cluster joins nothing and is stray.
 */
function isEmojiSequence(grapheme: string): boolean {
  if (!EMOJI_START.test(grapheme) || grapheme.endsWith(ZWJ)) return false;
  for (const ch of grapheme) {
    if (ch === ZWJ || ch === "\uFE0F" || ch === "\uFE0E") continue;
    if (TAG.test(ch) && grapheme.startsWith(BLACK_FLAG)) continue;
    if (isInvisible(ch)) return false;
  }
  return true;
}

function isBlocked(key: string): boolean {
  return key.split(/[^\p{L}]+/u).some((w) => BLOCKED_WORDS.has(w) || BLOCKED_WORDS.has(w.replace(/e?s$/, "")));
}

/**
 * Checks a typed nickname. The nickname is NFKC-normalised with whitespace
 * collapsed (so "Ａｎａ" and "Ana" are the same name); the key is its lower
 * case, used for uniqueness within a class.
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
    if ([...segment].some(isInvisible) && !isEmojiSequence(segment)) {
      return { ok: false, problem: NICKNAME_PROBLEMS.hidden };
    }
    // Real spellings and emoji (a keycap has two marks) stay well under the limit.
    if ((segment.match(/\p{M}/gu)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME) {
      return { ok: false, problem: NICKNAME_PROBLEMS.marks };
    }
  }
  if (count < NICKNAME_MIN || count > NICKNAME_MAX) return { ok: false, problem: NICKNAME_PROBLEMS.length };
  const key = nickname.toLowerCase();
  if (isBlocked(key)) return { ok: false, problem: NICKNAME_PROBLEMS.blocked };
  return { ok: true, nickname, key };
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
