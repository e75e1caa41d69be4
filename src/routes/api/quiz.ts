/**
 * @module The quiz as JSON under /api/v1: statements, start, answer, finish.
 *
 * The attempt token travels in the request body (no cookies). Verdicts appear
 * only in the answer to an item. Only finishing touches KV.
 */
import { type Context, Hono } from "hono";
import { pack } from "../../content/pack";
import { itemTexts, statementOf, textsOf } from "../../content/texts";
import type { FormRef } from "../../domain/forms";
import { answeredCount, isFinished, type QuizState, resultShown } from "../../domain/quiz";
import { shareUrlOf } from "../../domain/share";
import {
  assertMayPlay,
  beforeAfter,
  type CheckedState,
  type CheckPlan,
  checkPlanOf,
  hasChecks,
  passedOf,
  recordTake,
  withPassed,
} from "../../services/class-checks";
import { AppError } from "../../services/errors";
import { limitPlay } from "../../services/limits";
import {
  answerFeedback,
  answerStatement,
  askedTexts,
  estimated,
  finishAttempt,
  nextFormOf,
  nextStatement,
  type ResultView,
  resultView,
  shownNow,
  startAttempt,
} from "../../services/quiz";
import { expiresAt, openToken, sealToken, type TokenRefusal } from "../../services/quiz-token";
import { formPlace } from "../../services/result-view";
import { verdictOf } from "../../services/verdicts";
import { whoPlanFor } from "../../services/who-says";
import type { SecretEnv } from "../env";
import { clientAddress, noStore, publicOrigin, requireSecret } from "../middleware";
import { type CheckDue, type CheckRecorded, checkRoutes } from "./class-checks-schema";
import { routeTable } from "./route-table";
import {
  type AnswerResponse,
  type AttemptResultBody,
  type AttemptStarted,
  type EstimateResponse,
  type QuizStatements,
  quizRoutes,
} from "./schemas";

export const apiQuiz = new Hono<SecretEnv>();
const on = routeTable(apiQuiz, "/api/v1");

on(quizRoutes.getQuiz, async (c) => {
  // The statements are read once per isolate from a static file (not bundled).
  const texts = await itemTexts(c.env.ASSETS);
  const statements: QuizStatements = {
    packVersion: pack.version,
    title: pack.info.title,
    total: pack.items.length,
    // Listed by article line then id (pack.listed): the pack's own order may carry the verdicts.
    items: pack.listed.map((item, index) => ({
      id: item.id,
      position: index + 1,
      statement: statementOf(texts, item.id),
      context: textsOf(texts, item.id).context,
    })),
  };
  return c.json(statements, 200, { "Cache-Control": "public, max-age=300" });
});

// Attempts carry a personal token: never cached; without a secret they fail closed with a 503.
// "/attempts/*" matches "/attempts" itself too.
apiQuiz.use("/attempts/*", noStore(), requireSecret("quiz-unavailable", "The quiz is unavailable"));

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

/** The state in a body token, or a 401 naming why it was refused. */
async function stateOf(token: string, secret: string, field = "body.token"): Promise<QuizState> {
  const opened = await openToken(token, secret);
  if (opened.ok) return opened.state;
  throw new AppError(401, { ...TOKEN_PROBLEMS[opened.reason], field });
}

/** The form after a finished attempt's (for `after`), or a 409 saying why there is none. */
async function formAfter(token: string, secret: string): Promise<FormRef> {
  const earlier = await stateOf(token, secret, "body.after");
  if (!isFinished(earlier)) {
    throw new AppError(409, {
      slug: "attempt-not-finished",
      title: "That attempt is not finished",
      detail: "Finish the attempt (POST /api/v1/attempts/finish) before starting the next form after it.",
      field: "body.after",
    });
  }
  const form = nextFormOf(earlier);
  if (form) return form;
  throw new AppError(409, {
    slug: "pack-done",
    title: "Every statement has been played",
    detail: "That attempt played the last form of the pack. Start a new attempt without `after` to play again.",
    field: "body.after",
  });
}

on(quizRoutes.startAttempt, async (c) => {
  const body = c.req.valid("json");
  const form = body.after === undefined ? undefined : await formAfter(body.after, c.var.secret);
  const options = { estimate: body.estimate, who: body.who === true };
  const { state, token } = await startAttempt(c.env, clientAddress(c), c.var.secret, Date.now(), form, options);
  const next = await nextStatement(c.env, state);
  if (!next) throw new Error("A new attempt has no first item.");
  const started: AttemptStarted = {
    attemptId: state.id,
    packVersion: state.pack,
    who: state.who !== undefined,
    token,
    expiresAt: new Date(expiresAt(state) * 1000).toISOString(),
    total: state.items.length,
    answered: 0,
    form: formPlace(state.form ?? { index: 0, run: 2 }),
    estimate: state.estimate ?? null,
    next,
  };
  return c.json(started, 201);
});

on(quizRoutes.estimateAttempt, async (c) => {
  const body = c.req.valid("json");
  // Public and class attempts alike; a class's object gets it with the first answer.
  const state = estimated(await stateOf(body.token, c.var.secret), body.estimate);
  const response: EstimateResponse = {
    estimate: body.estimate,
    total: state.items.length,
    token: await sealToken(state, c.var.secret),
  };
  return c.json(response);
});

