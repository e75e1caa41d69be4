/**
 * @module The check-in and check-out as pages: GET /quiz/check shows the part to play now (six
 * statements, one form), POST /quiz/check records it and goes on — to the first statement after the
 * check-in, to the result after the check-out. The quiz pages send a class's student here while
 * their token says a part is due (`class.check`).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { itemTexts } from "../content/texts";
import type { CheckPhase } from "../domain/check-change";
import { isFinished, type QuizState } from "../domain/quiz";
import {
  type CheckedState,
  type CheckPlan,
  checkPlanOrNone,
  hasChecks,
  passedOf,
  playRefusal,
  recordTake,
  withoutChecks,
  withPassed,
} from "../services/class-checks";
import { AppError } from "../services/errors";
import { limitPlay } from "../services/limits";
import { askedTexts, reportShown } from "../services/quiz";
import { sealToken } from "../services/quiz-token";
import { QuizCheckPage } from "../views/quiz-check";
import { setQuizCookie } from "./cookies";
import type { SecretEnv } from "./env";
import { clientAddress, noStore, readForm, requireSecret } from "./middleware";
import { loadState } from "./quiz";

type CheckContext = Context<SecretEnv>;

export const quizCheck = new Hono<SecretEnv>();

quizCheck.use(noStore(), requireSecret("quiz-unavailable", "The quiz is unavailable"));

/** Keeps the cookie in step with the plan: the parts the student is past (everything, once finished and none left). */
async function synced(c: CheckContext, state: CheckedState, plan: CheckPlan): Promise<CheckedState> {
  const next = withPassed(state, passedOf(plan, state));
  if (next !== state) setQuizCookie(c, next, await sealToken(next, c.var.secret));
  return next;
}

/** Where a student goes when no part is due: their statements, or their result. */
const onwards = (state: QuizState) => (isFinished(state) ? "/quiz/result" : "/quiz/q");

/**
 * The student's plan; or, when the class has no check-in after all (turned off in the lobby, its
 * statements gone), the token without it and a redirect on, so the quiz pages stop sending them here.
 */
async function planOrOnwards(c: CheckContext, state: CheckedState): Promise<CheckPlan | Response> {
  const plan = await checkPlanOrNone(c.env, state);
  if (plan) return plan;
  const next = withoutChecks(state);
  setQuizCookie(c, next, await sealToken(next, c.var.secret));
  return c.redirect(onwards(next), 303);
}

/** The page of a plan whose part is due, or the redirect when none is (or the class waits). */
async function planPage(c: CheckContext, state: CheckedState, plan: CheckPlan, problem?: string, status = 200) {
  const now = await synced(c, state, plan);
  if (playRefusal(plan)) return c.redirect(`/c/${state.class.code}/joined`, 303);
  if (!plan.next) return c.redirect(onwards(now), 303);
  const texts = await itemTexts(c.env.ASSETS);
  const statements = plan.next.items.map((id) => ({ id, ...askedTexts(state, texts, id) }));
  return c.html(
    <QuizCheckPage
      phase={plan.next.phase}
      statements={statements}
      problem={problem}
      statementsOnly={!reportShown(state)}
    />,
    status as 200,
  );
}

quizCheck.get("/", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  if (!hasChecks(state)) return c.redirect("/quiz/q", 303);
  await limitPlay(c.env, clientAddress(c), state.id);
  const plan = await planOrOnwards(c, state);
  return plan instanceof Response ? plan : planPage(c, state, plan);
});

/** The answers a check form sent, or why not: one "v"/"u" per statement. */
function answersOf(form: Record<string, string>, total: number): string | { problem: string } {
  let answers = "";
  for (let i = 1; i <= total; i++) {
    const value = form[`q${i}`];
    if (value !== "verified" && value !== "unverified") {
      return { problem: `Please choose Verified or Unverified for statement ${i}.` };
    }
    answers += value === "verified" ? "v" : "u";
  }
  return answers;
}

/** The estimate a check form sent: null for none, a number 0..total, or undefined when it is not one. */
function estimateOf(raw: string | undefined, total: number): number | null | undefined {
  if (raw === undefined || raw === "") return null;
  const n = /^[0-9]{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= total ? n : undefined;
}

quizCheck.post("/", async (c) => {
  const state = await loadState(c);
  if (state instanceof Response) return state;
  const form = await readForm(c);
  const phase = form.phase;
  if (phase !== "in" && phase !== "out")
    throw badCheck("The form did not say whether it was the check-in or the check-out.");
  if (!hasChecks(state)) return c.redirect("/quiz/q", 303);
  await limitPlay(c.env, clientAddress(c), state.id);
  const plan = await planOrOnwards(c, state);
  if (plan instanceof Response) return plan;
  // A stale page (the part done in another tab, or other statements now): the page as it is now.
  if (plan.next?.phase !== phase || form.form !== plan.next.items.join(",")) return planPage(c, state, plan);
  const total = plan.next.items.length;
  const answers = answersOf(form, total);
  const estimate = estimateOf(form.estimate, total);
  if (typeof answers !== "string") return planPage(c, state, plan, answers.problem, 400);
  if (estimate === undefined) {
    return planPage(
      c,
      state,
      plan,
      `Please pick how many you expect to get right: a number from 0 to ${total}, or none.`,
      400,
    );
  }
  try {
    const done = await recordTake(c.env, state, plan, phase as CheckPhase, answers, estimate);
    setQuizCookie(c, done.state, await sealToken(done.state, c.var.secret));
    return c.redirect(phase === "in" ? "/quiz/q" : "/quiz/result", 303);
  } catch (error) {
    // The class is not running, the student waits or was removed: "You're in as …" says so.
    if (error instanceof AppError && error.status !== 400 && error.slug !== "check-not-now") {
      return c.redirect(`/c/${state.class.code}/joined`, 303);
    }
    if (error instanceof AppError && error.slug === "check-not-now") return c.redirect("/quiz/check", 303);
    throw error;
  }
});

const badCheck = (detail: string) => new AppError(400, { slug: "invalid-form", title: "That did not work", detail });
