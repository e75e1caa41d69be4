/**
 * @module The quiz as pages: real forms, Post/Redirect/Get, no JavaScript needed.
 *
 * GET /quiz → POST /quiz/start → GET /quiz/q/:n → POST /quiz/answer →
 * GET /quiz/feedback/:itemId → … → POST /quiz/finish → GET /quiz/result.
 * State lives in the signed `__Host-quiz` cookie; only POST /quiz/finish touches KV.
 */
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { pack } from "../content/pack";
import {
  answeredCount,
  answerItem,
  answerOf,
  isFinished,
  nextItem,
  type QuizState,
  resultOf,
  review,
} from "../domain/quiz";
import { explainLean, LEAN_THRESHOLD } from "../domain/scoring";
import { KvUnavailableError } from "../store/kv-errors";
import { ErrorPage } from "../views/error-page";
import { QuizFeedbackPage } from "../views/quiz-feedback";
import { QuizProblemPage } from "../views/quiz-parts";
import { QuizQuestionPage } from "../views/quiz-question";
import { QuizResultPage } from "../views/quiz-result";
import { QuizStartPage } from "../views/quiz-start";
import type { AppEnv } from "./env";
import {
  COOKIE_NAME,
  expiresAt,
  finishAttempt,
  openToken,
  quizSecret,
  sealToken,
  startState,
  type TokenRefusal,
  verdictOf,
} from "./quiz-session";

type QuizEnv = AppEnv & { Variables: { secret: string } };
type QuizContext = Context<QuizEnv>;

export const quiz = new Hono<QuizEnv>();

/** Why the reader landed back on the start page; only these fixed texts are ever shown. */
export const NOTICES = {
  start: "Press “Start the quiz” to begin.",
  expired: "Your quiz had expired (a quiz lasts 6 hours from its start), so here is a fresh start.",
  invalid: "We could not read the quiz saved on this device, so here is a fresh start.",
  updated: "The quiz has been updated since you started, so here is a fresh start.",
} as const;

const NOTICE_FOR: Record<TokenRefusal, keyof typeof NOTICES> = {
  missing: "start",
  expired: "expired",
  "pack-changed": "updated",
  malformed: "invalid",
  "bad-signature": "invalid",
  "not-a-quiz": "invalid",
};

const RULE_CARD = "how-we-decide";

// Quiz pages are one reader's own state: never cached, so Back re-asks the server.
// Without a signing secret the quiz fails closed with a clear page, never a 500.
quiz.use(async (c, next) => {
  const secret = quizSecret(c.env);
  if (!secret) {
    console.error("QUIZ_SECRET is missing or too short; the quiz is unavailable.");
    c.header("Cache-Control", "no-store");
    return c.html(
      <QuizProblemPage
        title="The quiz is unavailable"
        message="The quiz cannot run right now because the site is not set up completely. Please try again later; the cards still work."
      />,
      503,
    );
  }
  c.set("secret", secret);
  await next();
  c.header("Cache-Control", "no-store");
});

async function saveCookie(c: QuizContext, state: QuizState): Promise<void> {
  const maxAge = Math.max(0, expiresAt(state) - Math.floor(Date.now() / 1000));
  setCookie(c, COOKIE_NAME, await sealToken(state, c.get("secret")), {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge,
  });
}

/** Back to the start page with a notice, dropping a cookie that cannot be used. */
function restart(c: QuizContext, reason: TokenRefusal): Response {
  if (reason !== "missing") deleteCookie(c, COOKIE_NAME, { prefix: "host", path: "/", secure: true });
  return c.redirect(`/quiz?notice=${NOTICE_FOR[reason]}`, 303);
}

/** The state in the cookie, or a redirect to a fresh start. */
async function loadState(c: QuizContext): Promise<QuizState | Response> {
  const opened = await openToken(getCookie(c, COOKIE_NAME, "host"), c.get("secret"));
  return opened.ok ? opened.state : restart(c, opened.reason);
}

function badRequest(c: QuizContext, message: string) {
  return c.html(<ErrorPage title="That did not work" message={message} />, 400);
}

quiz.get("/", async (c) => {
  const notice = NOTICES[c.req.query("notice") as keyof typeof NOTICES];
  const opened = await openToken(getCookie(c, COOKIE_NAME, "host"), c.get("secret"));
  const inProgress = opened.ok
    ? { answered: answeredCount(opened.state), total: opened.state.items.length, finished: isFinished(opened.state) }
    : undefined;
  return c.html(<QuizStartPage total={pack.items.length} notice={notice} inProgress={inProgress} />);
});

quiz.post("/start", async (c) => {
  if (pack.items.length === 0) {
    return c.html(<ErrorPage title="No quiz yet" message="There are no statements in the quiz yet." />, 503);
  }
  await saveCookie(c, startState());
  return c.redirect("/quiz/q/1", 303);
});

/** The next unanswered statement; the result once finished. */
quiz.get("/q", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  if (isFinished(state)) return c.redirect("/quiz/result", 303);
  const next = nextItem(state);
  if (next) return c.redirect(`/quiz/q/${next.position}`, 303);
  // Everything answered but not finished: the last feedback page offers "See my result".
  return c.redirect(`/quiz/feedback/${state.items[state.items.length - 1]}`, 303);
});

