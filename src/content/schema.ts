/** @module Schemas of the content pack (content/*.json), used at build and test time. */
import * as z from "zod/mini";

/** A verdict as reported in May 2023: see the editorial rule in content/README.md. */
export const Verdict = z.enum(["verified", "unverified"]);
export type Verdict = z.infer<typeof Verdict>;

/**
 * Who makes the claim: a party to the conflict, an independent expert, the reporters themselves,
 * or unattributed (unnamed or unclear sources: "is considered", a sentence whose speaker the report leaves open).
 */
export const ClaimantKind = z.enum(["party", "independent-expert", "reporters", "unattributed"]);
export type ClaimantKind = z.infer<typeof ClaimantKind>;

const slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug like 'casualty-claims'"));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-25"));
const text = (max: number) =>
  z.string().check(z.minLength(1, "must not be empty"), z.maxLength(max, `must be at most ${max} characters`));

/** Counts words the way a reader would: runs of non-space characters. */
export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
const maxWords = (max: number) =>
  z.string().check(
    z.minLength(1, "must not be empty"),
    z.refine((s) => wordCount(s) <= max, `must be at most ${max} words`),
  );

/** The most words a context may have: what a reader takes in before answering. */
export const MAX_CONTEXT_WORDS = 110;

export const Item = z.strictObject({
  id: slug,
  statement: text(220),
  verdict: Verdict,
  claimant: z.strictObject({ name: text(80), kind: ClaimantKind }),
  quote: text(600),
  /**
   * The whole sentences shown before answering: the quote and the earlier sentences that carry its
   * attribution, copied exactly; a paragraph break, where it needs two adjacent paragraphs, is "\n".
   */
  context: maxWords(MAX_CONTEXT_WORDS),
  /** Items sharing a twin slug rest on one sentence, or are a claim and the fact it was claimed: never in one form. */
  twin: z.optional(slug),
  explanation: maxWords(60),
  check: text(240),
  lesson: slug,
  reviewed: isoDate,
});
export type Item = z.infer<typeof Item>;

export const Card = z.strictObject({
  slug,
  title: text(80),
  summary: text(160),
  /** Paragraphs of plain text; the whole card stays at or under 120 words. */
  body: z.array(text(900)).check(z.minLength(1, "needs at least one paragraph")),
  reviewed: isoDate,
});
export type Card = z.infer<typeof Card>;

export const PackInfo = z.strictObject({
  version: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, "must look like 2026-11-25.1")),
  title: text(120),
  source: z.strictObject({
    file: z.literal("belgorod-article.txt"),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be a hex SHA-256")),
    description: text(400),
  }),
});
export type PackInfo = z.infer<typeof PackInfo>;

export const Items = z.array(Item);
export const Cards = z.array(Card);
