/** @module GET /cards and /cards/:slug: the explainer cards as pages. */
import { Hono, type MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import { pack } from "../content/pack";
import { CardListPage, CardPage } from "../views/cards";
import type { AppEnv } from "./env";

/** Sets Cache-Control on successful responses only, so a 404 is never cached as if it were content. */
const fiveMinutes: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok) c.res.headers.set("Cache-Control", "public, max-age=300");
};

/**
 * For responses that change only with a deploy (content is bundled): cacheable for five minutes,
 * then revalidated cheaply by ETag. The etag runs outermost so a 304 keeps Cache-Control.
 */
export const publicCache: MiddlewareHandler[] = [etag(), fiveMinutes];

export const cards = new Hono<AppEnv>();

cards.use(...publicCache);

cards.get("/", (c) => c.html(<CardListPage cards={pack.cards} />));

cards.get("/:slug", (c) => {
  const index = pack.cards.findIndex((card) => card.slug === c.req.param("slug"));
  const card = pack.cards[index];
  if (!card) return c.notFound();
  const statements = pack.items
    .filter((item) => item.lesson === card.slug)
    .map(({ id, statement, verdict }) => ({ id, statement, verdict }));
  return c.html(
    <CardPage
      card={card}
      position={index + 1}
      total={pack.cards.length}
      previous={pack.cards[index - 1]}
      next={pack.cards[index + 1]}
      statements={statements}
    />,
  );
});
