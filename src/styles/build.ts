/** @module The served stylesheet and scripts are named by a hash of their content (minified by scripts/minify.ts). */

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

/** The served file's path for the board's script. */
export function pollPathOf(script: string): string {
  return `/assets/poll.${hashOf(script)}.js`;
}

/** The served file's path for the result page's share script. */
export function sharePathOf(script: string): string {
  return `/assets/share.${hashOf(script)}.js`;
}
