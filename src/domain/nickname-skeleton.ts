/** @module nickname-skeleton: a look-alike "skeleton" of a nickname (after Unicode UTS #39), so "Аnna" clashes with "Anna". */

/**
 * Letters of other scripts (and a few Latin and digit forms) that look like a
 * Latin letter, each written as source then target. A compact subset of the
 * Unicode confusables table: the Cyrillic, Greek, Armenian and Cherokee letters
 * that are drawn like Latin ones. Fullwidth, mathematical, circled, superscript
 * and similar forms need no entry: NFKC has already turned them into plain
 * letters. Capital I is not mapped to l (as UTS #39 does), because the key must
 * also ignore case and "Ian" must clash with "ian".
 */
// biome-ignore format: a table reads better as a block
const CONFUSABLE_PAIRS = [
  // Cyrillic capitals and small letters
  "АA", "ВB", "ЕE", "КK", "МM", "НH", "ОO", "РP", "СC", "ТT", "ХX", "УY", "ЅS", "ІI", "ЈJ", "ԚQ", "ԜW",
  "ҮY", "ӀI", "З3", "аa", "еe", "оo", "рp", "сc", "уy", "хx", "ѕs", "іi", "јj", "һh", "ԁd", "ԛq", "ԝw",
  "үy", "ӏi", "гr", "пn", "ѵv", "ѡw",
  // Greek
  "ΑA", "ΒB", "ΕE", "ΖZ", "ΗH", "ΙI", "ΚK", "ΜM", "ΝN", "ΟO", "ΡP", "ΤT", "ΥY", "ΧX", "αa", "γy",
  "ιi", "νv", "οo", "ρp", "υu", "ϳj",
  // Armenian
  "ՕO", "օo", "ՍU", "սu", "ՏS", "ցg", "հh", "ոn", "զq", "ԼL",
  // Cherokee capitals
  "ᎠD", "ᎡR", "ᎢT", "ᎪA", "ᎫJ", "ᎬE", "ᎷM", "ᎻH", "ᏀG", "ᏃZ", "ᏔW", "ᏙV", "ᏚS", "ᏞL", "ᏟC", "ᏢP",
  "ᏦK", "ᏴB",
  // Latin look-alikes and digits
  "ıi", "ȷj", "ɑa", "ɡg", "ᴏo", "ǀl", "0O", "1l", "|l",
] as const;

const CONFUSABLES: ReadonlyMap<string, string> = new Map(
  CONFUSABLE_PAIRS.map((pair) => {
    const [source = "", ...target] = [...pair];
    return [source, target.join("")];
  }),
);

/**
 * The key two look-alike nicknames share: NFKC then NFD, each character mapped
 * through the confusables table, NFD again, then case-folded (lower case, with
 * "ß" as "ss" and a final "ς" as "σ"), and finally NFC so a plain name's key
 * reads as its lower case.
 *
 * @example
 * nicknameSkeleton("Аnna") === nicknameSkeleton("anna"); // true (Cyrillic А)
 * nicknameSkeleton("B0B"); // "bob"
 */
export function nicknameSkeleton(nickname: string): string {
  const mapped = Array.from(nickname.normalize("NFKC").normalize("NFD"), (ch) => CONFUSABLES.get(ch) ?? ch).join("");
  return mapped.normalize("NFD").toLowerCase().replaceAll("ß", "ss").replaceAll("ς", "σ").normalize("NFC");
}
