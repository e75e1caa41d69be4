/**
 * @module The quiz as pages: real forms, Post/Redirect/Get, no JavaScript needed.
 *
 * GET /quiz → POST /quiz/start → GET /quiz/estimate → POST /quiz/estimate (or skip) → GET /quiz/q/:n → POST /quiz/answer →
 * GET /quiz/feedback/:itemId → … → POST /quiz/finish → GET /quiz/result.
 * State lives in the signed `__Host-quiz` cookie; only POST /quiz/finish writes KV. The feedback and
 * result pages of a public attempt read the reader statistics (one cached KV get a minute per isolate).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { pack } from "../content/pack";
import { itemTexts, textsOf } from "../content/texts";
import { CONFIDENCE_LEVELS, type Confidence } from "../domain/calibration";
import { studentCheckLines } from "../domain/check-change";
import { mayReveal, type Pace, paceDone, pacedPage } from "../domain/pace";
import {
  answeredCount,
  answerOf,
  isEstimate,
  isFinished,
  nextItem,
  type QuizState,
  resultOf,
  withEstimate,
} from "../domain/quiz";
import type { ClassPhase } from "../domain/room";
import { explainLean } from "../domain/scoring";
import { shareUrlOf } from "../domain/share";
import { beforeAfter, type CheckedState, checkPlanOrNone, hasChecks } from "../services/class-checks";
import { signalOf, statusWithSignal } from "../services/class-live";
import { AppError, KvUnavailableError } from "../services/errors";
import { limitPlay } from "../services/limits";
import {
  answerStatement,
  askedTexts,
  feedbackOf,
  finishAttempt,
  laterFormSizes,
  nextFormOf,
  publicFormSize,
  reportShown,
  resultView,
  runProgress,
  startAttempt,
  verdictOf,
} from "../services/quiz";
import { openToken, sealToken, type TokenRefusal } from "../services/quiz-token";
import { readStats, resultFigures, statementFigures } from "../services/stats";
import { whoPlanFor, whoPlanOf } from "../services/who-says";
import { QuizEstimatePage } from "../views/quiz-estimate";
import { QuizFeedbackPage } from "../views/quiz-feedback";
import { QuizProblemPage } from "../views/quiz-parts";
import { QuizQuestionPage } from "../views/quiz-question";
import { QuizResultPage } from "../views/quiz-result";
import { QuizStartPage } from "../views/quiz-start";
import { QuizWaitPage } from "../views/quiz-wait";
import { firstSentence } from "../views/words";
import { clearQuizCookie, quizCookie, setQuizCookie } from "./cookies";
import type { SecretEnv } from "./env";
import { clientAddress, noStore, publicOrigin, readForm, requireSecret } from "./middleware";

type QuizContext = Context<SecretEnv>;

export const quiz = new Hono<SecretEnv>();

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
/** The card on why the quiz asks how sure you are, linked from the result. */
const SURE_CARD = "how-sure";

// Quiz pages are one reader's own state: never cached, so Back re-asks the server.
quiz.use(noStore(), requireSecret("quiz-unavailable", "The quiz is unavailable"));

/** The state in the cookie, or a redirect to a fresh start (dropping a cookie that cannot be used). */
export async function loadState(c: QuizContext): Promise<QuizState | Response> {
  const opened = await openToken(quizCookie(c), c.var.secret);
  if (opened.ok) return opened.state;
  if (opened.reason !== "missing") clearQuizCookie(c);
  return c.redirect(`/quiz?notice=${NOTICE_FOR[opened.reason]}`, 303);
}

/**
 * A teacher-paced class's phase and pace: from the signal the phone's socket sent (`?pace=`), or
 * one object request (limited per attempt and per address); null for the public quiz and
 * student-paced classes.
 */
function statusFor(c: QuizContext, state: QuizState): Promise<{ phase: ClassPhase; pace: Pace }> | null {
  if (!state.class?.paced || isFinished(state)) return null;
  return statusWithSignal(c.env, state.class.code, c.req.query("pace"), () => spendPlay(c, state));
}

