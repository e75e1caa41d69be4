/**
 * Reader statistics on the quiz pages: "N% of readers got this right" on a feedback page, the
 * standing, the chart and the share link on the result, inside workerd with real KV and the real job.
 */
import { createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pack } from "../src/content/pack";
import { SHOW_THRESHOLD } from "../src/domain/aggregates";
import worker from "../src/index";
import { readStats, statementFigures } from "../src/services/stats";
import { saveFinishedAttempt } from "../src/store/attempts";
import { finishedAttempt, seeded } from "./aggregates-helpers";
import { Browser, countingKv, createClass, join, ORIGIN, play, rightly, wrongly } from "./class-helpers";
import { attemptItemIds, expectedErrors, failingKv } from "./quiz-helpers";

const MINUTE = 60_000;
const last = pack.items[pack.items.length - 1];

/**
 * A fresh wrapper around the real binding for every page: readStats caches per binding for
 * 60 s, so each request here reads what KV holds now, whatever an earlier test read.
 */
const fresh = () => ({ SCORES: countingKv().kv });

/** A public quiz with `count` answers, left unfinished, as a browser plays it. */
async function publicQuiz(count: number, finish = false): Promise<{ reader: Browser; answered: string[] }> {
  const reader = new Browser();
  expect((await reader.post("/quiz/start")).status).toBe(303);
  const answered = await play(reader, rightly, count, { finish });
  return { reader, answered };
}

async function page(browser: Browser, path: string, bindings: Partial<Env> = fresh()): Promise<string> {
  const res = await browser.get(path, bindings);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The feedback page of every item answered, with fresh bindings each. */
async function feedbackPages(browser: Browser, ids: readonly string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const id of ids) pages.set(id, await page(browser, `/quiz/feedback/${id}`));
  return pages;
}

const READERS = /(\d+)% of readers got this right \((\d+) answers\)/;

