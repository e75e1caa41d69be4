/** @module Checks the content pack against its schemas and the editorial rules; run at build and test time. */
import type { z } from "zod/mini";
import { articleLines, type ContextProblem, locateContext, locateQuote, type QuoteProblem } from "./article.ts";
import { publicIdOf } from "./build.ts";
import {
  formatClaimantKinds,
  formatCue,
  formatLearner,
  MAX_CUE_ACCURACY,
  measureClaimantKinds,
  measureCues,
  measureLearners,
  measurePassageLearners,
} from "./cues.ts";
import { REPEAT_RUN, sharedRun } from "./overlap.ts";
import { type Card, Cards, type Item, Items, PackInfo, wordCount } from "./schema.ts";

/** The files of a pack, as parsed JSON (unknown until checked) plus the article text. */
export interface PackFiles {
  info: unknown;
  items: unknown;
  cards: unknown;
  article: string;
}

export const MIN_ITEMS = 30;
export const MIN_CARDS = 8;
export const MAX_CARD_WORDS = 120;
/** Neither verdict may fall under this share of the items, so guessing one answer cannot pass. */
export const MIN_VERDICT_SHARE = 0.4;

const QUOTE_PROBLEMS: Record<QuoteProblem, string> = {
  "not-in-article": "is not in the article word for word",
  "matches-more-than-once": "matches more than one place in the article",
  "caption-or-heading": "comes from a photo-caption or heading line",
  "not-whole-sentences": "is not whole sentences of one paragraph (it starts or ends mid-sentence)",
};

const CONTEXT_PROBLEMS: Record<ContextProblem, string> = {
  ...QUOTE_PROBLEMS,
  "not-whole-sentences":
    "is not whole sentences (one paragraph, or the end of one and the start of the next joined by a line break)",
  "not-adjacent-paragraphs": "spans more than two paragraphs",
  "lacks-the-quote": "does not hold the item's quote",
};

function zodErrors(file: string, error: z.core.$ZodError, label: (path: PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => `${file}: ${label(issue.path)}: ${issue.message}`);
}

