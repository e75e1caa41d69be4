/** @module nickname-chars: which characters a nickname may hold (no hidden, unassigned, stacked or very wide ones). */

/** What is wrong with a nickname's characters, if anything. */
export type CharacterProblem = "hidden" | "marks" | "wide";

/**
 * Longest run of combining marks on one letter. Real spellings need at most
 * three: Vietnamese (ệ = e + U+0323 + U+0302 decomposed), Hebrew with points
 * (שּׁ + a vowel), Tibetan stacks (སྒྲུ), Thai and Devanagari vowel plus tone or
 * nasal signs, and a keycap emoji (1 + U+FE0F + U+20E3). Four or more is
 * "Zalgo" text that spills over the lines around it.
 */
export const MAX_MARK_RUN = 3;

/** More pictographs than a family or a kiss emoji (four people) in one cluster are a chain built to be wide. */
const MAX_PICTOGRAPHS_PER_GRAPHEME = 4;

const ZWJ = "\u200D";
const TAG = /^[\u{E0020}-\u{E007F}]$/u;
const BLACK_FLAG = "\u{1F3F4}";

// Controls, format characters, surrogates, private use, unassigned code points,
// noncharacters, everything Unicode says to draw as nothing (which includes
// the Hangul fillers and variation selectors), and the blank Braille pattern.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Noncharacter_Code_Point}\p{Default_Ignorable_Code_Point}\u2800]/u;

// Characters that draw far wider than a letter and survive NFKC: Arabic
// presentation-form ligatures without a decomposition (U+FDFD "bismillah" is
// as wide as a sentence), the two- and three-em dashes, and cuneiform signs.
const WIDE = /[\uFB50-\uFDFF\uFE70-\uFEFE\u2E3A\u2E3B\u{12000}-\u{1254F}]/u;

const EMOJI_START = /^[\p{Extended_Pictographic}\p{Emoji}\p{Regional_Indicator}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARK_RUN + 1},}`, "u");

/**
 * Whether a hidden code point is a legitimate part of an emoji sequence: ZWJ
 * and VS15/VS16 after an emoji (👩‍💻, ❤️, 1️⃣) and tag characters in a flag
 * (🏴󠁧󠁢󠁳󠁣󠁴󠁿). A ZWJ at the end of a cluster joins nothing and is stray.
 */
function allowedInEmoji(ch: string, grapheme: string): boolean {
  if (!EMOJI_START.test(grapheme) || grapheme.endsWith(ZWJ)) return false;
  if (ch === ZWJ || ch === "\uFE0F" || ch === "\uFE0E") return true;
  return TAG.test(ch) && grapheme.startsWith(BLACK_FLAG);
}

/**
 * The first problem with one grapheme of an NFKC-normalised nickname, or null.
 *
 * @example
 * graphemeProblem("A"); // null
 * graphemeProblem("A\u200B"); // "hidden" (zero-width space)
 * graphemeProblem("\uFDFD"); // "wide"
 */
export function graphemeProblem(grapheme: string): CharacterProblem | null {
  for (const ch of grapheme) {
    if (HIDDEN.test(ch) && !allowedInEmoji(ch, grapheme)) return "hidden";
  }
  // Counted decomposed: "ö" + three diaereses is four marks high, not three.
  if (MARK_RUN.test(grapheme.normalize("NFD"))) return "marks";
  if (WIDE.test(grapheme)) return "wide";
  if ((grapheme.match(PICTOGRAPH)?.length ?? 0) > MAX_PICTOGRAPHS_PER_GRAPHEME) return "wide";
  return null;
}
