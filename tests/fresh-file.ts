/**
 * Runs before every test file of the workers project, which shares one workerd across test files
 * (starting one per file cost about 30 s a run): besides fresh modules (tests/fresh-modules.ts),
 * each file starts with every binding's storage empty (KV, the class rooms, the rate limiters'
 * counts), as in a workerd of its own.
 */
import "./fresh-modules";
import { abortAllDurableObjects, listDurableObjectIds, reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll } from "vitest";

/** Class rooms that still hold tables or values. */
async function roomsInUse(): Promise<DurableObjectId[]> {
  const held: DurableObjectId[] = [];
  for (const id of await listDurableObjectIds(env.CLASS_ROOM)) {
    const used = await runInDurableObject(env.CLASS_ROOM.get(id), (_room, state) => {
      const tables = state.storage.sql.exec("SELECT name FROM sqlite_master").toArray().length;
      return tables > 0 || [...state.storage.kv.list()].length > 0;
    });
    if (used) held.push(id);
  }
  return held;
}

beforeAll(async () => {
  // reset() deletes all data, but on a loaded machine it now and then leaves some behind (seen
  // after tests/limits.test.ts): whatever survives is deleted by hand, then checked.
  await reset();
  const rooms = await roomsInUse();
  for (const id of rooms) {
    await runInDurableObject(env.CLASS_ROOM.get(id), async (_room, state) => {
      await state.storage.deleteAlarm();
      await state.storage.deleteAll();
    });
  }
  let keys = (await env.SCORES.list()).keys;
  while (keys.length > 0) {
    await Promise.all(keys.map((key) => env.SCORES.delete(key.name)));
    keys = (await env.SCORES.list()).keys;
  }
  // The rooms' objects start again from their (now empty) storage, with nothing in memory.
  if (rooms.length > 0) await abortAllDurableObjects();
  const left = await roomsInUse();
  if (left.length > 0) throw new Error(`${left.length} class rooms kept their data after the reset`);
});
