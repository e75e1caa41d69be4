/**
 * @module room-calls: how the services reach a class's ClassRoom object (one per join code): each
 * call is one Durable Object request, and a failure becomes the same 503 a KV failure does.
 */
import type { ClassRoom } from "./class-room";
import { kvCall } from "./kv-errors";

/**
 * Calls the class's object once.
 * @example const refused = await inRoom(env, "ABC234", (room) => room.join(cls, student));
 */
export function inRoom<T>(
  env: Env,
  code: string,
  call: (room: DurableObjectStub<ClassRoom>) => Promise<T>,
): Promise<T> {
  return kvCall("room", () => call(env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(code))));
}