quiz.get("/q/:n{[0-9]{1,3}}", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const position = Number(c.req.param("n"));
  const itemId = state.items[position - 1];
  const item = itemId === undefined ? undefined : pack.itemById.get(itemId);
  if (!itemId || !item) return c.notFound();
  // An answered statement (e.g. reached with Back) shows its feedback: answers cannot change.
  if (answerOf(state, itemId) !== null) return c.redirect(`/quiz/feedback/${itemId}`, 303);
  if (isFinished(state)) return c.redirect("/quiz/result", 303);
  return c.html(
    <QuizQuestionPage
      itemId={itemId}
      statement={item.statement}
      position={position}
      total={state.items.length}
      answered={answeredCount(state)}
      ruleHref={pack.cardBySlug.has(RULE_CARD) ? `/cards/${RULE_CARD}` : "/cards"}
    />,
  );
});

quiz.post("/answer", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const form = await c.req.parseBody();
  const itemId = form.item;
  const answer = form.answer;
  if (answer !== "verified" && answer !== "unverified") {
    return badRequest(c, "Please choose Verified or Unverified.");
  }
  if (typeof itemId !== "string") return badRequest(c, "The form was missing the statement it answers.");
  const outcome = answerItem(state, itemId, answer, verdictOf);
  if (!outcome.ok) {
    if (outcome.problem === "finished") return c.redirect("/quiz/result", 303);
    return badRequest(c, "That statement is not part of your quiz.");
  }
  if (outcome.repeated) return c.redirect(`/quiz/feedback/${itemId}?again=1`, 303);
  await saveCookie(c, outcome.state);
  return c.redirect(`/quiz/feedback/${itemId}`, 303);
});

quiz.get("/feedback/:itemId", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const itemId = c.req.param("itemId");
  const index = state.items.indexOf(itemId);
  const item = pack.itemById.get(itemId);
  if (index === -1 || !item) return c.notFound();
  const answer = answerOf(state, itemId);
  if (answer === null) return c.redirect(`/quiz/q/${index + 1}`, 303);
  const line = pack.lines.find((l) => l.index === item.location.line)?.text ?? item.quote;
  const { start, end } = item.location;
  const card = pack.cardBySlug.get(item.lesson);
  const next = nextItem(state);
  return c.html(
    <QuizFeedbackPage
      itemId={itemId}
      statement={item.statement}
      answer={answer}
      verdict={item.verdict}
      correct={answer === item.verdict}
      claimant={item.claimant}
      paragraph={
        line === item.quote
          ? { before: "", quote: item.quote, after: "" }
          : { before: line.slice(0, start), quote: line.slice(start, end), after: line.slice(end) }
      }
      explanation={item.explanation}
      check={item.check}
      card={{ slug: item.lesson, title: card?.title ?? "The card for this statement" }}
      position={index + 1}
      total={state.items.length}
      answered={answeredCount(state)}
      repeated={c.req.query("again") === "1"}
      nextHref={next ? `/quiz/q/${next.position}` : null}
      finished={isFinished(state)}
    />,
  );
});

quiz.post("/finish", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const retry = { action: "/quiz/finish", label: "Try again" };
  try {
    const outcome = await finishAttempt(c.env, state);
    if (!outcome.ok) {
      if (outcome.problem === "nothing-answered") return c.redirect("/quiz/q", 303);
      return c.html(
        <QuizProblemPage
          title="Please wait a moment"
          message="That was a lot of tries in a short time. Your answers are safe on this device: wait ten seconds and try again."
          retry={retry}
        />,
        429,
        { "Retry-After": "10" },
      );
    }
    await saveCookie(c, outcome.state);
    return c.redirect("/quiz/result", 303);
  } catch (error) {
    if (!(error instanceof KvUnavailableError)) throw error;
    console.error(error);
    return c.html(
      <QuizProblemPage
        title="We could not save your result"
        message="Our storage did not answer just now. Your answers are safe on this device: please try again in a moment."
        retry={retry}
      />,
      503,
      { "Retry-After": "5" },
    );
  }
});

quiz.get("/result", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  if (!isFinished(state)) return c.redirect("/quiz/q", 303);
  // A finished token was signed only after its result was stored, so the page needs no KV read.
  const result = resultOf(state, verdictOf);
  const { score } = result;
  return c.html(
    <QuizResultPage
      total={state.items.length}
      answered={score.answered}
      correct={score.correct}
      discernment={score.discernment}
      bothKinds={score.verifiedAnswered > 0 && score.unverifiedAnswered > 0}
      hitRate={score.hitRate}
      falseAlarmRate={score.falseAlarmRate}
      dPrime={score.dPrime}
      bias={score.bias}
      leanThreshold={LEAN_THRESHOLD}
      lean={explainLean(score)}
      classLink={state.class ? `/c/${state.class.code}/joined` : undefined}
      review={review(state, verdictOf).map((line, index) => {
        const item = pack.itemById.get(line.itemId);
        const card = item ? pack.cardBySlug.get(item.lesson) : undefined;
        return {
          ...line,
          position: index + 1,
          statement: item?.statement ?? line.itemId,
          card: card ? { slug: card.slug, title: card.title } : { slug: "", title: "All cards" },
        };
      })}
    />,
  );
});
