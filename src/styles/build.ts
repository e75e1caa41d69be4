/** @module Turns src/styles/app.css, poll.js and share.js into the served files, named by a hash of their content. */

/**
 * Drops comments and the whitespace the formatter adds. Only safe cuts: spaces around
 * `{ } ; ,` and the `>` and `+` combinators, after `:`, the zero before a decimal point
 * (`0.5rem` → `.5rem`) and the quotes around a one-word attribute value (`[type=text]`); never a
 * descendant space. The stylesheet has no `calc()`, whose `+`
 * needs its spaces: a test fails if one appears.
 *
 * @example minifyCss("a {\n  color: red;\n}") // "a{color:red}"
 */
export function minifyCss(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>+])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/([:\s,(-])0\.(\d)/g, "$1.$2")
    .replace(/\[([\w-]+)="([a-z][\w-]*)"\]/gi, "[$1=$2]")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * A short content hash for a file's URL, so it can be cached for a year (FNV-1a, base 36).
 *
 * @example hashOf("a{color:red}") // a few base-36 characters, the same on every run
 */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The served file's path for a minified stylesheet. */
export function cssPathOf(minified: string): string {
  return `/assets/app.${hashOf(minified)}.css`;
}

/** The served script: the source without its leading doc comment. */
export function scriptOf(source: string): string {
  return source.replace(/^\/\*\*[\s\S]*?\*\/\n/, "");
}

/** The served file's path for the board's script. */
export function pollPathOf(script: string): string {
  return `/assets/poll.${hashOf(script)}.js`;
}

/** The served file's path for the result page's share script. */
export function sharePathOf(script: string): string {
  return `/assets/share.${hashOf(script)}.js`;
}
