/** @module The Claim Check app: middleware, routes and the one place errors become responses. */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { methodNotAllowed } from "hono/method-not-allowed";
import { secureHeaders } from "hono/secure-headers";
import { apiCards } from "./routes/api/cards";
import { apiClasses } from "./routes/api/classes";
import { apiQuiz } from "./routes/api/quiz";
import { cards } from "./routes/cards";
import { classes } from "./routes/classes";
import type { AppEnv } from "./routes/env";
import { pages } from "./routes/pages";
import { problem, wantsJson } from "./routes/problem";
import { quiz } from "./routes/quiz";
import { ErrorPage } from "./views/error-page";

/**
 * Request bodies are small forms and JSON answers; anything bigger is refused before parsing.
 * Not exported: workerd treats every named export of the main module as an entry point.
 */
const MAX_BODY_BYTES = 16 * 1024;

const app = new Hono<AppEnv>();

app.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    // Under strict-origin-when-cross-origin old Safari still sends Origin on form posts, which csrf() needs.
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
  }),
);
// A wrong method is a 405 before any other check (a bodyless DELETE should not read as a CSRF refusal).
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) => {
      const allow = methods.join(", ");
      return wantsJson(c)
        ? problem(405, "method-not-allowed", "Method not allowed", { detail: `Use ${allow}.` }, { allow })
        : c.html(<ErrorPage title="That did not work" message={`This address only accepts ${allow}.`} />, 405, {
            allow,
          });
    },
  }),
);
// Checks Origin / Sec-Fetch-Site on form posts; JSON requests are not simple requests and pass through.
app.use(csrf());
app.use(
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      wantsJson(c)
        ? problem(413, "body-too-large", "Request body too large", { detail: `The limit is ${MAX_BODY_BYTES} bytes.` })
        : c.html(<ErrorPage title="That was too much text" message="Please send a shorter form." />, 413),
  }),
);

app.route("/", pages);
app.route("/cards", cards);
app.route("/api/v1/cards", apiCards);
app.route("/quiz", quiz);
app.route("/", classes);
app.route("/api/v1/classes", apiClasses);
app.route("/api/v1", apiQuiz);

app.notFound((c) =>
  wantsJson(c)
    ? problem(404, "not-found", "Not found", { detail: `There is nothing at ${new URL(c.req.url).pathname}.` })
    : c.html(
        <ErrorPage
          title="Page not found"
          message="We could not find that page. It may have moved, or the address may have a typo."
        />,
        404,
      ),
);

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    const status = err.status;
    if (wantsJson(c)) return problem(status, "http-error", err.message || "Request refused");
    return c.html(<ErrorPage title="That did not work" message={err.message || "Please try again."} />, status);
  }
  // Unknown faults: log for the operator, tell the user plainly, never show a stack trace.
  console.error(err);
  return wantsJson(c)
    ? problem(500, "internal", "Something went wrong on our side", { detail: "Please try again in a moment." })
    : c.html(
        <ErrorPage title="Something went wrong" message="Something went wrong on our side. Please try again." />,
        500,
      );
});

export default app;