/** The check-in is due: the class has one, the token is not past it, and nothing is answered yet. */
function checkInDue(state: QuizState): boolean {
  return hasChecks(state) && state.class.check === 0 && answeredCount(state) === 0;
}

/** A student's before and after in words, for their result (one object request). */
async function ownChecks(c: QuizContext, state: CheckedState): Promise<string[] | null> {
  await spendPlay(c, state);
  const plan = await checkPlanOrNone(c.env, state);
  if (!plan) return null;
  const { before, after } = beforeAfter(plan);
  return studentCheckLines(before, after);
}

/** A class attempt's request that reaches its class's object: limited per attempt and per address. */
function spendPlay(c: QuizContext, state: QuizState): Promise<void> {
  return limitPlay(c.env, clientAddress(c), state.id);
}

/**
 * `path` with a signal of where the class is (the phone's own, `?pace=`, passed on; or one just
 * signed), so the page it leads to needs no object request either.
 */
function withSignal(path: string, signal: string | null | undefined): string {
  return signal ? `${path}?pace=${encodeURIComponent(signal)}` : path;
}

quiz.get("/", async (c) => {
  const notice = NOTICES[c.req.query("notice") as keyof typeof NOTICES];
  const opened = await openToken(quizCookie(c), c.var.secret);
  const inProgress = opened.ok
    ? {
        answered: answeredCount(opened.state),
        total: opened.state.items.length,
        finished: isFinished(opened.state),
        inClass: opened.state.class !== undefined,
      }
    : undefined;
  return c.html(
    <QuizStartPage total={publicFormSize} later={laterFormSizes} notice={notice} inProgress={inProgress} />,
  );
});

quiz.post("/start", async (c) => {
  // "Also ask who says so" ticked; anything else leaves it off.
  const who = (await readForm(c)).who === "1";
  const { state, token } = await startAttempt(c.env, clientAddress(c), c.var.secret, Date.now(), undefined, { who });
  setQuizCookie(c, state, token);
  return c.redirect("/quiz/estimate", 303);
});

/** Before the first statement: "How many of these 10 do you think you will get right?" (skippable). */
quiz.get("/estimate", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  // Asked once, before any answer. A class goes on to where the class is (its lobby, or the open statement).
  if (isFinished(state) || answeredCount(state) > 0) return c.redirect("/quiz/q", 303);
  return c.html(
    <QuizEstimatePage
      total={state.items.length}
      skipHref={state.class ? "/quiz/q" : "/quiz/q/1"}
      checkInNext={checkInDue(state)}
    />,
  );
});

quiz.post("/estimate", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const { estimate, from } = await readForm(c);
  const n = estimate !== undefined && /^[0-9]{1,3}$/.test(estimate) ? Number(estimate) : Number.NaN;
  if (!isEstimate(n, state.items.length)) {
    throw badForm(`Please pick how many you expect to get right: a number from 0 to ${state.items.length}.`);
  }
  // Too late (a statement answered): the quiz goes on without it.
  const next = withEstimate(state, n);
  if (next) setQuizCookie(c, next, await sealToken(next, c.var.secret));
  // A class: the object gets it with the first answer. From "You're in" (waiting for the teacher), back there.
  if (state.class) return c.redirect(from === "joined" ? `/c/${state.class.code}/joined` : "/quiz/q", 303);
  return c.redirect(next ? "/quiz/q/1" : "/quiz/q", 303);
});

/** "10 more": after a finished public form, the next form of its cut (statements not seen yet). */
quiz.post("/more", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  if (!isFinished(state)) return c.redirect("/quiz/q", 303);
  const form = nextFormOf(state);
  // The whole pack seen (or a class attempt): the result page says so and offers a new start.
  if (!form) return c.redirect("/quiz/result", 303);
  // "Who says so?" carries over to the next form.
  const who = state.who !== undefined;
  const next = await startAttempt(c.env, clientAddress(c), c.var.secret, Date.now(), form, { who });
  setQuizCookie(c, next.state, next.token);
  return c.redirect("/quiz/estimate", 303);
});

