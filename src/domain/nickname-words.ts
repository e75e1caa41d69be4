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
// "Spice" and "Isidore" out of reach; "hitler" has no boundary, since no name
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
 * Real names and words the dataset would flag, matched on the lower-cased text
 * as typed (not after leetspeak), so "Moby Dick" passes and "M0by D1ck" does not.
 * "Dickens", "Scunthorpe", "Cockburn", "Hancock", "Essex" and "Kuntz" already
 * pass the dataset as it is.
 */
// biome-ignore format: a word list reads better as a block
export const ALLOWED_NAMES = [
  "dick van dyke", "moby dick", "pissarro", "dickinson", "dickson", "analise", "annalise", "annaliese",
  "fukuda", "fukui", "fukuoka", "fukushima", "fukuyama", "shittu", "bích",
] as const;

let matcher: RegExpMatcher | undefined;

/** Built on first use: compiling ~1,000 patterns is work a request that never checks a name should not pay for. */
function getMatcher(): RegExpMatcher {
  if (!matcher) {
    const built = new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .addPhrase((phrase) => {
        for (const p of EXTRA_PATTERNS) phrase.addPattern(p);
        return phrase.setMetadata({ originalWord: "extra" });
      })
      .build();
    const options: RegExpMatcherOptions = {
      ...built,
      whitelistedTerms: [...(built.whitelistedTerms ?? []), ...ALLOWED_NAMES],
      ...englishRecommendedTransformers,
    };
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
  const spelled = joinSpelledOut(name);
  const forms = [name, ...unstar(name), ...(spelled ? [spelled, ...unstar(spelled)] : [])];
  return forms.some((form) => m.hasMatch(form));
}
