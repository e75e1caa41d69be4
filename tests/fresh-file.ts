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

/**
 * Rooms found empty at an earlier file's start. The run's one workerd keeps globalThis from file to
 * file (vi.resetModules() renews modules, not it), and every room the run made stays listed (about
 * 200 by the end): asking each of them at every file's start cost about 19 s a run. A file makes
 * new rooms (random codes; each fixed test code belongs to one file), so only those are asked.
 */
const shared = globalThis as { emptyRoomsSeen?: Set<string> };
shared.emptyRoomsSeen ??= new Set();
const knownEmpty = shared.emptyRoomsSeen;

/** Class rooms not yet known empty that still hold tables or values. */
async function roomsInUse(): Promise<DurableObjectId[]> {
  const held: DurableObjectId[] = [];
  for (const id of await listDurableObjectIds(env.CLASS_ROOM)) {
    if (knownEmpty.has(id.toString())) continue;
    const used = await runInDurableObject(env.CLASS_ROOM.get(id), (_room, state) => {
      const tables = state.storage.sql.exec("SELECT name FROM sqlite_master").toArray().length;
      return tables > 0 || [...state.storage.kv.list()].length > 0;
    });
    if (used) held.push(id);
    else knownEmpty.add(id.toString());
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
  // The rooms' objects start again from their (now empty) storage, with nothing in memory, and on
  // this file's modules (an object made on an earlier file's is broken when the modules change);
  // what was deleted by hand is checked gone (when reset() left nothing, there is nothing to check).
  await abortAllDurableObjects();
  if (rooms.length > 0) {
    const left = await roomsInUse();
    if (left.length > 0) throw new Error(`${left.length} class rooms kept their data after the reset`);
  }
});