/** The next unanswered statement; the result once finished. */
quiz.get("/q", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  // A phone's signal goes on with it: a teacher-paced result page then asks the object nothing.
  if (isFinished(state)) return c.redirect(withSignal("/quiz/result", c.req.query("pace")), 303);
  if (checkInDue(state)) return c.redirect("/quiz/check", 303);
  const status = await statusFor(c, state);
  if (status && state.class) {
    // Teacher-paced: the open statement, its answer once shown, or a page that waits for the teacher.
    const answered = (p: number) => answerOf(state, state.items[p - 1] ?? "") !== null;
    const page = pacedPage(status.pace, answered, state.items, false);
    // Before the first statement the class link's page is the lobby ("You're in as …"), and after
    // the teacher ended the class it offers the result.
    const lobby = page.show === "wait" && page.why === "not-started";
    if (lobby || status.phase === "ended") return c.redirect(`/c/${state.class.code}/joined`, 303);
    if (page.show === "question") return c.redirect(`/quiz/q/${page.position}`, 303);
    if (page.show === "feedback")
      return c.redirect(withSignal(`/quiz/feedback/${page.itemId}`, c.req.query("pace")), 303);
    if (page.show === "wait") {
      const wait = { why: page.why, status, total: state.items.length, code: state.class.code };
      return c.html(<QuizWaitPage {...wait} answered={answeredCount(state)} rejoin={state.class.back} />);
    }
  }
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
  if (checkInDue(state)) return c.redirect("/quiz/check", 303);
  // Teacher-paced: no pace check here (statements are public; the object takes answers to the open one only).
  const texts = await itemTexts(c.env.ASSETS);
  const { statement, context } = askedTexts(state, texts, itemId);
  const who = state.who === undefined ? undefined : (await whoPlanOf(c.env)).get(itemId)?.choices;
  return c.html(
    <QuizQuestionPage
      itemId={itemId}
      statement={statement}
      context={context}
      statementsOnly={!reportShown(state)}
      position={position}
      total={state.items.length}
      answered={answeredCount(state)}
      ruleHref={pack.cardBySlug.has(RULE_CARD) ? `/cards/${RULE_CARD}` : "/cards"}
      askSure
      who={who}
      followCode={state.class?.paced ? state.class.code : undefined}
      rejoin={state.class?.back}
    />,
  );
});

/** A confidence a form sent, or undefined when it is not one of the levels. */
function confidenceFromForm(value: string): Confidence | undefined {
  return CONFIDENCE_LEVELS.find((level) => level === value);
}

const badForm = (detail: string) => new AppError(400, { slug: "invalid-form", title: "That did not work", detail });

/** An answer's refusals that send a class's student back to "You're in as …". */
const BACK_TO_JOINED = new Set(["class-not-started", "class-ended", "not-admitted", "class-settings-changed"]);

