/**
 * The rate limiters of wrangler.toml, each with its configured limit, counting every call in one
 * window: for tests that count requests up to a limit. Miniflare's limiter aligns its windows to
 * the wall clock (a 10 s window ends every 10 s), so a burst of 21 finishes that straddles a
 * boundary starts counting again and "refused after 20" fails on a slow machine, and a test made
 * to wait for a fresh window still depends on how fast the machine is. One window is the worst
 * case the real limiter allows, every run. The app asks these through the bindings a test passes
 * to `call()` (services/limits.ts is unchanged), so the production path never sees them.
 */
import wranglerToml from "../wrangler.toml?raw";

/** The limiter bindings, as `Env` names them. */
export type LimiterName = {
  [K in keyof Env]: Env[K] extends RateLimit ? K : never;
}[keyof Env];

/** Each `[[ratelimits]]` block of wrangler.toml: its binding name and `simple.limit`. */
export function configuredLimits(toml: string = wranglerToml): Map<string, number> {
  const limits = new Map<string, number>();
  for (const block of toml.split("[[ratelimits]]").slice(1)) {
    const name = /^name = "([A-Z_]+)"$/m.exec(block)?.[1];
    const limit = /^simple = \{ limit = (\d+), period = (?:10|60) \}$/m.exec(block)?.[1];
    if (!name || !limit) throw new Error(`wrangler.toml: a [[ratelimits]] block without name or simple limit`);
    limits.set(name, Number(limit));
  }
  return limits;
}

/** One binding: at most `max` successes per key, for as long as the test holds it. */
function oneWindow(max: number): RateLimit {
  const counts = new Map<string, number>();
  return {
    async limit({ key }) {
      const count = counts.get(key) ?? 0;
      if (count >= max) return { success: false };
      counts.set(key, count + 1);
      return { success: true };
    },
  };
}

/**
 * Fresh stand-ins for every limiter binding, to pass to `call()` and the helpers built on it.
 * @example await call("/quiz/finish", init, oneWindowLimiters())
 */
export function oneWindowLimiters(): Pick<Env, LimiterName> {
  const limits = configuredLimits();
  const binding = (name: LimiterName): RateLimit => {
    const max = limits.get(name);
    if (max === undefined) throw new Error(`wrangler.toml has no [[ratelimits]] ${name}`);
    return oneWindow(max);
  };
  return {
    WRITE_LIMITER: binding("WRITE_LIMITER"),
    START_LIMITER: binding("START_LIMITER"),
    FINISH_LIMITER: binding("FINISH_LIMITER"),
    LOOKUP_LIMITER: binding("LOOKUP_LIMITER"),
    CREATE_LIMITER: binding("CREATE_LIMITER"),
    SIGN_IN_LIMITER: binding("SIGN_IN_LIMITER"),
    REPORT_LIMITER: binding("REPORT_LIMITER"),
    SEAT_LIMITER: binding("SEAT_LIMITER"),
    SCHOOL_LIMITER: binding("SCHOOL_LIMITER"),
    SCREEN_LIMITER: binding("SCREEN_LIMITER"),
  };
}
