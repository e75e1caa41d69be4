/** @module The Hono environment every route shares: bindings from wrangler.toml. */
export interface AppEnv {
  Bindings: Env;
}