on(quizRoutes.answerItem, async (c) => {
  const body = c.req.valid("json");
  const state = await stateOf(body.token, c.var.secret);
  // A class answer may reach the class's object (a replayed token would each time).
  if (state.class) await limitPlay(c.env, clientAddress(c), state.id);
  const answered = await answerStatement(
    c.env,
    c.var.secret,
    state,
    body.itemId,
    body.answer,
    body.confidence ?? null,
    body.who ?? null,
  );
  const response: AnswerResponse = {
    // Teacher-paced: no verdict until the teacher shows the answer (answer again then to see it).
    result: await answerFeedback(c.env, body.itemId, answered),
    // The first answer's confidence stands, as its verdict does.
    confidence: answered.confidence,
    repeated: answered.repeated,
    // An item already answered changes nothing: the same token comes back.
    token: answered.token ?? body.token,
    answered: answeredCount(answered.state),
    total: answered.state.items.length,
    next: await nextStatement(c.env, answered.state, answered.pace),
  };
  return c.json(response);
});

/**
 * A review line without its answer: a statement the reader did not answer (it may come in their
 * next form, or to a classmate who finishes early to see the key) or one the teacher has not shown.
 */
function heldBack(line: ResultView["review"][number]): AttemptResultBody["review"][number] {
  return { ...line, verdict: null, correct: null, ...(line.who ? { who: { ...line.who, right: null } } : {}) };
}

on(quizRoutes.finishAttempt, async (c) => {
  const body = c.req.valid("json");
  const finished = await finishAttempt(c.env, clientAddress(c), await stateOf(body.token, c.var.secret));
  // Teacher-paced: a statement whose answer the teacher has not shown counts in no figure and
  // keeps its verdict back in the review (finish again after the last reveal for the whole result).
  const plan = await whoPlanFor(c.env, finished.result);
  // Teacher-paced: which answers were shown is one object request (a replayed finished token too).
  if (finished.state.class?.paced) await limitPlay(c.env, clientAddress(c), finished.state.id);
  const shown = await shownNow(c.env, finished.state);
  const full = resultView(finished.result, plan);
  const { bothKinds: _, ...result } = shown ? resultView(resultShown(finished.result, shown, verdictOf), plan) : full;
  const response: AttemptResultBody = {
    ...result,
    // The finished attempt's token: `after` in POST /api/v1/attempts plays the next form.
    token: await sealToken(finished.state, c.var.secret),
    review: full.review.map((line, i) => (line.answer !== null && (!shown || shown(i + 1)) ? line : heldBack(line))),
    shareUrl: shareUrlOf(publicOrigin(c) ?? "", result.correct, result.answered),
  };
  return c.json(response);
});

/** The token's class attempt with checks, or a 409 saying there are none. */
function checkedOf(state: QuizState): CheckedState {
  if (hasChecks(state)) return state;
  throw new AppError(409, {
    slug: "no-checks",
    title: "This attempt has no check-in",
    detail: "Only class attempts whose class has a check-in and check-out (ClassInfo.checks) have them.",
    field: "body.token",
  });
}

/** A class attempt's token and its check plan (one object request, after the limiter). */
async function planFor(c: Context<SecretEnv>, token: string): Promise<{ state: CheckedState; plan: CheckPlan }> {
  const state = checkedOf(await stateOf(token, c.var.secret));
  await limitPlay(c.env, clientAddress(c), state.id);
  return { state, plan: await checkPlanOf(c.env, state) };
}

on(checkRoutes.checkDue, async (c) => {
  const body = c.req.valid("json");
  const { state, plan } = await planFor(c, body.token);
  // The statements are the test: none to a student who may not take it now (as the pages do).
  assertMayPlay(plan);
  const next = withPassed(state, passedOf(plan, state));
  const texts = plan.next ? await itemTexts(c.env.ASSETS) : null;
  const token = next === state ? body.token : await sealToken(next, c.var.secret);
  const statements = (plan.next?.items ?? []).map((id) => ({ id, ...askedTexts(state, texts ?? new Map(), id) }));
  return c.json({ phase: plan.next?.phase ?? null, statements, passed: next.class.check, token } satisfies CheckDue);
});

on(checkRoutes.checkAnswers, async (c) => {
  const body = c.req.valid("json");
  const { state, plan } = await planFor(c, body.token);
  const total = plan.next?.phase === body.phase ? plan.next.items.length : null;
  if (total !== null && body.answers.length !== total) {
    throw new AppError(422, {
      slug: "check-answers-count",
      title: "One answer per statement",
      detail: `This part has ${total} statements: send ${total} answers, in their order. Nothing was recorded.`,
      field: "body.answers",
    });
  }
  const estimate = body.estimate ?? null;
  if (total !== null && estimate !== null && estimate > total) {
    throw new AppError(422, {
      slug: "check-estimate-out-of-range",
      title: "The estimate is more than the statements",
      detail: `The estimate is how many of the ${total} statements you expect to get right: 0 to ${total}.`,
      field: "body.estimate",
    });
  }
  const answers = body.answers.map((a) => (a === "verified" ? "v" : "u")).join("");
  const done = await recordTake(c.env, state, plan, body.phase, answers, estimate);
  const take = done.plan.takes[body.phase];
  const both = beforeAfter(done.plan);
  const recorded: CheckRecorded = {
    phase: body.phase,
    answers: [...(take?.answers ?? "")].map((ch) => (ch === "v" ? "verified" : "unverified")),
    estimate: take?.estimate ?? null,
    // No feedback until both are done: the check-in measures, and its figures would hint at its verdicts.
    before: both.after ? both.before : null,
    after: both.after,
    token: await sealToken(done.state, c.var.secret),
  };
  return c.json(recorded);
});
