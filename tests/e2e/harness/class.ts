/**
 * @module A class in a browser test: created over the JSON API as a teacher's tool might, a
 * teacher's laptop signed in with the key, and a student joining on the class's page (the QR link).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

/** Throws with the message unless the condition holds (no vitest here: scripts/screenshots.ts uses this too). */
function must(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

type Viewport = { width: number; height: number };

export interface CreatedClass {
  code: string;
  teacherKey: string;
}

/** Classes created so far by this test file: each comes from its own address (below). */
let created = 0;

/**
 * Creates a class through the JSON API. Each as if from another school's address: the files
 * together create more classes a minute than one address may (10), and no test here is about that
 * limit (tests/limits.test.ts is). `wrangler dev` passes the header on; Cloudflare sets it itself.
 */
export async function createClass(baseURL: string, options: Record<string, unknown>): Promise<CreatedClass> {
  created++;
  const address = `10.${process.pid % 250}.0.${created % 250}`;
  const res = await fetch(`${baseURL}/api/v1/classes`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify(options),
  });
  must(res.status === 201, `creating a class: ${res.status} ${await res.clone().text()}`);
  const body = (await res.json()) as CreatedClass;
  must(/^[A-Z0-9]{6}$/.test(body.code), `a class code: ${body.code}`);
  must(/^tk_/.test(body.teacherKey), "a teacher key");
  return body;
}

/**
 * A laptop driving a projector (1280×720 unless told), no touch, signed in to the class with its key.
 * `watch` sees the context before its first page (to record requests to other hosts).
 */
export async function teacherAt(
  browser: Browser,
  baseURL: string,
  { code, teacherKey }: CreatedClass,
  { viewport = { width: 1280, height: 720 }, watch }: { viewport?: Viewport; watch?: (c: BrowserContext) => void } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    locale: "en-GB",
    serviceWorkers: "block",
  });
  context.setDefaultTimeout(10_000);
  watch?.(context);
  const page = await context.newPage();
  const response = await page.goto(`/c/${code}/teacher`);
  must(response?.status() === 401, `the dashboard without the key: ${response?.status()}, not 401`);
  await page.getByLabel("Teacher key").fill(teacherKey);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/teacher\?done=signed-in$/);
  await page.close();
  return context;
}

/** The teacher presses Start over the JSON API (the teacher's open pages are not reloaded). */
export async function startClass(baseURL: string, { code, teacherKey }: CreatedClass): Promise<void> {
  const res = await fetch(`${baseURL}/api/v1/classes/${code}/start`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${teacherKey}` },
    body: "{}",
  });
  must(res.status === 200, `starting the class: ${res.status} ${await res.clone().text()}`);
}

/**
 * A student sends the join form on the class's own page (the QR link) with a nickname; returns
 * their page at /joined, its heading unchecked (where the teacher admits each name, it is the wait).
 */
export async function submitJoin(context: BrowserContext, code: string, nickname: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/c/${code}`);
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join" }).click();
  await page.waitForURL(/\/joined$/);
  return page;
}

/** A student joins on the class's own page (the QR link) with a nickname; returns their page. */
export async function joinAs(context: BrowserContext, code: string, nickname: string): Promise<Page> {
  const page = await submitJoin(context, code, nickname);
  const nick = await page.locator("h1 .nick").textContent();
  must(nick === nickname, `"You're in as ${nick}", not ${nickname}`);
  return page;
}

/**
 * A student as a JSON client: joins, answers every statement with `answer`, and finishes (the
 * classes a browser test needs more than one finisher in, without a browser each).
 */
export async function playByApi(baseURL: string, code: string, nickname: string, answer: string): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    must(res.status < 300, `${path}: ${res.status} ${await res.clone().text()}`);
    return (await res.json()) as { token: string; next: { id: string } | null };
  };
  let { token, next } = await post(`/api/v1/classes/${code}/students`, { nickname });
  while (next) ({ token, next } = await post("/api/v1/attempts/answer", { token, itemId: next.id, answer }));
  await post("/api/v1/attempts/finish", { token });
}

/** Fails if the page's HTML, as the browser holds it now, contains the teacher key. */
export async function expectNoKey(page: Page, teacherKey: string): Promise<void> {
  const html = await page.content();
  must(html.length > 500, `${page.url()} has a page`);
  must(!html.includes(teacherKey), `${page.url()} contains the teacher key`);
}
