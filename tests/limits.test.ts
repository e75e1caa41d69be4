/**
 * The rate limits, keyed per client address (CF-Connecting-IP), with the limits of wrangler.toml:
 * a school behind one address is never refused, a flood from one address is, and a flood from one
 * address never refuses anyone at another. Tests that count up to a limit use one-window limiters
 * (tests/one-window-limiters.ts) so a wall-clock window ending mid-test cannot reset the count; the
 * rest ask the real bindings.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { ATTEMPT_PREFIX } from "../src/store/attempts";
import { oneWindowLimiters } from "./one-window-limiters";
import { call, ORIGIN } from "./quiz-helpers";

/** A client at `address` sending JSON (or nothing). */
function json(
  address: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  bindings: Partial<Env> = {},
) {
  return call(
    path,
    {
      method: body === undefined && !headers.method ? "GET" : (headers.method ?? "POST"),
      headers: {
        "cf-connecting-ip": address,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    bindings,
  );
}

/** A browser at `address` posting a form. */
function form(address: string, path: string, fields: Record<string, string>, bindings: Partial<Env> = {}) {
  return call(
    path,
    {
      method: "POST",
      headers: { "cf-connecting-ip": address, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    },
    bindings,
  );
}

/** Start a public quiz, answer its first statement, finish: the finish's response. */
async function playPublic(address: string, bindings: Partial<Env> = {}): Promise<Response> {
  const started = await json(address, "/api/v1/attempts", {}, {}, bindings);
  if (started.status !== 201) return started;
  const { token, next } = (await started.json()) as { token: string; next: { id: string } };
  const answer = { token, itemId: next.id, answer: "verified" };
  const answered = await json(address, "/api/v1/attempts/answer", answer, {}, bindings);
  const { token: after } = (await answered.json()) as { token: string };
  return json(address, "/api/v1/attempts/finish", { token: after }, {}, bindings);
}

async function createClass(address: string, bindings: Partial<Env> = {}): Promise<{ code: string; key: string }> {
  const res = await json(address, "/api/v1/classes", { items: 6, start: "join" }, {}, bindings);
  expect(res.status).toBe(201);
  const { code, teacherKey } = (await res.json()) as { code: string; teacherKey: string };
  return { code, key: teacherKey };
}

/** A 429 that says what happened and when to try again. */
async function expectRefused(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await res.json()) as { detail: string };
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(body.detail).toMatch(/from your network|in the last minute/);
  expect(body.detail).toMatch(/Wait (a minute|ten seconds)/);
}

describe("a school behind one address", () => {
  it("40 readers starting and finishing public quizzes within a minute: none refused", async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => playPublic("198.51.100.10")));
    expect(statuses.map((r) => r.status)).toEqual(Array(40).fill(200));
  });

  it("a class of 40 looking the code up, joining and finishing within a minute: none refused", async () => {
    const school = "198.51.100.11";
    // All 161 requests in one window of each limiter: the worst case for the school, on every run,
    // and no round trip to miniflare's limiter (about 12 ms a call, 4 calls a student).
    const limiters = oneWindowLimiters();
    const send = (path: string, body?: unknown) => json(school, path, body, {}, limiters);
    const { code } = await createClass(school, limiters);
    // The joins arrive over a minute, as a class typing names does (the app's clock, faked, moves
    // 1.5 s per student; the class's join bucket lets 10 in at once, then one a second).
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const joins: { lookUp: number; joined: number; token: string; itemId: string }[] = [];
    for (let i = 0; i < 40; i++) {
      vi.setSystemTime(t0 + i * 1500);
      const lookUp = await send(`/api/v1/classes/${code}`);
      const joined = await send(`/api/v1/classes/${code}/students`, { generate: true });
      const { token, next } = (await joined.json()) as { token: string; next: { id: string } };
      joins.push({ lookUp: lookUp.status, joined: joined.status, token, itemId: next.id });
    }
    // Then the class answers and finishes together, as at the end of a lesson: the limiters count
    // the same 40 finishes, and the requests overlap their waits instead of queueing 80 in a row.
    const results = await Promise.all(
      joins.map(async ({ lookUp, joined, token, itemId }) => {
        const answered = await send("/api/v1/attempts/answer", { token, itemId, answer: "verified" });
        const { token: after } = (await answered.json()) as { token: string };
        const finished = await send("/api/v1/attempts/finish", { token: after });
        return [lookUp, joined, finished.status];
      }),
    );
    expect(results).toEqual(Array(40).fill([200, 201, 200]));
  });
});

