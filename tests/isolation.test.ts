/**
 * Test files share one workerd (vitest.config.ts, isolate: false); tests/fresh-file.ts must give
 * each file what a workerd of its own would. This file almost never runs first in its worker, so
 * it sees whatever the files before it left behind, were the reset missing.
 */
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newClientAddress } from "./quiz-helpers";

describe("each test file starts fresh", () => {
  it("with empty KV", async () => {
    expect((await env.SCORES.list()).keys).toEqual([]);
  });

  it("with every class room another file opened emptied", async () => {
    // reset() deletes the rooms' data; their ids stay listed.
    for (const id of await listDurableObjectIds(env.CLASS_ROOM)) {
      const held = await runInDurableObject(env.CLASS_ROOM.get(id), (_room, state) => ({
        tables: state.storage.sql.exec("SELECT name FROM sqlite_master").toArray().length,
        values: [...state.storage.kv.list()].length,
      }));
      expect(held).toEqual({ tables: 0, values: 0 });
    }
  });

  it("with the test helpers' modules evaluated anew", () => {
    expect(newClientAddress()).toBe("2001:db8::1");
  });

  it("with the rate limiters' counts at zero", async () => {
    // The class-creation limit is 10 a minute per key (wrangler.toml); a key another file used
    // would be refused sooner.
    for (let i = 0; i < 10; i++) expect((await env.CREATE_LIMITER.limit({ key: "isolation" })).success).toBe(true);
    expect((await env.CREATE_LIMITER.limit({ key: "isolation" })).success).toBe(false);
  });
});
