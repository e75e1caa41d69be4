/**
 * The answer key is only for teachers: the public lesson plan, worksheet and card pages show the
 * statements without a verdict, explanation or check; a class's signed-in teacher gets the key on
 * /c/:code/teacher/lesson and /c/:code/teacher/worksheet, and anyone else the 401 sign-in page.
 */
import { describe, expect, it } from "vitest";
import type { SourceItem as PackItem } from "../src/content/build";
import { sourcePack as pack } from "../src/content/source";
import { worksheetItems } from "../src/domain/class";
import { staticPages } from "../src/static-pages";
import { Browser, call, createClass, escapeHtml } from "./class-helpers";

const WORKSHEET = worksheetItems(pack.items);

/** What would give an item's answer away: its verdict as a label, its explanation, its check. */
function expectNoAnswers(html: string, where: string) {
  expect(html, where).not.toContain("Answer key");
  expect(html, where).not.toMatch(/\b(Verified|Unverified)[:.]/);
  expect(html, where).not.toMatch(/class="result-(ok|miss)"/);
  for (const item of pack.items) {
    expect(html, `${where}: ${item.id} explanation`).not.toContain(escapeHtml(item.explanation));
    expect(html, `${where}: ${item.id} check`).not.toContain(escapeHtml(item.check));
  }
}

/** The key for `items`: each statement, its verdict and its explanation. */
function expectKeyFor(html: string, items: readonly PackItem[], where: string) {
  expect(html, where).toContain("Answer key");
  for (const item of items) {
    expect(html, `${where}: ${item.id}`).toContain(escapeHtml(item.statement));
    expect(html, `${where}: ${item.id}`).toContain(escapeHtml(item.explanation));
  }
}

describe("the public pages show no answers", () => {
  it("the lesson plan (a static page) lists every statement, says where the key is, and gives no verdict", () => {
    const html = staticPages().find((p) => p.url === "/teach/lesson")?.body ?? "";
    for (const item of pack.items) expect(html, item.id).toContain(escapeHtml(item.statement));
    expect(html).toContain(escapeHtml("The answer key is on your class's teacher pages"));
    expect(html).toContain('href="/teach/worksheet"');
    expectNoAnswers(html, "/teach/lesson");
  });

  it("the worksheet prints the statements with the article's sentences, and no answer key page", async () => {
    const res = await call("/teach/worksheet");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(WORKSHEET).toHaveLength(6);
    for (const item of WORKSHEET) {
      expect(html, item.id).toContain(escapeHtml(item.statement));
      expect(html, item.id).toContain(escapeHtml(item.quote));
    }
    expect(html).not.toContain('class="answer-key"');
    expectNoAnswers(html, "/teach/worksheet");
  });

  it("no card page lists a quiz statement or holds an answer", () => {
    const cards = staticPages().filter((p) => p.url.startsWith("/cards/"));
    expect(cards).toHaveLength(pack.cards.length);
    for (const page of cards) {
      for (const item of pack.items) {
        expect(page.body, `${page.url}: ${item.id}`).not.toContain(escapeHtml(item.statement));
      }
      expect(page.body, page.url).not.toContain("Show the answers");
      expect(page.body, page.url).not.toContain("<details");
      expectNoAnswers(page.body, page.url);
    }
  });
});

describe("the answer key on a class's teacher pages", () => {
  it("signed in: the answer key page has every item and links to the plan; the worksheet has it on page 2", async () => {
    const { code, teacher } = await createClass();
    const lesson = await teacher.get(`/c/${code}/teacher/lesson`);
    expect(lesson.status).toBe(200);
    expect(lesson.headers.get("cache-control")).toContain("no-store");
    const lessonHtml = await lesson.text();
    expectKeyFor(lessonHtml, pack.items, "teacher lesson");
    for (const item of pack.items) expect(lessonHtml, item.id).toContain(escapeHtml(item.check));
    expect(lessonHtml).toContain(`href="/c/${code}/teacher/worksheet"`);
    expect(lessonHtml).toContain('href="/teach/lesson"');

    const sheet = await teacher.get(`/c/${code}/teacher/worksheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("cache-control")).toContain("no-store");
    const sheetHtml = await sheet.text();
    expectKeyFor(sheetHtml, WORKSHEET, "teacher worksheet");
    const key = sheetHtml.slice(sheetHtml.indexOf('<section class="answer-key"'));
    for (const item of WORKSHEET) {
      const verdict = item.verdict === "verified" ? "Verified" : "Unverified";
      expect(key, item.id).toContain(`<strong>${verdict}.</strong> ${escapeHtml(item.statement)}`);
    }
  });

  it("the dashboard, on its first view and later, links to both", async () => {
    const { code, teacher, html } = await createClass();
    expect(html).toContain(`href="/c/${code}/teacher/lesson"`);
    const dashboard = await (await teacher.get(`/c/${code}/teacher`)).text();
    expect(dashboard).toContain(`href="/c/${code}/teacher/lesson"`);
    expect(dashboard).toContain(`href="/c/${code}/teacher/worksheet"`);
  });

  it("without the class's teacher cookie: the 401 sign-in page, and no answers", async () => {
    const a = await createClass();
    const b = await createClass();
    const crossed = new Browser();
    crossed.cookies.set(`__Host-teacher-${a.code}`, b.teacher.cookies.get(`__Host-teacher-${b.code}`) ?? "");
    for (const page of ["lesson", "worksheet"]) {
      for (const [who, res] of [
        ["nobody", await call(`/c/${a.code}/teacher/${page}`)],
        ["another class's teacher", await b.teacher.get(`/c/${a.code}/teacher/${page}`)],
        ["another class's cookie under this name", await crossed.get(`/c/${a.code}/teacher/${page}`)],
        ["no such class", await call(`/c/ZZZZZZ/teacher/${page}`)],
      ] as const) {
        expect(res.status, `${page}: ${who}`).toBe(401);
        expect(res.headers.get("cache-control"), `${page}: ${who}`).toContain("no-store");
        const html = await res.text();
        expect(html, `${page}: ${who}`).toContain("Teacher sign-in");
        expectNoAnswers(html, `${page}: ${who}`);
      }
    }
  });
});