quiz.post("/answer", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const { item, answer, confidence, who } = await readForm(c);
  if (answer !== "verified" && answer !== "unverified") throw badForm("Please choose Verified or Unverified.");
  if (!item) throw badForm("The form was missing the statement it answers.");
  // Not picked: "not said". Anything else is not ours.
  const sure = confidence === undefined || confidence === "" ? null : confidenceFromForm(confidence);
  if (sure === undefined)
    throw badForm("“How sure are you?” takes Sure, Fairly sure or Guessing. Please go back and pick one, or none.");
  if (isFinished(state) && answerOf(state, item) === null) return c.redirect("/quiz/result", 303);
  if (!state.items.includes(item)) throw badForm("That statement is not part of your quiz.");
  // Not picked: "not said". A pick this quiz did not ask, or not among the statement's choices, is not ours.
  const whoKey = who === undefined || who === "" ? null : who;
  if (whoKey !== null) {
    const choices = state.who === undefined ? undefined : (await whoPlanOf(c.env)).get(item);
    if (!choices?.choices.some((voice) => voice.key === whoKey)) {
      throw badForm("“Who says so?” takes one of the three names shown. Please go back and pick one, or none.");
    }
  }
  let answered: Awaited<ReturnType<typeof answerStatement>>;
  // A class answer may reach the class's object (a replayed token would each time).
  if (state.class) await spendPlay(c, state);
  try {
    answered = await answerStatement(c.env, c.var.secret, state, item, answer, sure, whoKey);
  } catch (error) {
    // Teacher-paced: the teacher closed this statement meanwhile; go where the class is.
    if (error instanceof AppError && error.slug === "statement-closed") return c.redirect("/quiz/q", 303);
    // The class is still in its lobby (back to "You're in", which waits for the teacher's Start),
    // the teacher has not admitted the student or changed the settings (it waits, or seats them
    // anew), or the teacher ended it ("You're in" then offers the result).
    if (error instanceof AppError && BACK_TO_JOINED.has(error.slug) && state.class) {
      return c.redirect(`/c/${state.class.code}/joined`, 303);
    }
    throw error;
  }
  // An older cookie in a class gets the recorded answer back, and a cookie that carries it.
  if (answered.token) setQuizCookie(c, answered.state, answered.token);
  // Teacher-paced: wait for the close (the verdict comes then); the object said where the class
  // is, so the waiting page needs no second request.
  if (state.class?.paced) {
    const signal = answered.pace
      ? await signalOf(c.env, state.class.code, { phase: "running", pace: answered.pace })
      : null;
    return c.redirect(withSignal("/quiz/q", signal), 303);
  }
  return c.redirect(`/quiz/feedback/${item}${answered.repeated ? "?again=1" : ""}`, 303);
});

quiz.get("/feedback/:itemId", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const itemId = c.req.param("itemId");
  const index = state.items.indexOf(itemId);
  if (index === -1 || !pack.itemById.has(itemId)) return c.notFound();
  const answer = answerOf(state, itemId);
  if (answer === null) return c.redirect(`/quiz/q/${index + 1}`, 303);
  const status = await statusFor(c, state);
  const pace = status?.pace ?? null;
  // Teacher-paced: the verdict waits until the teacher shows the answer (nobody calls it out early).
  if (pace && !mayReveal(pace, index + 1)) return c.redirect("/quiz/q", 303);
  const next = nextItem(state);
  const nextHref = pace
    ? paceDone(pace, state.items.length)
      ? null
      : withSignal("/quiz/q", c.req.query("pace"))
    : next
      ? `/quiz/q/${next.position}`
      : null;
  const feedback = await feedbackOf(c.env, itemId, answer, state);
  const { text, quoteStart, quoteEnd } = feedback.paragraph;
  // Public attempts only: a class plays a subset its teacher chose, in a shuffled order, and the
  // figures count public attempts alone, so a student would be compared with a different quiz.
  const readers = state.class ? undefined : statementFigures(await readStats(c.env), itemId);
  return c.html(
    <QuizFeedbackPage
      {...feedback}
      readers={readers}
      paragraph={{
        before: text.slice(0, quoteStart),
        quote: text.slice(quoteStart, quoteEnd),
        after: text.slice(quoteEnd),
      }}
      position={index + 1}
      total={state.items.length}
      answered={answeredCount(state)}
      repeated={c.req.query("again") === "1"}
      nextHref={nextHref}
      finished={isFinished(state)}
      // Teacher-paced with statements to come: the phone follows the class to the next one.
      follow={status && state.class && nextHref ? { code: state.class.code, status } : undefined}
      rejoin={state.class?.back}
    />,
  );
});

const RETRY = { action: "/quiz/finish", label: "Try again" };

