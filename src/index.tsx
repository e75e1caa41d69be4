/** @module The Claim Check app: middleware, routes and the one place errors become responses. */

import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { apiCards } from "./routes/api/cards";
import { apiClasses } from "./routes/api/classes";
import { apiQuiz } from "./routes/api/quiz";
import { apiStats } from "./routes/api/stats";
import { board } from "./routes/board";
import { classDashboard } from "./routes/class-dashboard";
import { classSetup } from "./routes/class-setup";
import type { AppEnv } from "./routes/env";
import { onError, renderError } from "./routes/errors";
import { join } from "./routes/join";
import { allowedMethods } from "./routes/method-not-allowed";
import { pages } from "./routes/pages";
import { present } from "./routes/present";
import { wantsJson } from "./routes/problem";
import { quiz } from "./routes/quiz";
import { quizCheck } from "./routes/quiz-check";
import { securityHeaders } from "./routes/security-headers";
import { share } from "./routes/share";
import { scheduled } from "./scheduled";
import { AppError } from "./services/errors";

/**
 * Request bodies are small forms and JSON answers; anything bigger is refused before parsing.
 * Not exported: workerd treats every named export of the main module as an entry point.
 */
const MAX_BODY_BYTES = 16 * 1024;

const app = new Hono<AppEnv>();

app.use(securityHeaders);
// Origin / Sec-Fetch-Site checks for the cookie-authenticated form routes only. The JSON API
// authenticates with tokens in the body and Bearer keys (never cookies), so a cross-site page
// gains nothing there, and bodyless API calls (POST /api/v1/attempts, DELETE with a Bearer key) work.
const formCsrf = csrf();
app.use((c, next) => (c.req.path.startsWith("/api/") ? next() : formCsrf(c, next)));
app.use(
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      renderError(
        c,
        new AppError(413, {
          slug: "body-too-large",
          title: "That was too much text",
          detail: `Please send less: the limit is ${MAX_BODY_BYTES} bytes.`,
        }),
      ),
  }),
);

app.route("/", pages);
app.route("/api/v1/cards", apiCards);
app.route("/quiz/check", quizCheck);
app.route("/quiz", quiz);
app.route("/", classSetup);
app.route("/", join);
app.route("/", board);
app.route("/", classDashboard);
app.route("/", present);
app.route("/api/v1/classes", apiClasses);
app.route("/api/v1", apiQuiz);
app.route("/api/v1/stats", apiStats);
app.route("/share", share);

// No route for this method: a 405 with Allow when the address takes other methods, else a 404.
// Like any unmatched request, a wrong method has passed the middleware above first: on a page
// address csrf() refuses a form-like (or bodyless) unsafe request first (403); the API, which csrf()
// skips, gives a bodyless DELETE its 405.
let allowedAt: ((path: string) => string[]) | undefined;
app.notFound((c) => {
  allowedAt ??= allowedMethods(app.routes);
  const methods = allowedAt(c.req.path);
  if (methods.length > 0 && !methods.includes(c.req.method)) {
    const allow = methods.join(", ");
    return renderError(
      c,
      new AppError(405, {
        slug: "method-not-allowed",
        title: "Method not allowed",
        detail: `This address only accepts ${allow}.`,
        headers: { allow },
      }),
    );
  }
  return renderError(
    c,
    new AppError(404, {
      slug: "not-found",
      title: wantsJson(c) ? "Not found" : "Page not found",
      detail: wantsJson(c)
        ? `There is nothing at ${c.req.path}.`
        : "We could not find that page. It may have moved, or the address may have a typo.",
    }),
  );
});

app.onError(onError);

// The class's Durable Object: a named export of the main module, as workerd needs it.
export { ClassRoom } from "./store/class-room";

// The Worker: pages and API on fetch, the reader-statistics job on the Cron Trigger. Still the Hono
// app itself (tests call app.request and read app.routes), with the scheduled handler added.
export default Object.assign(app, { scheduled }) satisfies ExportedHandler<Env>;
