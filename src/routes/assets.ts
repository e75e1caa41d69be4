/** @module Static assets: the stylesheet, cached for a year under a content-hashed URL. */
import { Hono } from "hono";
import { css, cssPath } from "../views/styles";
import type { AppEnv } from "./env";

export const assets = new Hono<AppEnv>();

assets.get(cssPath, (c) =>
  c.body(css, 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
  }),
);
