/** @module The Hono environment every route shares: bindings from wrangler.toml. */
export interface AppEnv {
  Bindings: Env;
}

/** Routes behind requireSecret(): the signing secret is in `c.var.secret`. */
export interface SecretEnv extends AppEnv {
  Variables: { secret: string };
}
