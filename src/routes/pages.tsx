/** @module The corrections page, with its report form (POST /corrections). The start page is static (src/static-pages.tsx). */
import { Hono } from "hono";
import { pack } from "../content/pack";
import { correctionsIntro } from "../content/prose";
import { type ItemTexts, itemTexts, statementOf } from "../content/texts";
import { AppError, KvUnavailableError } from "../services/errors";
import { checkReport, sendReport, text } from "../services/reports";
import { CorrectionsPage, type CorrectionsPageProps, ReportThanksPage } from "../views/corrections";
import type { AppEnv } from "./env";
import { clientAddress, readForm } from "./middleware";

export const pages = new Hono<AppEnv>();

type Choices = Pick<CorrectionsPageProps, "cards" | "items">;

/**
 * What the corrections page always lists: the cards and statements a report can be about, with the
 * page's fixed prose (both read once per isolate from static files). As with the prose, the form
 * matters more than the statements: when they cannot be read (logged), each item is named by its id.
 */
async function pageTexts(assets: Fetcher): Promise<Choices & { intro: string }> {
  const statements = itemTexts(assets).catch((error: unknown): ReadonlyMap<string, ItemTexts> => {
    console.error(error);
    return new Map();
  });
  const [intro, texts] = await Promise.all([correctionsIntro(assets), statements]);
  return {
    intro,
    cards: pack.cards.map(({ slug, title }) => ({ slug, title })),
    items: pack.listed.map(({ id }) => ({ id, statement: statementOf(texts, id) })),
  };
}

pages.get("/corrections", async (c) => {
  // Prefill only what names a real card or item; anything else is ignored, not echoed back.
  const card = c.req.query("card");
  const item = c.req.query("item");
  const values = {
    card: card && pack.cardBySlug.has(card) ? card : undefined,
    item: item && pack.itemById.has(item) ? item : undefined,
  };
  return c.html(<CorrectionsPage {...(await pageTexts(c.env.ASSETS))} values={values} />);
});

pages.post("/corrections", async (c) => {
  const form = await readForm(c);
  const values = { card: text(form.card), item: text(form.item), message: text(form.message) };
  try {
    await sendReport(c.env, clientAddress(c), values);
  } catch (error) {
    // The form comes back with the reader's text: field errors, or a notice to send it again.
    const page = await pageTexts(c.env.ASSETS);
    if (error instanceof AppError && error.status === 400) {
      return c.html(<CorrectionsPage {...page} values={values} errors={checkReport(values)} />, 400);
    }
    const busy = error instanceof AppError && error.status === 429;
    if (!busy && !(error instanceof KvUnavailableError)) throw error;
    if (!busy) console.error(error);
    const notice = busy
      ? "You have sent several reports in the last minute. Your text is still below: please send it again in a minute."
      : "We could not save your report just now, because our storage is not responding. Nothing is lost: your text is still below. Please send it again in a minute.";
    return c.html(<CorrectionsPage {...page} values={values} notice={notice} />, busy ? 429 : 503, {
      "Retry-After": "60",
    });
  }
  // Post/Redirect/Get: reloading the thank-you page cannot send the report twice.
  const card = values.card;
  return c.redirect(card ? `/corrections/thanks?card=${encodeURIComponent(card)}` : "/corrections/thanks", 303);
});

pages.get("/corrections/thanks", (c) => {
  const card = pack.cardBySlug.get(c.req.query("card") ?? "");
  return c.html(<ReportThanksPage card={card} />);
});