describe("with reader statistics written by the job", () => {
  beforeAll(async () => {
    await reset();
    const random = seeded(5);
    const now = Date.now();
    // SHOW_THRESHOLD attempts answer every statement but the last; 3 answer all: the last has 3 answers.
    for (let i = 0; i < SHOW_THRESHOLD + 3; i++) {
      const answered = i < SHOW_THRESHOLD ? pack.items.length - 1 : pack.items.length;
      await saveFinishedAttempt(env.SCORES, finishedAttempt(random, now - 30 * MINUTE, now - 5 * MINUTE, answered));
    }
    const ctx = createExecutionContext();
    const log = vi.spyOn(console, "log").mockImplementation(() => {}); // the job's one report line
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^stats job: /));
    log.mockRestore();
  });

  it("a feedback page shows the share from 20 answers on, and nothing below", async () => {
    if (!last) throw new Error("empty pack");
    // Forms are drawn at random: start until one holds the last statement (the one with 3 answers).
    let reader = new Browser();
    let ids: string[] = [];
    for (let tries = 0; tries < 80 && !ids.includes(last.id); tries++) {
      reader = new Browser();
      expect((await reader.post("/quiz/start")).status).toBe(303);
      ids = await attemptItemIds(reader.cookies.get("__Host-quiz") ?? null);
    }
    const first = pack.itemById.get(ids.find((id) => id !== last.id) ?? "");
    if (!first) throw new Error("no other statement in the form");
    const stats = await readStats(fresh());
    const want = statementFigures(stats, first.id);
    expect(want.answered).toBe(SHOW_THRESHOLD + 3);
    expect(want.share).not.toBeNull();
    expect(statementFigures(stats, last.id).answered).toBe(3);

    const answered = await play(reader, rightly, Number.POSITIVE_INFINITY, { finish: false });
    const pages = await feedbackPages(reader, [first.id, last.id]);
    expect(answered).toContain(first.id);
    const shown = READERS.exec(pages.get(first.id) ?? "");
    expect(shown?.[1]).toBe(String(Math.round((want.share ?? -1) * 100)));
    expect(shown?.[2]).toBe(String(SHOW_THRESHOLD + 3));
    // Inside the verdict band, before the details and the Next bar.
    const html = pages.get(first.id) ?? "";
    expect(html.indexOf("of readers got this right")).toBeLessThan(html.indexOf("</section>"));
    expect(html.indexOf('class="band')).toBeLessThan(html.indexOf("of readers got this right"));
    expect(pages.get(last.id)).not.toContain("of readers got this right");
  });

  it("the feedback pages read KV once between them, and the question pages never", async () => {
    const { kv, calls } = countingKv();
    const reader = new Browser();
    await reader.post("/quiz/start", {}, { SCORES: kv });
    for (let n = 1; n <= 3; n++) {
      await page(reader, `/quiz/q/${n}`, { SCORES: kv });
      expect(calls).toEqual(n === 1 ? [] : ["get"]);
      const item = (await attemptItemIds(reader.cookies.get("__Host-quiz") ?? null))[n - 1] ?? "";
      await reader.post("/quiz/answer", { item, answer: rightly(item) }, { SCORES: kv });
      await page(reader, `/quiz/feedback/${item}`, { SCORES: kv });
      expect(calls).toEqual(["get"]);
    }
  });

  it("the result shows the standing, the chart with the reader's bucket, and the share link", async () => {
    const { reader, answered } = await publicQuiz(6, true);
    const html = await page(reader, "/quiz/result");
    expect(html).toMatch(/<p class="standing">(You did better than \d+% of readers|Most readers scored higher)/);
    expect(html).toContain(`compared with ${SHOW_THRESHOLD + 3} readers`);
    expect(html).toMatch(/<figure class="score-chart"><svg [^>]*role="img"/);
    expect(html).toContain('<title id="score-chart-title">How other readers scored</title>');
    // All 6 right: the reader's bucket is 100%, marked on the chart and in the table.
    expect(html).toContain("you are in the 100% group");
    expect(html).toContain("about 100% (you)");
    expect(html).toContain(`href="${ORIGIN}/share/${answered.length}-of-${answered.length}">Share your score</a>`);
    // The score stays the first heading; the figures (the standing among them) come before the misses and "10 more".
    expect(html.indexOf("<h1")).toBe(html.indexOf('<h1 class="score">'));
    expect(html.indexOf('class="standing"')).toBeGreaterThan(0);
    expect(html.indexOf('class="standing"')).toBeLessThan(html.indexOf("<h2>Your misses</h2>"));
    expect(html.indexOf("<h2>Your misses</h2>")).toBeLessThan(html.indexOf("10 more statements"));
  });

  it("a class attempt is not compared with public readers, and reads no statistics; it may share", async () => {
    if (!last) throw new Error("empty pack");
    const { code } = await createClass();
    const { student, response } = await join(code, { nickname: "Compared" });
    expect(response.status).toBe(303);
    const answered = await play(student, wrongly, 2, { finish: false });
    // Any of these would show a share on a public feedback page (only the last statement has fewer answers).
    const shared = answered.filter((id) => id !== last.id);
    expect(shared.length).toBeGreaterThan(0);
    for (const id of shared) expect(statementFigures(await readStats(fresh()), id).share).not.toBeNull();

    const counted = countingKv();
    for (const id of shared) {
      expect(await page(student, `/quiz/feedback/${id}`, { SCORES: counted.kv })).not.toContain("of readers");
    }
    expect(counted.calls).toEqual([]);
    expect((await student.post("/quiz/finish")).status).toBe(303);
    const html = await page(student, "/quiz/result");
    expect(html).not.toContain('class="standing"');
    expect(html).not.toContain("score-chart");
    expect(html).toContain(`href="${ORIGIN}/share/0-of-2">Share your score</a>`);
    expect(html).toContain("Back to my class");
  });
});

describe("without reader statistics", () => {
  beforeAll(async () => {
    await reset();
  });

  it("before the first run the pages show no figures, and the share link still", async () => {
    const { reader, answered } = await publicQuiz(5);
    for (const html of (await feedbackPages(reader, answered)).values()) {
      expect(html).not.toContain("of readers got this right");
    }
    expect((await reader.post("/quiz/finish")).status).toBe(303);
    const html = await page(reader, "/quiz/result");
    expect(html).toContain('<h1 class="score"><small>Your result</small>5 of 5 right</h1>');
    expect(html).not.toContain('class="standing"');
    expect(html).not.toContain("score-chart");
    expect(html).toContain(`href="${ORIGIN}/share/5-of-5">Share your score</a>`);
  });

  it("when KV fails to read them, the pages still render, without figures", async () => {
    const { reader, answered } = await publicQuiz(1);
    expectedErrors(); // readStats logs the outage once per isolate
    const broken = { SCORES: failingKv("get") };
    expect(await page(reader, `/quiz/feedback/${answered[0]}`, broken)).not.toContain("of readers got this right");
  });
});
