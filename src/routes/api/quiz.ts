/**
 * @module The quiz as JSON under /api/v1: statements, start, answer, finish.
 *
 * The attempt token travels in the request body (no cookies). Verdicts appear
 * only in the answer to an item. Only finishing touches KV.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { pack } from "../../content/pack";
import { type AttemptResult, answeredCount, answerItem, nextItem, type QuizState, review } from "../../domain/quiz";
import { explainLean, LEAN_THRESHOLD } from "../../domain/scoring";
import { shareUrlOf } from "../../domain/share";
import { KvUnavailableError } from "../../store/kv-errors";
import type { AppEnv } from "../env";
import { problem } from "../problem";
import {
  expiresAt,
  finishAttempt,
  openToken,
  quizSecret,
  sealToken,
  startState,
  type TokenRefusal,
  verdictOf,
} from "../quiz-session";
import { AnswerRequest, FinishRequest, StartAttemptRequest } from "./requests";
import type {
  AnswerResponse,
  AttemptResultBody,
  AttemptStarted,
  ItemFeedback,
  QuizStatement,
  QuizStatements,
} from "./schemas";
import { readJson } from "./validate";

type QuizApiEnv = AppEnv & { Variables: { secret: string } };

export const apiQuiz = new Hono<QuizApiEnv>();

function statementAt(state: QuizState, position: number): QuizStatement | null {
  const id = state.items[position - 1];
  const item = id === undefined ? undefined : pack.itemById.get(id);
  return id && item ? { id, position, statement: item.statement } : null;
}

function nextStatement(state: QuizState): QuizStatement | null {
  const next = nextItem(state);
  return next ? statementAt(state, next.position) : null;
}

// Built once: the pack is fixed for the life of the Worker.
const statements: QuizStatements = {
  packVersion: pack.version,
  title: pack.info.title,
  total: pack.items.length,
  items: pack.items.map((item, index) => ({ id: item.id, position: index + 1, statement: item.statement })),
};

apiQuiz.get("/quiz", (c) => c.json(statements, 200, { "Cache-Control": "public, max-age=300" }));

// Attempts need the signing secret: without it they fail closed with 503, never an unsigned token.
const requireSecret: MiddlewareHandler<QuizApiEnv> = async (c, next) => {
  const secret = quizSecret(c.env);
  if (!secret) {
    console.error("QUIZ_SECRET is missing or too short; quiz attempts are unavailable.");
    return problem(503, "quiz-unavailable", "The quiz is unavailable", {
      detail: "The server is not configured to sign quiz tokens. Try again later.",
    });
  }
  c.set("secret", secret);
  await next();
  // Responses carry a personal token: never cache them.
  c.header("Cache-Control", "no-store");
};
// "/attempts/*" matches "/attempts" itself too.
apiQuiz.use("/attempts/*", requireSecret);

const TOKEN_PROBLEMS: Record<TokenRefusal, { slug: string; title: string; detail: string }> = {
  missing: { slug: "token-invalid", title: "No token", detail: "Send the token from your last response." },
  malformed: { slug: "token-invalid", title: "Invalid token", detail: "The token is not one this server issued." },
  "bad-signature": {
    slug: "token-invalid",
    title: "Invalid token",
    detail: "The token was changed or signed by another server. Start a new attempt.",
  },
  "not-a-quiz": { slug: "token-invalid", title: "Invalid token", detail: "This token is not a quiz attempt token." },
  expired: {
    slug: "token-expired",
    title: "Expired token",
    detail: "Attempts last 6 hours from their start. Start a new attempt.",
  },
  "pack-changed": {
    slug: "token-outdated",
    title: "Outdated token",
    detail: "The quiz has been updated since this attempt started. Start a new attempt.",
  },
};

async function openOr401(
  c: Context<QuizApiEnv>,
  token: string,
): Promise<{ ok: true; state: QuizState } | { ok: false; response: Response }> {
  const opened = await openToken(token, c.get("secret"));
  if (opened.ok) return opened;
  const p = TOKEN_PROBLEMS[opened.reason];
  return { ok: false, response: problem(401, p.slug, p.title, { detail: p.detail, field: "body.token" }) };
}

apiQuiz.post("/attempts", async (c) => {
  const body = await readJson(c, StartAttemptRequest);
  if (!body.ok) return body.response;
  if (pack.items.length === 0) {
    return problem(503, "quiz-unavailable", "The quiz is unavailable", { detail: "The quiz has no statements yet." });
  }
  const state = startState();
  const first = nextStatement(state);
  if (!first) throw new Error("A new attempt has no first item.");
  const started: AttemptStarted = {
    attemptId: state.id,
    packVersion: state.pack,
    token: await sealToken(state, c.get("secret")),
    expiresAt: new Date(expiresAt(state) * 1000).toISOString(),
    total: state.items.length,
    answered: 0,
    next: first,
  };
  return c.json(started, 201);
});

function feedbackOf(itemId: string, answer: ItemFeedback["answer"]): ItemFeedback {
  const item = pack.itemById.get(itemId);
  if (!item) throw new Error(`Unknown item ${itemId}`);
  const line = pack.lines.find((l) => l.index === item.location.line);
  const paragraph = line
    ? { text: line.text, quoteStart: item.location.start, quoteEnd: item.location.end }
    : { text: item.quote, quoteStart: 0, quoteEnd: item.quote.length };
  const card = pack.cardBySlug.get(item.lesson);
  return {
    itemId,
    statement: item.statement,
    answer,
    verdict: item.verdict,
    correct: answer === item.verdict,
    claimant: item.claimant,
    quote: item.quote,
    paragraph,
    explanation: item.explanation,
    check: item.check,
    card: {
      slug: item.lesson,
      title: card?.title ?? item.lesson,
      url: `/api/v1/cards/${item.lesson}`,
      page: `/cards/${item.lesson}`,
    },
  };
}

apiQuiz.post("/attempts/answer", async (c) => {
  const body = await readJson(c, AnswerRequest);
  if (!body.ok) return body.response;
  const opened = await openOr401(c, body.data.token);
  if (!opened.ok) return opened.response;
  const outcome = answerItem(opened.state, body.data.itemId, body.data.answer, verdictOf);
  if (!outcome.ok) {
    if (outcome.problem === "finished") {
      return problem(409, "attempt-finished", "This attempt is finished", {
        detail: "A finished attempt takes no new answers. Start a new attempt to play again.",
        field: "body.token",
      });
    }
    return problem(422, "item-not-in-attempt", "That item is not in this attempt", {
      detail: `This attempt has no item "${body.data.itemId}". GET /api/v1/quiz lists the statements.`,
      field: "body.itemId",
    });
  }
  const { state, result, repeated } = outcome;
  const response: AnswerResponse = {
    result: feedbackOf(result.itemId, result.answer),
    repeated,
    // An item already answered changes nothing: the same token comes back.
    token: repeated ? body.data.token : await sealToken(state, c.get("secret")),
    answered: answeredCount(state),
    total: state.items.length,
    next: nextStatement(state),
  };
  return c.json(response);
});

function resultBody(result: AttemptResult, origin: string): AttemptResultBody {
  const { score } = result;
  const lean = explainLean(score);
  const state: QuizState = {
    kind: "quiz",
    id: result.attemptId,
    pack: result.packVersion,
    items: result.items,
    answers: result.answers,
    startedAt: result.startedAt,
  };
  return {
    attemptId: result.attemptId,
    packVersion: result.packVersion,
    startedAt: new Date(result.startedAt).toISOString(),
    finishedAt: new Date(result.finishedAt).toISOString(),
    total: result.items.length,
    answered: score.answered,
    correct: score.correct,
    discernment: score.discernment,
    hitRate: score.hitRate,
    falseAlarmRate: score.falseAlarmRate,
    dPrime: score.dPrime,
    c: score.bias,
    lean: score.lean,
    leanThreshold: LEAN_THRESHOLD,
    leanExplanation: { headline: lean.headline, counts: lean.counts, tip: lean.tip, tentative: lean.tentative },
    review: review(state, verdictOf),
    shareUrl: shareUrlOf(origin, score.correct, score.answered),
  };
}

apiQuiz.post("/attempts/finish", async (c) => {
  const body = await readJson(c, FinishRequest);
  if (!body.ok) return body.response;
  const opened = await openOr401(c, body.data.token);
  if (!opened.ok) return opened.response;
  try {
    const outcome = await finishAttempt(c.env, opened.state);
    if (outcome.ok) return c.json(resultBody(outcome.result, new URL(c.req.url).origin));
    if (outcome.problem === "nothing-answered") {
      return problem(409, "nothing-answered", "Nothing answered yet", {
        detail: "Answer at least one statement before finishing.",
        field: "body.token",
      });
    }
    return problem(
      429,
      "rate-limited",
      "Too many tries",
      { detail: "This attempt was finished too often in a short time. Wait ten seconds and try again." },
      { "Retry-After": "10" },
    );
  } catch (error) {
    if (!(error instanceof KvUnavailableError)) throw error;
    console.error(error);
    return problem(
      503,
      "storage-unavailable",
      "Storage is unavailable",
      { detail: "The result could not be stored just now. Your token is still good: try again in a moment." },
      { "Retry-After": "5" },
    );
  }
});
