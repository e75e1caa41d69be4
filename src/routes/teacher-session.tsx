/**
 * @module teacher-session: a teacher's page finds its class by the browser's teacher cookie
 * (routes/class-dashboard.tsx, class-lobby.tsx, present.tsx), or gets the sign-in form.
 */
import type { Context, ErrorHandler } from "hono";
import { joinCodeOf, noSuchClass } from "../services/classes";
import { AppError } from "../services/errors";
import { quizSecret } from "../services/secrets";
import { asTeacher } from "../services/teacher-auth";
import { TeacherSignInPage } from "../views/class-dashboard-forms";
import { teacherCookie as cookieOf } from "./cookies";
import type { AppEnv, SecretEnv } from "./env";
import { clientAddress } from "./middleware";

/**
 * The class if this browser's teacher cookie opens it; otherwise (onError below) a 401
 * sign-in page that is the same whether or not the class exists (and, without this class's
 * signed cookie, costs no KV read).
 */
export function classOf<E extends AppEnv>(c: Context<E>) {
  const code = joinCodeOf(c.req.param("code"));
  if (!code) throw noSuchClass();
  return asTeacher(c.env, clientAddress(c), code, { cookie: cookieOf(c, code), secret: quizSecret(c.env) });
}

/** A teacher page opened without the class's cookie gets the sign-in form (the projector screen too). */
export const signInInstead: ErrorHandler<SecretEnv> = (error, c) => {
  const code = joinCodeOf(c.req.param("code"));
  if (!(error instanceof AppError) || error.slug !== "teacher-sign-in" || !code) throw error;
  return c.html(<TeacherSignInPage code={code} />, 401);
};
