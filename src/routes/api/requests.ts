/**
 * @module requests: zod/mini schemas of the JSON request bodies the quiz API validates.
 *
 * Kept apart from ./schemas.ts (which re-exports them for the OpenAPI document)
 * so the Worker bundles only what it validates with: the response schemas and
 * their descriptions are used by tests and the document generator, not at run time.
 */
import * as z from "zod/mini";
import { FORM_SIZE } from "../../domain/forms";
import { MAX_ATTEMPT_ITEMS } from "../../domain/quiz";
import { MAX_TOKEN_LENGTH } from "../../domain/token";

/** A quiz item's id, as content/items.json spells them. */
export const itemId = z
  .string()
  .check(
    z.maxLength(80, "must be at most 80 characters"),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be an item id like s0l299xi"),
    z.describe("A quiz item's stable id."),
  );

/** The opaque attempt token a client sends back. */
export const attemptToken = z
  .string()
  .check(
    z.minLength(1, "must not be empty"),
    z.maxLength(MAX_TOKEN_LENGTH, `must be at most ${MAX_TOKEN_LENGTH} characters`),
    z.describe("The attempt token from the previous response: opaque, signed, expires 6 hours after the start."),
  );

/** A reader's judgement, or an item's verdict as reported in May 2023. */
export const Judgement = z.enum(["verified", "unverified"]);

/** How sure a reader said they were of an answer; null or left out is "not said". */
export const Confidence = z.enum(["sure", "fairly", "guessing"]);

/** POST /api/v1/attempts (the body may be empty or {}; `after` plays "10 more"). */
export const StartAttemptRequest = z.strictObject({
  estimate: z.optional(
    z
      .int()
      .check(
        z.gte(0, "must be 0 or more"),
        z.lte(FORM_SIZE, `must be at most ${FORM_SIZE}`),
        z.describe(
          `How many of the attempt's statements the reader expects to get right, asked before the first (0 to ${FORM_SIZE}, at most the attempt's \`total\`). Leave out to skip.`,
        ),
      ),
  ),
  who: z.optional(
    z
      .boolean()
      .check(
        z.describe(
          'Also ask "who says so?" with every statement: each `next` statement then carries three `who.choices`, and an answer may send one of their keys as `who`. Not carried by `after`: send it again. Left out: false.',
        ),
      ),
  ),
  after: z.optional(
    attemptToken.check(
      z.describe(
        "A finished attempt's token: the new attempt plays the next form, statements that attempt's earlier forms did not hold. Leave out to start from the beginning.",
      ),
    ),
  ),
});

/** POST /api/v1/attempts/answer */
export const AnswerRequest = z.strictObject({
  token: attemptToken,
  itemId,
  answer: Judgement,
  confidence: z.optional(
    z.nullable(
      Confidence.check(
        z.describe(
          'How sure the reader is: "sure", "fairly" (fairly sure) or "guessing". Null or left out: not said. Class attempts too: the class’s object keeps it with the answer.',
        ),
      ),
    ),
  ),
  who: z.optional(
    z.nullable(
      z
        .string()
        .check(
          z.maxLength(40, "must be at most 40 characters"),
          z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a choice key like "ru-konashenkov"'),
          z.describe(
            "Who says so: the `key` of one of this statement's `who.choices`. Null or left out: not said. Only for an attempt started with \"who\": true or of a class set to ask it (ClassInfo.who; else 422); a key that is not one of the statement's choices is a 422 too.",
          ),
        ),
    ),
  ),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** POST /api/v1/attempts/estimate */
export const EstimateRequest = z.strictObject({
  token: attemptToken,
  estimate: z
    .int()
    .check(
      z.gte(0, "must be 0 or more"),
      z.lte(MAX_ATTEMPT_ITEMS, `must be at most ${MAX_ATTEMPT_ITEMS}`),
      z.describe(
        "How many of the attempt's statements the reader expects to get right: a whole number from 0 to the attempt's `total`, sent before the first answer.",
      ),
    ),
});
export type EstimateRequest = z.infer<typeof EstimateRequest>;

/** POST /api/v1/attempts/finish */
export const FinishRequest = z.strictObject({ token: attemptToken });
export type FinishRequest = z.infer<typeof FinishRequest>;