describe("a flood from one address", () => {
  it("finishing public quizzes as fast as it can is refused after 60, and others still finish", async () => {
    const flood = "203.0.113.66";
    // All in one window of each limiter (tests/one-window-limiters.ts): the 61st finish is refused.
    const limiters = oneWindowLimiters();
    const before = (await env.SCORES.list({ prefix: ATTEMPT_PREFIX })).keys.length;
    let refusedAt = 0;
    for (let i = 1; i <= 100 && refusedAt === 0; i++) {
      const res = await playPublic(flood, limiters);
      if (res.status === 429) {
        refusedAt = i;
        await expectRefused(res);
      } else expect(res.status).toBe(200);
    }
    expect(refusedAt).toBe(61); // 60 a minute: a school's worth (40) gets through first
    // What was stored is bounded by the limit, not by the flood.
    const stored = await env.SCORES.list({ prefix: ATTEMPT_PREFIX });
    expect(stored.keys.length - before).toBe(60);
    expect((await playPublic("203.0.113.67", limiters)).status).toBe(200);
  });

  it("creating classes: refused for that address, never for a teacher elsewhere", async () => {
    const flood = "203.0.113.70";
    const limiters = oneWindowLimiters();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await json(flood, "/api/v1/classes", {}, {}, limiters)).status);
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(30).fill(429)]); // 10 a minute
    await expectRefused(await json(flood, "/api/v1/classes", {}, {}, limiters));
    expect((await json("203.0.113.71", "/api/v1/classes", {}, {}, limiters)).status).toBe(201);
    // The page form says so in words, keeps the teacher's choices, and sends Retry-After.
    const page = await form(flood, "/teach", { name: "Year 9", items: "8", names: "typed" }, limiters);
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("60");
    const html = await page.text();
    expect(html).toContain("Several classes have been created from your network in the last minute.");
    expect(html).toContain('value="Year 9"');
  });

  it("reports: refused for that address, never for a reader elsewhere", async () => {
    const flood = "203.0.113.80";
    const limiters = oneWindowLimiters();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const message = `A report about the names card, number ${i}.`;
      statuses.push((await form(flood, "/corrections", { message }, limiters)).status);
    }
    expect(statuses).toEqual([...Array(5).fill(303), ...Array(20).fill(429)]); // 5 a minute
    const message = "The second paragraph misspells a name.";
    const other = await form("203.0.113.81", "/corrections", { message }, limiters);
    expect(other.status).toBe(303);
  });

  it("joining one class with made-up names: 200 in two seconds admit at most 15, each refusal says to slow down", async () => {
    const { code } = await createClass("198.51.100.20");
    const flood = "203.0.113.90";
    // The app's clock, faked: one join every 10 ms, however slow this machine is; the address's
    // 200 look-ups a minute all fall in one window (tests/one-window-limiters.ts).
    const limiters = oneWindowLimiters();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const statuses: number[] = [];
    let refused: Response | null = null;
    let page: Response | null = null;
    for (let i = 0; i < 200; i++) {
      vi.setSystemTime(t0 + i * 10);
      // One of them is the page's form, which keeps the typed name.
      const res =
        i === 100
          ? await form(flood, "/join", { code, nickname: "Ana" }, limiters)
          : await json(flood, `/api/v1/classes/${code}/students`, { generate: true }, {}, limiters);
      statuses.push(res.status);
      if (i === 100) page = res;
      else if (res.status === 429 && !refused) refused = res;
      else await res.body?.cancel();
    }
    const admitted = statuses.filter((s) => s === 201).length;
    expect(admitted).toBeGreaterThanOrEqual(10);
    expect(admitted).toBeLessThanOrEqual(15);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 429)).toBe(true);
    if (!refused) throw new Error("No join was refused");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({
      title: "Slow down a moment",
      detail: expect.stringMatching(/Wait a second/),
    });
    // The page form says so too, in words, with Retry-After and the name still typed.
    if (!page) throw new Error("No form was sent");
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain("Wait a second and press Join again.");
    expect(html).toContain('value="Ana"');
    // A classmate elsewhere is never refused by the flood: the class has room.
    expect((await json("198.51.100.21", `/api/v1/classes/${code}/students`, { nickname: "Anna" })).status).toBe(201);
  });

  it("a class of common names behind one address: a name refused as taken spends no join", async () => {
    const { code } = await createClass("198.51.100.24");
    const school = "198.51.100.25";
    // The app's clock, stopped: the class's join bucket (10 at once) earns nothing back meanwhile.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const limiters = oneWindowLimiters();
    const joinAs = (nickname: string) => json(school, `/api/v1/classes/${code}/students`, { nickname }, {}, limiters);
    for (let i = 1; i <= 9; i++) expect((await joinAs(`Sam ${i}`)).status).toBe(201);
    // Twenty students typing a name already in the class: each told to try another, none slowed down.
    for (let i = 0; i < 20; i++) {
      const res = await joinAs("Sam 1");
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ detail: expect.stringContaining("Try “Sam 1 2”") });
    }
    // The bucket still has its tenth join, and no more: the clashes did not open a way past it.
    expect((await joinAs("Noor")).status).toBe(201);
    const eleventh = await joinAs("Omar");
    expect(eleventh.status).toBe(429);
    expect(await eleventh.json()).toMatchObject({ title: "Slow down a moment" });
  });

  it("joining one class from many addresses: the class size stops it, with a clear answer", async () => {
    const { code } = await createClass("198.51.100.22");
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const res = await json(`203.0.113.${110 + i}`, `/api/v1/classes/${code}/students`, { generate: true });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    // The class's object lets in exactly its size (40 by default), then says it is full.
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(201));
    expect(statuses.slice(40)).toEqual(Array(5).fill(409));
    const anna = await json("198.51.100.23", `/api/v1/classes/${code}/students`, { nickname: "Anna" });
    expect(anna.status).toBe(409);
    expect(await anna.json()).toMatchObject({ title: "This class is full" });
  });

  it("guessing join codes: refused for that address after a bounded number of look-ups", async () => {
    const flood = "203.0.113.100";
    const limiters = oneWindowLimiters();
    let refusedAt = 0;
    for (let i = 1; i <= 300 && refusedAt === 0; i++) {
      const code = `ZZZ${String(i).padStart(3, "2").replace(/[01]/g, "2")}`;
      const res = await json(flood, `/api/v1/classes/${code}`, undefined, {}, limiters);
      if (res.status === 429) refusedAt = i;
      else expect(res.status).toBe(404);
    }
    expect(refusedAt).toBe(201); // 200 a minute
    // The join page is limited on the same allowance; a student elsewhere is not.
    const page = (address: string) => call("/c/ZZZ222", { headers: { "cf-connecting-ip": address } }, limiters);
    expect((await page(flood)).status).toBe(429);
    expect((await page("198.51.100.30")).status).toBe(404);
  });

  it("trying teacher keys: refused for that address, never for the teacher elsewhere", async () => {
    const limiters = oneWindowLimiters();
    const { code, key } = await createClass("198.51.100.40", limiters);
    const flood = "203.0.113.110";
    const signIn = (address: string, tried: string) =>
      form(address, `/c/${code}/teacher/sign-in`, { key: tried }, limiters);
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await signIn(flood, `tk_wrong${i}`)).status);
    expect(statuses).toEqual([...Array(10).fill(403), ...Array(5).fill(429)]); // 10 a minute
    // Even the right key waits at the flooding address; the teacher elsewhere signs in.
    const blocked = await signIn(flood, key);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");
    const signedIn = await signIn("198.51.100.41", key);
    expect(signedIn.status).toBe(303);
  });
});
