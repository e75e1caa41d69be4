/**
 * @module quotes: the source article, read once per isolate from a private static file
 * (public/content/article.json, written by `npm run content`) so its text is not in the Worker's
 * bundle (see static-file.ts), and each item's quote sliced out of its paragraph by its location.
 */
import { type ArticleLine, articleLines, type QuoteLocation } from "./article";
import type { ArticleFile } from "./build";
import { contentFile } from "./static-file";

/** Where the file sits among the static files. */
export const ARTICLE_PATH = "/content/article.json";

/** An article paragraph and where a quote sits in it. */
export interface QuoteInParagraph {
  text: string;
  quoteStart: number;
  quoteEnd: number;
}

/** The article's quotes, by their locations. */
export interface Quotes {
  /** The quoted sentences. */
  quote(at: QuoteLocation): string;
  /** The paragraph holding them; without it (never expected: the build checks every quote), none. */
  paragraph(at: QuoteLocation): QuoteInParagraph | undefined;
}

/**
 * The quotes of the article this Worker's pack was made from.
 * Throws ContentUnavailableError when the file cannot be read or is from another pack version.
 * @example (await articleQuotes(env.ASSETS)).quote(item.location) // "Shoigu on Wednesday reiterated …"
 */
export function articleQuotes(assets: Fetcher): Promise<Quotes> {
  return contentFile(assets, ARTICLE_PATH, (file: ArticleFile) => quotesOf(articleLines(file.article)));
}

function quotesOf(lines: ArticleLine[]): Quotes {
  const byIndex = new Map(lines.map((line) => [line.index, line.text]));
  return {
    quote: (at) => byIndex.get(at.line)?.slice(at.start, at.end) ?? "",
    paragraph(at) {
      const text = byIndex.get(at.line);
      return text === undefined ? undefined : { text, quoteStart: at.start, quoteEnd: at.end };
    },
  };
}
