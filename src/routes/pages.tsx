/** @module The start page and the corrections page, with its report form (POST /corrections). */
import { Hono } from "hono";
import * as z from "zod/mini";
import { pack } from "../content/pack";
import { CLASS_TTL_SECONDS } from "../domain/class";
import { ATTEMPT_TTL_SECONDS } from "../store/attempts";
import { REPORT_TTL_SECONDS, ReportStoreError, saveReport } from "../store/reports";
import {
  CorrectionsPage,
  type CorrectionsPageProps,
  type FieldError,
  MESSAGE_MAX,
  MESSAGE_MIN,
  type ReportField,
  ReportThanksPage,
} from "../views/corrections";
import { HomePage } from "../views/home";
import { PrivacyPage } from "../views/privacy";
import { publicCache } from "./cards";
import { TEACHER_SESSION_SECONDS } from "./class-session";
import type { AppEnv } from "./env";
import { TOKEN_LIFETIME_SECONDS } from "./quiz-session";

export const pages = new Hono<AppEnv>();

pages.use("/", ...publicCache);
pages.use("/privacy", ...publicCache);

pages.get("/", (c) =>
  c.html(<HomePage firstCard={pack.cards[0]} cardCount={pack.cards.length} itemCount={pack.items.length} />),
);

/** What the corrections page always lists: the cards and statements a report can be about. */
const choices: Pick<CorrectionsPageProps, "packVersion" | "cards" | "items"> = {
  packVersion: pack.version,
  cards: pack.cards.map(({ slug, title }) => ({ slug, title })),
  items: pack.items.map(({ id, statement }) => ({ id, statement })),
};

pages.get("/corrections", (c) => {
  // Prefill only what names a real card or item; anything else is ignored, not echoed back.
  const card = c.req.query("card");
  const item = c.req.query("item");
  const values = {
    card: card && pack.cardBySlug.has(card) ? card : undefined,
    item: item && pack.itemById.has(item) ? item : undefined,
  };
  return c.html(<CorrectionsPage {...choices} values={values} />);
});

const ReportForm = z.object({
  card: z.optional(
    z.string().check(z.refine((slug) => pack.cardBySlug.has(slug), "names no card we have: choose one from the list.")),
  ),
  item: z.optional(
    z
      .string()
      .check(z.refine((id) => pack.itemById.has(id), "names no quiz statement we have: choose one from the list.")),
  ),
  message: z
    .string({ error: "is missing: please say what is wrong." })
    .check(
      z.minLength(MESSAGE_MIN, `is too short: please write at least ${MESSAGE_MIN} characters.`),
      z.maxLength(MESSAGE_MAX, `is too long: please keep it under ${MESSAGE_MAX.toLocaleString("en")} characters.`),
    ),
});

/** A form value as a trimmed string, or undefined when absent, blank or a file. */
function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  // Browsers send textarea line breaks as CRLF; count each as one character, as the textarea did.
  const trimmed = value.replace(/\r\n?/g, "\n").trim();
  return trimmed === "" ? undefined : trimmed;
}

pages.post("/corrections", async (c) => {
  const body = await c.req.parseBody();
  const values = { card: text(body.card), item: text(body.item), message: text(body.message) };
  const parsed = ReportForm.safeParse(values);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({
      field: String(issue.path[0]) as ReportField,
      message: issue.message,
    }));
    return c.html(<CorrectionsPage {...choices} values={values} errors={errors} />, 400);
  }

  // Reports are rare; one shared key caps a flood of them without touching KV (a class shares one IP).
  const allowed = await c.env.WRITE_LIMITER.limit({ key: "report" }).then(
    (outcome) => outcome.success,
    () => true, // a limiter fault should not stop an honest report
  );
  if (!allowed) {
    const notice = "Many reports are arriving right now. Your text is still below: please send it again in a minute.";
    return c.html(<CorrectionsPage {...choices} values={values} notice={notice} />, 429, { "Retry-After": "60" });
  }

  const { card, item, message } = parsed.data;
  try {
    await saveReport(c.env.SCORES, { message, cardSlug: card, itemId: item, packVersion: pack.version });
  } catch (err) {
    if (!(err instanceof ReportStoreError)) throw err;
    console.error(err.cause ?? err);
    const notice =
      "We could not save your report just now, because our storage is not responding. Nothing is lost: your text is still below. Please send it again in a minute.";
    return c.html(<CorrectionsPage {...choices} values={values} notice={notice} />, 503, { "Retry-After": "60" });
  }
  // Post/Redirect/Get: reloading the thank-you page cannot send the report twice.
  return c.redirect(card ? `/corrections/thanks?card=${encodeURIComponent(card)}` : "/corrections/thanks", 303);
});

// The retention the page states is read from the constants the stores use.
const DAY = 24 * 60 * 60;
pages.get("/privacy", (c) =>
  c.html(
    <PrivacyPage
      attemptDays={ATTEMPT_TTL_SECONDS / DAY}
      classDays={CLASS_TTL_SECONDS / DAY}
      reportDays={REPORT_TTL_SECONDS / DAY}
      quizCookieHours={TOKEN_LIFETIME_SECONDS / 3600}
      teacherCookieDays={TEACHER_SESSION_SECONDS / DAY}
    />,
  ),
);

pages.get("/corrections/thanks", (c) => {
  const card = pack.cardBySlug.get(c.req.query("card") ?? "");
  return c.html(<ReportThanksPage card={card} />);
});
