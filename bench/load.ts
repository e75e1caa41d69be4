/**
 * @module `npm run bench:load`: a classroom rush against `wrangler dev` on loopback, with the limits in force.
 *
 * 10 classes ("schools"), each created from its own client address; 500 students (50 per class) play from
 * 50 concurrent clients, every student sending the `CF-Connecting-IP` of their school, as a school behind one
 * address does. Each student joins (made-up name), answers every statement and finishes, through the JSON API.
 * A 429 is honoured (wait `Retry-After`, try again), so a refusal costs time, never a result. At the end the
 * teachers' dashboards are read back and every accepted finish must be stored exactly once.
 *
 * Prints: requests sent, finishes accepted, refused with 429, stored, duplicates, lost (must be 0), 5xx (must be
 * 0), request rate and latency percentiles. Meanwhile one more client, at an address of its own,
 * finishes public quizzes as fast as it can: the limits refuse it, never the schools. Exits non-zero when anything is lost, stored twice or answered 5xx.
 * Bounded: it stops after BENCH_LOAD_SECONDS (default 240) whatever happens. Addresses are documentation ranges
 * (198.51.100.0/24) sent only as a header: every connection goes to 127.0.0.1.
 */
import { LOCAL_QUIZ_SECRET, startDevServer } from "../tests/e2e/harness/server.ts";

const CLASSES = Number(process.env.BENCH_LOAD_CLASSES ?? 10);
const STUDENTS_PER_CLASS = Number(process.env.BENCH_LOAD_STUDENTS ?? 50);
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const TIME_LIMIT_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 240) * 1000;
/** A 429 is retried after its Retry-After, at most this many times per request. */
const MAX_RETRIES = 8;

interface Stats {
  sent: number;
  refused: number;
  serverErrors: number;
  otherErrors: number;
  finishesSent: number;
  finishesAccepted: number;
  /** Joins, answers and finishes answered with a status the play did not expect (not 429), by "route status". */
  unexpected: Map<string, number>;
  latencies: number[];
}

const stats: Stats = {
  sent: 0,
  refused: 0,
  serverErrors: 0,
  otherErrors: 0,
  finishesSent: 0,
  finishesAccepted: 0,
  unexpected: new Map(),
  latencies: [],
};
const started = Date.now();
const outOfTime = () => Date.now() - started > TIME_LIMIT_MS;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One school's address, as a header only. */
const addressOf = (school: number) => `198.51.100.${school + 1}`;

