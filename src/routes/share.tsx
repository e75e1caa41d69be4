/** @module GET /share/:score: the public page of a shared score, e.g. /share/7-of-8 (nothing is stored). */
import { Hono } from "hono";
import { parseSharedScore, shareImageBucket, shareMeaning, shareUrlOf } from "../domain/share";
import { SharePage } from "../views/share";
import type { AppEnv } from "./env";
import { publicCache, publicOrigin } from "./middleware";

export const share = new Hono<AppEnv>();

share.use("/:score", ...publicCache());

share.get("/:score", (c) => {
  const score = parseSharedScore(c.req.param("score"));
  if (!score) return c.notFound();
  // Relative links when no public origin is configured: the page still works, previews degrade.
  const origin = publicOrigin(c) ?? "";
  return c.html(
    <SharePage
      score={score}
      meaning={shareMeaning(score)}
      url={shareUrlOf(origin, score.correct, score.total)}
      image={`${origin}/og/score-${shareImageBucket(score)}.png`}
    />,
  );
});
