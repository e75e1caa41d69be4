/**
 * Helpers for the classroom tests: a browser-like cookie jar (several cookies,
 * `__Host-` ones included), form posts with an Origin header, a teacher who
 * creates a class, and students who join and play through the real /quiz pages.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { pack } from "../src/content/pack";
import type { ClassRecord } from "../src/domain/class";
import type { RoomSettings } from "../src/domain/room";
import { getClass } from "../src/store/class-records";
import { call, location, ORIGIN } from "./quiz-helpers";

export { call, countingKv, escapeHtml, location, ORIGIN } from "./quiz-helpers";

/** A browser: keeps every cookie the app sets (Max-Age=0 deletes) and sends them back. */
export class Browser {
  cookies = new Map<string, string>();

  take(res: Response): Response {
    for (const header of res.headers.getSetCookie()) {
      const match = /^([^=]+)=([^;]*)/.exec(header);
      if (!match?.[1]) continue;
      if (/Max-Age=0/i.test(header) || match[2] === "") this.cookies.delete(match[1]);
      else this.cookies.set(match[1], match[2] ?? "");
    }
    return res;
  }

  headers(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
  }

  async get(path: string, bindings: Partial<Env> = {}): Promise<Response> {
    return this.take(await call(path, { headers: this.headers() }, bindings));
  }

