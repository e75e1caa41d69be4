/** @module GET /cards and /cards/:slug: the explainer cards as pages. */
import { Hono } from "hono/tiny";
import { pack } from "../content/pack";
import { CardListPage, CardPage } from "../views/cards";
import type { AppEnv } from "./env";
import { publicCache } from "./middleware";

export const cards = new Hono<AppEnv>();

cards.use(...publicCache());

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
