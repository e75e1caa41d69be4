/**
 * @module static-file: the private content files under public/content/ (the pack's longest texts),
 * read once per isolate through the ASSETS binding so they are not in the Worker's bundle. The
 * files are not served to the public (`run_worker_first` in wrangler.toml sends /content/* to the
 * Worker, which has no such route): they give the verdicts away, or are simply not a page.
 */
import { pack } from "./pack";

/** A content file could not be read: a deploy without its generated files, or the asset server failing. */
export class ContentUnavailableError extends Error {
  override name = "ContentUnavailableError";
}

// One load per file per isolate (per binding object, so a test's own binding gets its own load); a
// failed load is forgotten, so the next request tries again.
const loads = new WeakMap<Fetcher, Map<string, Promise<unknown>>>();

/**
 * Reads the content file at `path` once per isolate and keeps what `use` makes of it.
 * Throws ContentUnavailableError when the file cannot be read or is from another pack version.
 * @example const article = await contentFile(env.ASSETS, "/content/article.json", (f: ArticleFile) => f.article);
 */
export function contentFile<F extends { version: string }, T>(
  assets: Fetcher,
  path: string,
  use: (file: F) => T,
): Promise<T> {
  let files = loads.get(assets);
  if (!files) {
    files = new Map();
    loads.set(assets, files);
  }
  let load = files.get(path) as Promise<T> | undefined;
  if (!load) {
    load = read<F>(assets, path).then(use);
    files.set(path, load);
    load.catch(() => files.delete(path));
  }
  return load;
}

async function read<F extends { version: string }>(assets: Fetcher, path: string): Promise<F> {
  const res = await assets.fetch(`http://assets.local${path}`);
  if (!res.ok) throw new ContentUnavailableError(`${path} answered ${res.status}`);
  const file = (await res.json()) as F;
  if (file.version !== pack.version) {
    throw new ContentUnavailableError(`${path} is for pack ${file.version}, not ${pack.version}`);
  }
  return file;
}