/** Sends a JSON request, honouring 429s; returns the final status and body (null body on a network error). */
async function call(
  base: string,
  path: string,
  address: string,
  init: { method?: string; body?: unknown; key?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  for (let attempt = 0; attempt <= MAX_RETRIES && !outOfTime(); attempt++) {
    const headers: Record<string, string> = { "cf-connecting-ip": address };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    const t0 = performance.now();
    stats.sent++;
    let response: Response;
    try {
      response = await fetch(base + path, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch {
      stats.otherErrors++;
      return { status: 0, body: null };
    }
    const text = await response.text();
    stats.latencies.push(performance.now() - t0);
    if (response.status >= 500) stats.serverErrors++;
    if (response.status === 429) {
      stats.refused++;
      const wait = Number(response.headers.get("retry-after") ?? "1");
      await sleep(Math.min(Math.max(wait, 1), 60) * 1000 * (0.5 + Math.random() / 2));
      continue;
    }
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  }
  return { status: 429, body: null };
}

interface ClassInfo {
  code: string;
  key: string;
  school: number;
}

interface Accepted {
  code: string;
  nickname: string;
}

/** One public quiz from the flooding address, 429s not retried: true when its finish was accepted. */
async function floodOnce(base: string): Promise<boolean> {
  const post = (path: string, body: unknown) =>
    fetch(base + path, {
      method: "POST",
      headers: { "cf-connecting-ip": FLOOD_ADDRESS, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
  const started = await post("/api/v1/attempts", {});
  if (started.status !== 201) return false;
  const next = started.body.next as { id: string };
  const answered = await post("/api/v1/attempts/answer", {
    token: started.body.token,
    itemId: next.id,
    answer: "verified",
  });
  const finished = await post("/api/v1/attempts/finish", { token: answered.body.token });
  return finished.status === 200;
}

/** The flooding client's address (documentation range, a header only), and its parallel connections. */
const FLOOD_ADDRESS = "203.0.113.250";
const FLOOD_CONNECTIONS = 8;

/** Counts a status the play did not expect, so a broken run says why instead of finishing nothing quietly. */
function unexpected(step: string, status: number): void {
  const key = `${step} ${status}`;
  stats.unexpected.set(key, (stats.unexpected.get(key) ?? 0) + 1);
}

async function playStudent(base: string, klass: ClassInfo, accepted: Accepted[]): Promise<void> {
  const address = addressOf(klass.school);
  const joined = await call(base, `/api/v1/classes/${klass.code}/students`, address, { body: { generate: true } });
  if (joined.status !== 201 || !joined.body) return unexpected("join", joined.status);
  let token = joined.body.token as string;
  const nickname = joined.body.nickname as string;
  let next = joined.body.next as { id: string } | null;
  while (next && !outOfTime()) {
    const answer = Math.random() < 0.5 ? "verified" : "unverified";
    const r = await call(base, "/api/v1/attempts/answer", address, { body: { token, itemId: next.id, answer } });
    if (r.status !== 200 || !r.body) return unexpected("answer", r.status);
    token = r.body.token as string;
    next = r.body.next as { id: string } | null;
  }
  stats.finishesSent++;
  const finished = await call(base, "/api/v1/attempts/finish", address, { body: { token } });
  if (finished.status !== 200) return unexpected("finish", finished.status);
  stats.finishesAccepted++;
  accepted.push({ code: klass.code, nickname });
}

/** Each teacher's dashboard, read until it shows every accepted finish of the class or 30 s pass (lists are reused for up to 20 s). */
async function storedFinishes(base: string, klass: ClassInfo, expected: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  let names: string[] = [];
  while (Date.now() < deadline) {
    const r = await call(base, `/api/v1/classes/${klass.code}/dashboard`, addressOf(klass.school), { key: klass.key });
    const students = (r.body?.students ?? []) as { nickname: string; finished: boolean }[];
    names = students.filter((s) => s.finished).map((s) => s.nickname);
    if (names.length >= expected) break;
    await sleep(2000);
  }
  return names;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  console.log("bench:load: starting wrangler dev (local KV, limits as in wrangler.toml)");
  const server = await startDevServer({ vars: { QUIZ_SECRET: LOCAL_QUIZ_SECRET } });
  try {
    const classes: ClassInfo[] = [];
    for (let school = 0; school < CLASSES; school++) {
      const r = await call(server.url, "/api/v1/classes", addressOf(school), {
        // Room for every student (a class takes 40 unless its teacher says otherwise).
        body: { name: `School ${school + 1}`, size: STUDENTS_PER_CLASS },
      });
      if (r.status !== 201 || !r.body) throw new Error(`could not create class ${school + 1}: ${r.status}`);
      const klass = { code: r.body.code as string, key: r.body.teacherKey as string, school };
      // A class waits in its lobby until the teacher starts it; these start before the rush (latecomers go straight in).
      const start = await call(server.url, `/api/v1/classes/${klass.code}/start`, addressOf(school), {
        body: {},
        key: klass.key,
      });
      if (start.status !== 200) throw new Error(`could not start class ${school + 1}: ${start.status}`);
      classes.push(klass);
    }
    const jobs = classes.flatMap((klass) => Array.from({ length: STUDENTS_PER_CLASS }, () => klass));
    const accepted: Accepted[] = [];
    const playStart = Date.now();
    let nextJob = 0;
    let rushing = true;
    const rush = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (nextJob < jobs.length && !outOfTime()) {
          const klass = jobs[nextJob++];
          if (klass) await playStudent(server.url, klass, accepted);
        }
      }),
    ).finally(() => {
      rushing = false;
    });
    // Meanwhile one client at an address of its own finishes public quizzes as fast as it can:
    // the limits must refuse it, and never the schools.
    const flooded = { accepted: 0, refused: 0 };
    const flood = Promise.all(
      Array.from({ length: FLOOD_CONNECTIONS }, async () => {
        while (rushing && !outOfTime()) flooded[(await floodOnce(server.url)) ? "accepted" : "refused"]++;
      }),
    );
    await Promise.all([rush, flood]);
    const playSeconds = (Date.now() - playStart) / 1000;
    const requestsDuringPlay = stats.sent;

    let stored = 0;
    let duplicates = 0;
    let lost = 0;
    let sharedNames = 0;
    for (const klass of classes) {
      const expected = accepted.filter((a) => a.code === klass.code);
      const names = await storedFinishes(server.url, klass, expected.length);
      stored += names.length;
      // Per name: results stored beyond the finishes accepted are duplicates, fewer are lost. The
      // class's object keeps names exact, so no two accepted students share one (counted, must be 0).
      const tally = (list: string[]) => {
        const counts = new Map<string, number>();
        for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
        return counts;
      };
      const want = tally(expected.map((a) => a.nickname));
      const got = tally(names);
      for (const [name, n] of want) {
        const have = got.get(name) ?? 0;
        if (have > n) duplicates += have - n;
        if (have < n) lost += n - have;
        if (n > 1) sharedNames += n;
      }
      for (const [name, have] of got) if (!want.has(name)) duplicates += have;
    }

    const sorted = [...stats.latencies].sort((a, b) => a - b);
    const rows: [string, string][] = [
      [
        "classes × students",
        `${CLASSES} × ${STUDENTS_PER_CLASS} from ${CLIENTS} concurrent clients at ${CLASSES} addresses`,
      ],
      ["requests sent", String(stats.sent)],
      ["finishes sent", String(stats.finishesSent)],
      ["finishes accepted", String(stats.finishesAccepted)],
      ["refused with 429 (retried)", String(stats.refused)],
      ["stored (teachers' dashboards)", String(stored)],
      ["duplicates (a result stored twice)", String(duplicates)],
      ["students sharing a name (must be 0: names are exact)", String(sharedNames)],
      ["lost", String(lost)],
      ["5xx", String(stats.serverErrors)],
      [
        "a flood from one other address, meanwhile",
        `${flooded.accepted + flooded.refused} public quizzes: ${flooded.accepted} finished, ${flooded.refused} refused with 429`,
      ],
      ["network errors", String(stats.otherErrors)],
      ["unexpected statuses (must be none)", [...stats.unexpected].map(([k, n]) => `${k} ×${n}`).join(", ") || "none"],
      ["rate", `${(requestsDuringPlay / playSeconds).toFixed(0)} req/s over ${playSeconds.toFixed(1)} s`],
      [
        "latency",
        `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
      ],
    ];
    console.log("\n| measure | value |\n| --- | --- |");
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
    if (outOfTime()) console.log(`\nStopped at the time limit (${TIME_LIMIT_MS / 1000} s): figures are partial.`);
    const failed =
      lost > 0 ||
      duplicates > 0 ||
      sharedNames > 0 ||
      stats.serverErrors > 0 ||
      stats.unexpected.size > 0 ||
      stats.finishesAccepted < CLASSES * STUDENTS_PER_CLASS;
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server.stop();
  }
}

await main();