  async post(path: string, fields: Record<string, string> = {}, bindings: Partial<Env> = {}): Promise<Response> {
    return this.take(
      await call(
        path,
        {
          method: "POST",
          headers: { ...this.headers(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
        },
        bindings,
      ),
    );
  }
}

export interface CreatedClass {
  code: string;
  key: string;
  teacher: Browser;
  /** The dashboard's first view, the one that shows the key. */
  html: string;
  /** The response to POST /teach (a 303 to the dashboard). */
  response: Response;
}

/**
 * A teacher creates a class through the form and follows the redirect to the dashboard; returns the
 * code, the key shown there once, and their signed-in browser. A student-paced class is then
 * started from the projector, as a teacher does before the students answer; pass `start: "teacher"`
 * to leave it in its lobby (the tests of the lobby), or `start: "join"` for a homework class.
 */
export async function createClass(fields: Record<string, string> = {}): Promise<CreatedClass> {
  const teacher = new Browser();
  const { start, ...rest } = fields;
  const form = { items: "8", names: "typed", board: "on", ...rest, ...(start === "join" ? { start } : {}) };
  const response = await teacher.post("/teach", form);
  if (response.status !== 303) throw new Error(`Creating a class failed: ${response.status}\n${await response.text()}`);
  const code = /^\/c\/([A-Z0-9]{6})\/teacher$/.exec(location(response))?.[1];
  if (!code) throw new Error(`Creating a class redirected to ${location(response)}`);
  const html = await (await teacher.get(`/c/${code}/teacher`)).text();
  const key = /<code>(tk_[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
  if (!key) throw new Error("No key on the dashboard's first view.");
  if (start === undefined && fields.pace !== "teacher") {
    const started = await teacher.post(`/c/${code}/present/start`, {});
    if (started.status !== 303) throw new Error(`Starting the class failed: ${started.status}`);
  }
  return { code, key, teacher, html, response };
}

/**
 * A student joins through POST /join like a browser. Retries when the class's
 * write limiter says "wait a few seconds" (429), as a student would press Join again.
 */
export async function join(
  code: string,
  fields: { nickname?: string; generate?: boolean } = {},
  bindings: Partial<Env> = {},
): Promise<{ student: Browser; response: Response }> {
  const student = new Browser();
  const form: Record<string, string> = { code };
  if (fields.nickname !== undefined) form.nickname = fields.nickname;
  if (fields.generate) form.generate = "on";
  for (let attempt = 0; ; attempt++) {
    const response = await student.post("/join", form, bindings);
    if (response.status !== 429 || attempt >= 30) return { student, response };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The item id on a question page. */
export function itemOn(html: string): string {
  const id = /name="item" value="([a-z0-9-]+)"/.exec(html)?.[1];
  if (!id) throw new Error("No item on the question page.");
  return id;
}

/**
 * Plays the class quiz through the ordinary /quiz pages: answers `count` items
 * (all by default) with `answer(itemId)`, then finishes (unless told not to). Returns the item ids answered.
 */
export async function play(
  student: Browser,
  answer: (itemId: string) => "verified" | "unverified",
  count = Number.POSITIVE_INFINITY,
  { finish = true } = {},
): Promise<string[]> {
  const answered: string[] = [];
  while (answered.length < count) {
    const next = await student.get("/quiz/q");
    if (next.status !== 303) throw new Error(`GET /quiz/q: ${next.status}`);
    const target = location(next);
    if (!target.startsWith("/quiz/q/")) break; // all answered: the last feedback page is next
    const page = await student.get(target);
    const itemId = itemOn(await page.text());
    const res = await student.post("/quiz/answer", { item: itemId, answer: answer(itemId) });
    if (res.status !== 303) throw new Error(`POST /quiz/answer: ${res.status}`);
    answered.push(itemId);
  }
  if (!finish) return answered;
  const finished = await student.post("/quiz/finish");
  if (finished.status !== 303 || location(finished) !== "/quiz/result") {
    throw new Error(`POST /quiz/finish: ${finished.status} ${await finished.text()}`);
  }
  return answered;
}

/** Always right. */
export const rightly = (itemId: string) => pack.itemById.get(itemId)?.verdict ?? "verified";
/** Always wrong. */
export const wrongly = (itemId: string) => (rightly(itemId) === "verified" ? "unverified" : "verified");

/** The class's object binding, recording the name of every call made on its stubs (one request each). */
export function countingRoom(): { ns: Env["CLASS_ROOM"]; calls: string[] } {
  const calls: string[] = [];
  const ns = new Proxy(env.CLASS_ROOM, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "get") return typeof value === "function" ? value.bind(target) : value;
      return (...args: Parameters<typeof target.get>) => {
        const stub = target.get(...args);
        return new Proxy(stub, {
          get(s, p) {
            const method = Reflect.get(s, p);
            if (typeof p !== "string" || p === "then" || typeof method !== "function") return method;
            return (...rest: unknown[]) => {
              calls.push(p);
              return Reflect.apply(method as (...a: unknown[]) => unknown, s, rest);
            };
          },
        });
      };
    },
  });
  return { ns, calls };
}

/** A class's tables as schema 2 made them (the release before the waiting room), for migration tests. */
export const SCHEMA_2 =
  "CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);" +
  "CREATE TABLE students (sid TEXT PRIMARY KEY, nick TEXT NOT NULL, attempt TEXT NOT NULL UNIQUE, joined INTEGER NOT NULL, answered INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0, items TEXT, back TEXT, seen INTEGER);" +
  "CREATE TABLE answers (attempt TEXT, item TEXT, answer TEXT NOT NULL, PRIMARY KEY (attempt, item)) WITHOUT ROWID;" +
  "CREATE TABLE results (attempt TEXT PRIMARY KEY, body TEXT NOT NULL, saved INTEGER DEFAULT 0, lease INTEGER DEFAULT 0);" +
  "CREATE TABLE gone (attempt TEXT PRIMARY KEY) WITHOUT ROWID;" +
  "CREATE UNIQUE INDEX students_back ON students (back);" +
  "CREATE TABLE tally (item TEXT PRIMARY KEY, v INTEGER NOT NULL, u INTEGER NOT NULL) WITHOUT ROWID;" +
  "INSERT INTO meta VALUES ('schema', 2);";

/**
 * The teacher's change as only the class's object takes it (rev 1, the record's statements,
 * student-paced with a lobby, plus `change`): the class record in KV stays as it was, like the copy
 * another isolate cached before the change. Returns that record.
 */
export async function changeInObjectOnly(code: string, change: Partial<RoomSettings>): Promise<ClassRecord> {
  const record = await getClass(env.SCORES, code);
  if (!record) throw new Error("no record");
  const settings: RoomSettings = {
    rev: 1,
    itemIds: record.itemIds,
    shuffle: true,
    paced: false,
    gated: true,
    admit: false,
    size: 40,
    ...change,
  };
  const stub = env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(code));
  await runInDurableObject(stub, (room) => room.configure({ expiresAt: record.expiresAt }, settings, false));
  return record;
}
