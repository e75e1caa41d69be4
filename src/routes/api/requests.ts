/**
 * @module requests: zod/mini schemas of the JSON request bodies the quiz API validates.
 *
 * Kept apart from ./schemas.ts (which re-exports them for the OpenAPI document)
 * so the Worker bundles only what it validates with: the response schemas and
 * their descriptions are used by tests and the document generator, not at run time.
 */
import * as z from "zod/mini";
import { MAX_TOKEN_LENGTH } from "../../domain/token";

/** A quiz item's id, as content/items.json spells them. */
export const itemId = z
  .string()
  .check(
    z.maxLength(80, "must be at most 80 characters"),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be an item id like seventy-attackers-killed"),
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

/** POST /api/v1/attempts (the body may be empty or {}; `after` plays "10 more"). */
export const StartAttemptRequest = z.strictObject({
  after: z.optional(
    attemptToken.check(
      z.describe(
        "A finished attempt's token: the new attempt plays the next form, statements that attempt's earlier forms did not hold. Leave out to start from the beginning.",
      ),
    ),
  ),
});

/** POST /api/v1/attempts/answer */
export const AnswerRequest = z.strictObject({ token: attemptToken, itemId, answer: Judgement });
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** POST /api/v1/attempts/finish */
export const FinishRequest = z.strictObject({ token: attemptToken });
export type FinishRequest = z.infer<typeof FinishRequest>;
