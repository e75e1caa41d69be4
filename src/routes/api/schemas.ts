/**
 * @module JSON shapes of the /api/v1 responses, as zod/mini schemas shared by every API route.
 *
 * Routes type their bodies with these (`z.infer`), the tests parse real responses with them,
 * and the routes are registered from the route tables below (./route-table.ts), which the OpenAPI
 * document is generated from.
 */
import * as z from "zod/mini";
import type { Problem as ProblemBody } from "../problem";
import {
  AnswerRequest,
  attemptToken,
  Confidence,
  EstimateRequest,
  FinishRequest,
  itemId,
  Judgement,
  StartAttemptRequest,
} from "./requests";

const about = (description: string) => z.describe(description);

// ---- Problems (RFC 9457) -------------------------------------------------------------

export const Problem = z.object({
  type: z.string().check(about("A URI reference naming the kind of problem, e.g. /api/v1/problems/not-found.")),
  title: z.string().check(about("A short, human-readable summary of the problem.")),
  status: z.number().check(z.int(), about("The HTTP status code.")),
  detail: z.optional(z.string().check(about("What went wrong in this request, in plain words."))),
  field: z.optional(z.string().check(about('The request field at fault, e.g. "path.slug" or "body.answer".'))),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

// The schema and the interface in ../problem.ts must describe the same body.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const problemShapesAgree: Same<Problem, ProblemBody> = true;
void problemShapesAgree;

// ---- Cards -----------------------------------------------------------------------------

const slug = z.string().check(about("The card's stable identifier, e.g. attribution."));
const reviewed = z.string().check(about("The date (YYYY-MM-DD) an editor last reviewed the card."));
const packVersion = z.string().check(about("The content pack version these data come from, e.g. 2026-11-25.1."));

/** One card in the list. */
export const CardSummary = z.object({
  slug,
  title: z.string(),
  summary: z.string().check(about("One sentence saying what the card teaches.")),
  reviewed,
  url: z.string().check(about("This card in the JSON API (a path on this host).")),
  page: z.string().check(about("This card as a web page for readers (a path on this host).")),
});
export type CardSummary = z.infer<typeof CardSummary>;

/** GET /api/v1/cards */
export const CardList = z.object({
  packVersion,
  cards: z.array(CardSummary).check(about("Every card, in reading order.")),
});
export type CardList = z.infer<typeof CardList>;

/** GET /api/v1/cards/{slug} */
export const CardDetail = z.object({
  packVersion,
  ...CardSummary.shape,
  body: z.array(z.string()).check(about("The card's text, one string per paragraph (120 words at most in all).")),
});
export type CardDetail = z.infer<typeof CardDetail>;

// ---- The route table: each JSON route declared once (./route-table.ts registers it, ----
// ---- ./openapi-document.ts documents it) --------------------------------------------------

/** One response of a route: its description and, for bodies, the schema and media type. */
export interface ApiResponse {
  description: string;
  schema?: z.core.$ZodType;
  /** Defaults to application/json, or application/problem+json for 4xx/5xx. */
  contentType?: string;
  /** Response headers worth documenting, by name. */
  headers?: Record<string, string>;
}

/**
 * One route of the JSON API: what the app registers (method, path, the body it validates) and what
 * OpenAPI documents. Paths use OpenAPI's {param} syntax; the operationId is the route's key in its table.
 */
export interface ApiRoute {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** A template type, so each table keeps its paths' literals (typed path parameters in handlers). */
  path: `/api/v1/${string}`;
  summary: string;
  tags: string[];
  parameters?: { name: string; in: "path" | "query" | "header"; required: boolean; description: string }[];
  requestBody?: { description: string; schema: z.core.$ZodType };
  responses: Record<string, ApiResponse>;
  /** Set when the route needs a class's teacher key (`Authorization: Bearer <key>`). */
  security?: "teacherKey";
}

/** A group of routes by operationId (e.g. classRoutes.createClass). */
export type RouteTable = Record<string, ApiRoute>;

const cacheHeaders = {
  "Cache-Control": "public, max-age=300",
  ETag: "A strong validator of the body; send it back in If-None-Match to get 304 Not Modified.",
};

export const cardRoutes = {
  listCards: {
    method: "get",
    path: "/api/v1/cards",
    summary: "List the explainer cards",
    tags: ["Cards"],
    responses: {
      "200": { description: "Every card, in reading order.", schema: CardList, headers: cacheHeaders },
      "304": { description: "Not modified since the ETag given in If-None-Match." },
    },
  },
  getCard: {
    method: "get",
    path: "/api/v1/cards/{slug}",
    summary: "Get one explainer card",
    tags: ["Cards"],
    parameters: [{ name: "slug", in: "path", required: true, description: "The card's slug, e.g. attribution." }],
    responses: {
      "200": { description: "The card.", schema: CardDetail, headers: cacheHeaders },
      "304": { description: "Not modified since the ETag given in If-None-Match." },
      "404": { description: "No card has this slug (field path.slug).", schema: Problem },
    },
  },
} satisfies RouteTable;

// ---- Quiz (statements, attempts, answers, results) --------------------------------------

// Request bodies live in ./requests.ts (bundled by the Worker); re-exported here so the
// OpenAPI document names them as components like every other schema.
export { AnswerRequest, Confidence, EstimateRequest, FinishRequest, Judgement, StartAttemptRequest };

const count = (description: string) => z.int().check(z.gte(0), about(description));
const figure = (description: string) => z.number().check(about(description));
const isoTime = (description: string) => z.string().check(about(`${description} (ISO 8601, UTC).`));

/** A "who says so?" choice: the key to send back and the words to show. */
export const WhoOption = z.object({
  key: z.string().check(about('The choice\'s key, e.g. "ru-konashenkov": send it as `who` with the answer.')),
  label: z.string().check(about("Who, in the words the quiz shows.")),
});

/** A statement to judge. Verdicts are never included. */
export const QuizStatement = z.object({
  id: itemId,
  position: count(
    "1-based position in this list, which is by article line, then id: not the order any attempt asks them in (each form has its own shuffled order).",
  ),
  statement: z.string().check(about("The statement to judge verified or unverified.")),
  context: z
    .string()
    .check(
      about(
        'What the report says: the whole sentences of the article the statement rests on, with their attribution, unhighlighted. A paragraph break is a newline. "" in a class set to statements only (ClassInfo.statementsOnly).',
      ),
    ),
  who: z.optional(
    z
      .object({ choices: z.array(WhoOption) })
      .check(
        about(
          'Only in attempts started with "who": true and in classes set to ask it (ClassInfo.who): three choices of who makes the claim (the same three in the same order every time for this statement), one of them right.',
        ),
      ),
  ),
});
export type QuizStatement = z.infer<typeof QuizStatement>;

/** GET /api/v1/quiz */
export const QuizStatements = z.object({
  packVersion,
  title: z.string(),
  total: count("How many statements the quiz has."),
  items: z.array(QuizStatement).check(about("Every statement in quiz order, without verdicts.")),
});
export type QuizStatements = z.infer<typeof QuizStatements>;

/** Which form of the reader's run an attempt plays. */
export const FormPlace = z.object({
  number: count("This form's number (1-based) in the reader's run (one statement of each group of twins)."),
  of: count(
    "How many forms the run has. While number < of, POST /api/v1/attempts with `after` plays the next form: statements not seen yet, and none on a passage already shown.",
  ),
});

/** POST /api/v1/attempts → 201 */
export const AttemptStarted = z.object({
  attemptId: z.string().check(about("The attempt's id: time-ordered, with 128 random bits.")),
  packVersion,
  token: attemptToken,
  expiresAt: isoTime("When this attempt's tokens expire"),
  total: count("How many statements this attempt (one form of the run) asks."),
  answered: count("How many are answered so far (0)."),
  form: FormPlace,
  who: z.optional(
    z
      .boolean()
      .check(
        about(
          'Whether this attempt asks "who says so?" with every statement. Absent for class attempts (ClassInfo.who says whether the class asks it).',
        ),
      ),
  ),
  estimate: z.optional(
    z
      .nullable(count("The reader's self-estimate"))
      .check(
        about(
          "The self-estimate sent with the start (how many the reader expects to get right), or null: skipped (POST /api/v1/attempts/estimate can still take it before the first answer). Absent for class attempts.",
        ),
      ),
  ),
  next: QuizStatement,
});
export type AttemptStarted = z.infer<typeof AttemptStarted>;

/** 200 from POST /api/v1/attempts/estimate */
export const EstimateResponse = z.object({
  estimate: count("The self-estimate that stands (a new one replaces it until the first answer)."),
  total: count("How many statements the attempt asks."),
  token: attemptToken,
});
export type EstimateResponse = z.infer<typeof EstimateResponse>;

/** What a reader sees after answering: the verdict, who claims it, the quote in its paragraph, how to check. */
export const ItemFeedback = z.object({
  itemId,
  statement: z.string(),
  answer: Judgement,
  verdict: Judgement,
  correct: z.boolean(),
  claimant: z.object({
    name: z.string().check(about("Who makes the claim.")),
    kind: z
      .enum(["party", "independent-expert", "reporters", "unattributed"])
      .check(about("What kind of source the claimant is.")),
  }),
  quote: z.string().check(about("The whole sentences of the article the verdict rests on.")),
  paragraph: z.object({
    text: z.string().check(about("The article paragraph holding the quote.")),
    quoteStart: count("Where the quote starts in text (UTF-16 code units)."),
    quoteEnd: count("Where the quote ends in text (exclusive)."),
  }),
  explanation: z.string(),
  check: z.string().check(about("The one move that would settle the claim.")),
  card: z.object({ slug, title: z.string(), url: z.string(), page: z.string() }),
  who: z.optional(
    z
      .object({
        picked: z.nullable(WhoOption).check(about("The choice that stands (the first answer's), or null: not said.")),
        right: WhoOption.check(about("Who makes the claim (or, for a verified statement, who said it).")),
        correct: z.nullable(z.boolean()).check(about("Whether the pick is right; null when none was said.")),
      })
      .check(about('"Who says so?", scored apart from the verdict; only in attempts that ask it.')),
  ),
});
export type ItemFeedback = z.infer<typeof ItemFeedback>;

/** A teacher-paced class's answer while its statement is open: recorded, the verdict held back. */
export const HeldFeedback = z.object({
  itemId,
  statement: z.string(),
  answer: Judgement,
  held: z
    .literal(true)
    .check(
      about(
        "Teacher-paced: the verdict comes once the teacher shows the answer (pace `shown`). Send the same answer again then (the first answer stands) to get the feedback.",
      ),
    ),
});
export type HeldFeedback = z.infer<typeof HeldFeedback>;

/** 200 from POST /api/v1/attempts/answer */
export const AnswerResponse = z.object({
  result: z.union([ItemFeedback, HeldFeedback]),
  confidence: z
    .nullable(Confidence)
    .check(about("The confidence that stands for this item (the first answer's), or null: not said.")),
  repeated: z
    .boolean()
    .check(about("True when this token had already answered the item: the first answer stands, nothing changed.")),
  token: attemptToken,
  answered: count("How many statements are answered now."),
  total: count("How many statements this attempt asks."),
  next: z
    .nullable(QuizStatement)
    .check(
      about(
        "The next unanswered statement, or null when all are answered. Teacher-paced: the open statement if unanswered, else the one the teacher opens next (answer it once GET /api/v1/classes/{code}/pace shows it open).",
      ),
    ),
});
export type AnswerResponse = z.infer<typeof AnswerResponse>;

/** 200 from POST /api/v1/attempts/finish: the stored result (the first finish of the attempt). */
export const AttemptResultBody = z.object({
  attemptId: z.string(),
  packVersion,
  startedAt: isoTime("When the attempt started"),
  finishedAt: isoTime("When the attempt was first finished"),
  total: count("How many statements the attempt asked."),
  answered: count("How many were answered: a reader who stops early is scored on these."),
  correct: count("Correct answers."),
  discernment: figure("Share of verified items judged verified minus share of unverified judged verified, −1..1."),
  hitRate: figure("H: verified items judged verified, with the log-linear correction."),
  falseAlarmRate: figure("F: unverified items judged verified, with the log-linear correction."),
  dPrime: figure("Sensitivity d′ = z(H) − z(F)."),
  c: figure("Bias c = −½ (z(H) + z(F)); positive means cautious, negative trusting."),
  lean: z.enum(["cautious", "trusting", "balanced"]),
  leanThreshold: figure("|c| at or above this is reported as a lean."),
  leanExplanation: z.object({
    headline: z.string(),
    counts: z
      .array(z.string())
      .check(about('The counts behind the lean, e.g. "You called 3 of 8 established facts unverified."')),
    tip: z.string(),
    tentative: z.boolean().check(about("True when there are too few answers for the lean to mean much.")),
  }),
  verifiedAnswered: count("Established facts answered."),
  unverifiedAnswered: count("Unproven claims answered."),
  common: z
    .object({
      answer: z.nullable(Judgement),
      correct: count("What it scores."),
    })
    .check(
      about(
        "What always giving the more common answer of the statements answered would score (answer null: both kinds equally common, either scores the same). A score at or below it tells nothing apart.",
      ),
    ),
  estimate: z.nullable(count("The self-estimate given at the start, or null: skipped (and for class attempts).")),
  estimateLine: z.nullable(
    z
      .string()
      .check(
        about('Expected against got in plain words, e.g. "You expected 8 and got 6: …"; null without an estimate.'),
      ),
  ),
  certaintyMarks: z.nullable(
    z
      .object({
        total: z
          .int()
          .check(
            about(
              "The marks: a right answer earns 3 (sure), 2 (fairly sure) or 1 (guessing or not said); a wrong one costs 6, 2 or 0.",
            ),
          ),
        best: count("The most possible: every answered statement right and sure."),
      })
      .check(about("Certainty-based marks (UCL's scheme), or null when no confidence was said.")),
  ),
  calibration: z
    .array(
      z.object({
        confidence: z.nullable(Confidence),
        answered: count("Answers given at this level."),
        right: count("How many of them were right."),
        line: z.string().check(about('"When you were sure you were right 4 times out of 6."')),
      }),
    )
    .check(
      about('One row per level used, most sure first, "not said" (null) last; empty when no confidence was said.'),
    ),
  brierScore: z.nullable(
    figure(
      "The Brier score of the stated certainty (sure 0.9, fairly 0.75, guessing and not said 0.5), 0 best; null when no confidence was said.",
    ),
  ),
  who: z.nullable(
    z
      .object({
        named: count("Statements answered whose pick was right."),
        asked: count('Statements answered (a "who says so?" left out counts as not named).'),
        line: z.string().check(about('"You named who says so 6 of 10 times."')),
      })
      .check(
        about('"Who says so?", scored apart from the verdicts and the marks; null when the attempt did not ask it.'),
      ),
  ),
  review: z
    .array(
      z.object({
        itemId,
        answer: z.nullable(Judgement),
        verdict: z.nullable(Judgement),
        correct: z.nullable(z.boolean()),
        confidence: z.optional(z.nullable(Confidence)),
        who: z.optional(
          z
            .object({
              picked: z.nullable(z.string()).check(about("The key picked, or null: not said.")),
              right: z
                .nullable(z.string())
                .check(about("The right choice's key; null where the verdict is held back (see review).")),
            })
            .check(about('Only in attempts that asked "who says so?".')),
        ),
      }),
    )
    .check(
      about(
        "Every statement of the attempt in order; answer is null where the reader stopped before it, and then verdict, correct and who.right are null too (a statement not answered is not given away: it may come in a later form or to a classmate). Teacher-paced: the same for a statement the teacher has not shown the answer to yet.",
      ),
    ),
  form: z.optional(FormPlace.check(about("The form played; absent for class attempts."))),
  token: attemptToken.check(
    about('The finished attempt\'s token: send it as { "after": token } to POST /api/v1/attempts for the next form.'),
  ),
  shareUrl: z.string().check(about("A page to share this score: the score only, no nickname, no answers.")),
});
export type AttemptResultBody = z.infer<typeof AttemptResultBody>;

const problemResponse = (description: string): ApiResponse => ({ description, schema: Problem });
const tokenProblems = {
  "401": problemResponse(
    "The token is malformed, tampered with, signed by another key, expired, or from an older quiz (field body.token). Start a new attempt.",
  ),
  "503": problemResponse(
    "The quiz is not configured (no signing secret), or storage is briefly unavailable. Retry later.",
  ),
};
const bodyProblems = {
  "400": problemResponse(
    "Malformed JSON, or a body that does not match the schema; `field` names the first field at fault.",
  ),
  "413": problemResponse("The body is larger than 16 KB."),
  "415": problemResponse("The body was not sent as application/json."),
};

export const quizRoutes = {
  getQuiz: {
    method: "get",
    path: "/api/v1/quiz",
    summary: "List the quiz statements (never their verdicts)",
    tags: ["Quiz"],
    responses: { "200": { description: "Every statement, in quiz order.", schema: QuizStatements } },
  },
  startAttempt: {
    method: "post",
    path: "/api/v1/attempts",
    summary: "Start an attempt: a signed token and the first statement",
    tags: ["Quiz"],
    requestBody: {
      description:
        'Empty or {} for a fresh start (the first form of a new run: 10 statements), or { "after": token } with a finished attempt\'s token for the next form of its run.',
      schema: StartAttemptRequest,
    },
    responses: {
      "201": { description: "The attempt's token and its first statement.", schema: AttemptStarted },
      ...bodyProblems,
      "401": problemResponse(
        "The `after` token is malformed, tampered with, expired, or from an older quiz (field body.after).",
      ),
      "409": problemResponse(
        "The `after` attempt is not finished yet (slug attempt-not-finished), or was its run's last form: every statement of the run has been played (slug pack-done); start a new run without `after`.",
      ),
      "429": {
        ...problemResponse("Too many attempts started from this client address in the last minute."),
        headers: { "Retry-After": "Seconds to wait." },
      },
      "503": tokenProblems["503"],
    },
  },
  estimateAttempt: {
    method: "post",
    path: "/api/v1/attempts/estimate",
    summary: "Give the self-estimate: how many of the attempt's statements you expect to get right",
    tags: ["Quiz"],
    requestBody: {
      description:
        "The current token and the estimate, before the first answer; public and class attempts alike (a class attempt's estimate goes to the class with its first answer, and its result shows expected against got).",
      schema: EstimateRequest,
    },
    responses: {
      "200": {
        description: "The estimate and the token that carries it: use it from now on.",
        schema: EstimateResponse,
      },
      ...bodyProblems,
      ...tokenProblems,
      "409": problemResponse(
        "A statement is answered already, or the attempt is finished (slug estimate-too-late): the estimate comes first.",
      ),
      "422": problemResponse("The estimate is more than the attempt's statements (slug estimate-out-of-range)."),
    },
  },
  answerItem: {
    method: "post",
    path: "/api/v1/attempts/answer",
    summary: "Answer one statement: its verdict, the evidence, and the next token",
    tags: ["Quiz"],
    requestBody: { description: "The current token, the item and the answer.", schema: AnswerRequest },
    responses: {
      "200": {
        description:
          "The result for this item and the token to use next. Answering an item this token already answered returns the first result and the same token.",
        schema: AnswerResponse,
      },
      ...bodyProblems,
      ...tokenProblems,
      "409": problemResponse("The attempt is already finished and takes no new answers."),
      "422": problemResponse(
        'The item is not part of this attempt (field body.itemId); a `who` for an attempt not started with "who": true or of a class not set to ask it (slug who-not-asked) or not one of the statement\'s choices (slug who-not-a-choice), field body.who. Nothing is recorded.',
      ),
      "429": {
        ...problemResponse(
          "A class attempt's requests to its class past their allowance: 120 a minute per attempt, 2,000 a minute from this client address. Nothing is recorded.",
        ),
        headers: { "Retry-After": "Seconds to wait." },
      },
      "503": problemResponse("The explanations could not be read just now; the same request works on retry."),
    },
  },
  finishAttempt: {
    method: "post",
    path: "/api/v1/attempts/finish",
    summary: "Finish an attempt (early or not): store it once and return the result",
    tags: ["Quiz"],
    requestBody: { description: "The current token.", schema: FinishRequest },
    responses: {
      "200": {
        description:
          "The stored result. Finishing again, with this or any other token of the attempt, returns the first stored result and writes nothing.",
        schema: AttemptResultBody,
      },
      ...bodyProblems,
      ...tokenProblems,
      "409": problemResponse("Nothing has been answered yet: answer at least one statement first."),
      "429": {
        ...problemResponse(
          "Too many finishes of this attempt (20 per 10 s), or from this client address (60 a minute for public attempts; for class attempts 2,000 a minute shared with their answers, and in a teacher-paced class the shown-answers read also counts against the attempt's 120 a minute).",
        ),
        headers: { "Retry-After": "Seconds to wait." },
      },
    },
  },
} satisfies RouteTable;