/** Names a path like items[3] (id "x").quote so an editor can find the field. */
function pathLabel(root: string, data: unknown, idKey: string) {
  return (path: PropertyKey[]): string => {
    const [index, ...rest] = path;
    const entry = Array.isArray(data) && typeof index === "number" ? data[index] : undefined;
    const id =
      entry && typeof entry === "object" && idKey in entry
        ? ` (${idKey} "${String((entry as Record<string, unknown>)[idKey])}")`
        : "";
    const field = rest.map(String).join(".");
    return `${root}[${String(index)}]${id}${field ? `.${field}` : ""}`;
  };
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Every problem in a pack, each naming its file and field; an empty list means the pack is good. */
export async function validatePack(files: PackFiles): Promise<string[]> {
  const errors: string[] = [];
  const info = PackInfo.safeParse(files.info);
  if (!info.success) errors.push(...zodErrors("pack.json", info.error, (p) => p.map(String).join(".") || "(root)"));
  const items = Items.safeParse(files.items);
  if (!items.success) errors.push(...zodErrors("items.json", items.error, pathLabel("items", files.items, "id")));
  const cards = Cards.safeParse(files.cards);
  if (!cards.success) errors.push(...zodErrors("cards.json", cards.error, pathLabel("cards", files.cards, "slug")));

  if (info.success) {
    const hash = await sha256Hex(files.article);
    if (hash !== info.data.source.sha256) {
      errors.push(
        `belgorod-article.txt: differs from the source (sha256 ${hash}, pack.json source.sha256 says ${info.data.source.sha256})`,
      );
    }
  }

  if (cards.success) {
    const slugs = new Set<string>();
    cards.data.forEach((card, i) => {
      const at = `cards.json: cards[${i}] (slug "${card.slug}")`;
      if (slugs.has(card.slug)) errors.push(`${at}.slug: repeats an earlier card's slug`);
      slugs.add(card.slug);
      const words = wordCount(card.body.join(" "));
      if (words > MAX_CARD_WORDS) errors.push(`${at}.body: ${words} words, more than ${MAX_CARD_WORDS}`);
    });
    if (cards.data.length < MIN_CARDS) errors.push(`cards.json: ${cards.data.length} cards, fewer than ${MIN_CARDS}`);
  }

  if (items.success) {
    const lines = articleLines(files.article);
    const cardSlugs = new Set(cards.success ? cards.data.map((c) => c.slug) : []);
    const ids = new Set<string>();
    const publicIds = new Map<string, string>();
    items.data.forEach((item, i) => {
      const at = `items.json: items[${i}] (id "${item.id}")`;
      if (ids.has(item.id)) errors.push(`${at}.id: repeats an earlier item's id`);
      ids.add(item.id);
      const publicId = publicIdOf(item.id);
      const clash = publicIds.get(publicId);
      if (clash && clash !== item.id)
        errors.push(`${at}.id: has the public id of "${clash}" (${publicId}); rename one of them`);
      publicIds.set(publicId, item.id);
      if (cards.success && !cardSlugs.has(item.lesson)) errors.push(`${at}.lesson: names no card ("${item.lesson}")`);
      const found = locateQuote(lines, files.article, item.quote);
      if (!found.ok) errors.push(`${at}.quote: ${QUOTE_PROBLEMS[found.problem]}`);
      // A broken quote is reported once, above, not again as a context that lacks it.
      const context = locateContext(lines, files.article, item.context, found.ok ? item.quote : "");
      if (!context.ok) errors.push(`${at}.context: ${CONTEXT_PROBLEMS[context.problem]}`);
    });
    const total = items.data.length;
    if (total < MIN_ITEMS) errors.push(`items.json: ${total} items, fewer than ${MIN_ITEMS}`);
    for (const verdict of ["verified", "unverified"] as const) {
      const n = items.data.filter((item) => item.verdict === verdict).length;
      if (total > 0 && n / total < MIN_VERDICT_SHARE) {
        errors.push(
          `items.json: only ${n} of ${total} items are ${verdict}; each verdict needs at least ${MIN_VERDICT_SHARE * 100}%`,
        );
      }
    }
    for (const cue of measureCues(items.data)) {
      if (cue.accuracy > MAX_CUE_ACCURACY) {
        errors.push(
          `items.json: the cue "${cue.cue}" alone predicts the verdict, more than ${MAX_CUE_ACCURACY * 100}%: ${formatCue(cue)}`,
        );
      }
    }
    if (cards.success) errors.push(...cardRepeats(cards.data, items.data));
    const learners = [
      ...measureLearners(items.data).map((learner) => ({ learner, from: "the wording alone" })),
      ...measurePassageLearners(items.data).map((learner) => ({ learner, from: "the passage shown before answering" })),
    ];
    for (const { learner, from } of learners) {
      if (learner.accuracy > MAX_CUE_ACCURACY) {
        errors.push(
          `items.json: the learner "${learner.cue}" guesses the verdict from ${from}, more than ${MAX_CUE_ACCURACY * 100}%: ${formatLearner(learner)}`,
        );
      }
    }
    const kinds = measureClaimantKinds(items.data);
    if (kinds.accuracy > MAX_CUE_ACCURACY) {
      errors.push(
        `items.json: the kind of claimant guesses the verdict, more than ${MAX_CUE_ACCURACY * 100}%: ${formatClaimantKinds(kinds)}`,
      );
    }
  }
  return errors;
}

/** Cards that repeat seven words in a row of an item's statement or quote (case and punctuation aside). */
function cardRepeats(cards: readonly Card[], items: readonly Item[]): string[] {
  const errors: string[] = [];
  cards.forEach((card, i) => {
    const fields = { title: card.title, summary: card.summary, body: card.body.join(" ") };
    for (const [field, text] of Object.entries(fields)) {
      for (const item of items) {
        for (const source of ["statement", "quote"] as const) {
          const run = sharedRun(text, item[source]);
          if (run !== undefined) {
            errors.push(
              `cards.json: cards[${i}] (slug "${card.slug}").${field}: repeats ${REPEAT_RUN} words in a row of item "${item.id}"'s ${source}: "${run}"`,
            );
          }
        }
      }
    }
  });
  return errors;
}
