/** @module nickname-words: rude and hateful words in nicknames, via the `obscenity` matcher plus our own additions. */

import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  pattern,
  RegExpMatcher,
  type RegExpMatcherOptions,
} from "obscenity";

// Words the English dataset does not know. `|` marks a word boundary; `[s]` is
// an optional letter. Whole-word patterns keep real names such as "Nazir",
// "Spicer" and "Pakize" out of reach; "hitler" has no boundary, since no name
// contains it.
// biome-ignore format: a word list reads better as a block
const EXTRA_PATTERNS = [
  pattern`hitler`, pattern`|nazi[s]|`, pattern`kyke`, pattern`phuck`, pattern`wetback`, pattern`raghead`,
  pattern`|spic[s]|`, pattern`|gook[s]|`, pattern`|paki[s]|`, pattern`|jap[s]|`, pattern`skank`,
  pattern`|pedo|`, pattern`paedo`, pattern`|lesbo[s]|`,
  // Mild insults a classroom does not need on its board (kept from the first block list).
  pattern`|crap|`, pattern`|dumb|`, pattern`|idiot`, pattern`|loser`, pattern`|moron[s]|`, pattern`|stupid`,
];

/**
 * Real names the dataset would flag. Each is taken out of the name as a whole
 * word, as typed (any case, but not after leetspeak), before the matcher runs:
 * "Moby Dick" passes, "M0by D1ck" and "Moby Dickhead" do not. "Dickens",
 * "Scunthorpe", "Cockburn", "Hancock", "Essex" and "Kuntz" already pass.
 */
// biome-ignore format: a word list reads better as a block
export const ALLOWED_NAMES = [
  // English, and the names from the attack report
  "dick van dyke", "moby dick", "pissarro", "dickinson", "dickson", "dickerson", "dickman", "fagan", "fagin",
  "peniston", "asselin",
  // Spanish, Italian, Portuguese
  "analia", "analisa", "annalisa", "analise", "annalise", "annaliese", "fagundes",
  // Japanese
  "fukuda", "fukui", "fukuoka", "fukushima", "fukuyama", "fukuhara", "fukumoto", "fukunaga", "fukuzawa", "fukase",
  "shitara",
  // Turkish (Cuma, Cumali, Cumhur), Amharic, Yoruba, Indian, Vietnamese
  "cuma", "cumali", "cumhur", "assefa", "shittu", "dikshit", "wankhede", "bích",
] as const;

const ALLOWED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ALLOWED_NAMES.join("|")})(?![\\p{L}\\p{N}])`, "giu");

let matcher: RegExpMatcher | undefined;

/** Built on first use (about 2 ms): a request that never checks a name should not pay for compiling the patterns. */
function getMatcher(): RegExpMatcher {
  if (!matcher) {
    const built = new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .addPhrase((phrase) => {
        for (const p of EXTRA_PATTERNS) phrase.addPattern(p);
        return phrase.setMetadata({ originalWord: "extra" });
      })
      .build();
    const options: RegExpMatcherOptions = { ...built, ...englishRecommendedTransformers };
    matcher = new RegExpMatcher(options);
  }
  return matcher;
}

/** Separators people put between letters to slip a word past a filter: "f u c k", "s.h.i.t", "b-i-t-c-h". */
const SEPARATOR = /[\s._\-,:;·+~/\\]+/u;

/**
 * The name with separators removed between runs of three or more single
 * letters ("f u c k" → "fuck"), or null when it has no such run. Only single
 * letters are joined, so "Bass Hit" never becomes "basshit".
 */
function joinSpelledOut(name: string): string | null {
  const parts = name.split(SEPARATOR);
  let joined = false;
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) {
      out.push(run.join(""));
      joined = true;
    } else out.push(...run);
    run = [];
  };
  for (const part of parts) {
    if ([...part].length === 1) run.push(part);
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return joined ? out.join(" ") : null;
}

/** Stars for vowels ("c*nt", "sh*t"): each star tried as each vowel in turn. */
function unstar(name: string): string[] {
  return name.includes("*") ? ["a", "e", "i", "o", "u"].map((v) => name.replaceAll("*", v)) : [];
}

/**
 * Whether a nickname contains a rude, sexual or hateful word, after leetspeak,
 * repeated letters and look-alike characters are resolved; real names on the
 * allow-list pass.
 *
 * @example
 * hasRudeWord("sh1t"); // true
 * hasRudeWord("Moby Dick"); // false
 */
export function hasRudeWord(name: string): boolean {
  const m = getMatcher();
  const rest = name.replace(ALLOWED, " ");
  const spelled = joinSpelledOut(rest);
  const forms = [rest, ...unstar(rest), ...(spelled ? [spelled, ...unstar(spelled)] : [])];
  return forms.some((form) => m.hasMatch(form));
}