quiz.post("/finish", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  try {
    const finished = await finishAttempt(c.env, clientAddress(c), state);
    setQuizCookie(c, finished.state, await sealToken(finished.state, c.var.secret));
    // Teacher-paced: the object said where the class was as it finished; signed, the result page
    // takes it from the address instead of asking the object again.
    const code = state.class?.paced ? state.class.code : null;
    const signal = code && finished.status ? await signalOf(c.env, code, finished.status) : null;
    return c.redirect(withSignal("/quiz/result", signal), 303);
  } catch (error) {
    // These pages keep a retry button: the reader's answers are safe in their cookie.
    if (error instanceof AppError && error.slug === "nothing-answered") return c.redirect("/quiz/q", 303);
    if (error instanceof AppError && error.status === 429) {
      // The limiter's words say which limit it was and how long to wait (ten seconds, or a minute).
      const message = `${error.detail ?? error.title} Your answers are safe on this device.`;
      const page = <QuizProblemPage title="Please wait a moment" message={message} retry={RETRY} />;
      return c.html(page, 429, error.headers);
    }
    if (!(error instanceof KvUnavailableError)) throw error;
    console.error(error);
    const message =
      "Our storage did not answer just now. Your answers are safe on this device: please try again in a moment.";
    const page = <QuizProblemPage title="We could not save your result" message={message} retry={RETRY} />;
    return c.html(page, 503, { "Retry-After": "5" });
  }
});

quiz.get("/result", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  if (!isFinished(state)) return c.redirect("/quiz/q", 303);
  // The check-out comes before the result (its page sends the student on when none is due).
  if (hasChecks(state) && state.class.check < 2) return c.redirect("/quiz/check", 303);
  const checkLines = hasChecks(state) ? await ownChecks(c, state) : null;
  if (state.class?.paced) {
    // Teacher-paced, finished early: the result (every verdict) waits until the class has seen every answer.
    const status = await statusWithSignal(c.env, state.class.code, c.req.query("pace"), () => spendPlay(c, state));
    if (!paceDone(status.pace, state.items.length) && status.pace.step > 0 && status.phase !== "ended") {
      const wait = { why: "held", status, total: state.items.length, code: state.class.code } as const;
      return c.html(<QuizWaitPage {...wait} answered={answeredCount(state)} rejoin={state.class.back} />);
    }
  }
  // A finished token was signed only after its result was stored, so the page reads no attempt from KV.
  const result = resultOf(state, verdictOf);
  const view = resultView(result, await whoPlanFor(c.env, result));
  // The comparison is with public readers only (as on the feedback page); the share link carries
  // the score alone (no nickname, no answers), so class students get it too.
  const readers = state.class ? undefined : resultFigures(await readStats(c.env), view.correct, view.answered);
  const allTexts = await itemTexts(c.env.ASSETS);
  return c.html(
    <QuizResultPage
      {...view}
      readers={readers}
      shareHref={shareUrlOf(publicOrigin(c) ?? "", view.correct, view.answered)}
      bias={view.c}
      whoLine={view.who?.line ?? null}
      checkLines={checkLines}
      lean={explainLean(result.score)}
      classLink={state.class ? `/c/${state.class.code}/joined` : undefined}
      rejoin={state.class?.back}
      more={runProgress(state)}
      sureCardHref={pack.cardBySlug.has(SURE_CARD) ? `/cards/${SURE_CARD}` : undefined}
      misses={view.review.flatMap((line, index) => {
        if (line.correct !== false || line.answer === null) return [];
        const item = pack.itemById.get(line.itemId);
        const card = item ? pack.cardBySlug.get(item.lesson) : undefined;
        const texts = textsOf(allTexts, line.itemId);
        return [
          {
            itemId: line.itemId,
            position: index + 1,
            statement: texts.statement,
            answer: line.answer,
            verdict: line.verdict,
            why: firstSentence(texts.explanation),
            card: card ? { slug: card.slug, title: card.title } : { slug: "", title: "All cards" },
          },
        ];
      })}
    />,
  );
});
