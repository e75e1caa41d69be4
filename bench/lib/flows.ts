/**
 * @module The journeys the benchmark measures, over plain HTTP as a browser without
 * JavaScript makes them: a whole quiz from its start page to the result, and a
 * classroom (a teacher's class, students joining and finishing, board, dashboard).
 */
import { type Exchange, HttpClient, locationOf } from "./client.ts";

/** The stylesheet and script URLs a page links to. */
export function subresourcesOf(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) urls.add(match[1] ?? "");
  for (const match of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) urls.add(match[1] ?? "");
  urls.delete("");
  return [...urls];
}

/** A client that, like a browser's cache, fetches each linked stylesheet or script once. */
export class Browserish extends HttpClient {
  readonly assets = new Map<string, Exchange>();

  /** GET a page and any subresource not fetched before. */
  async page(path: string): Promise<Exchange> {
    const page = await this.get(path);
    for (const url of subresourcesOf(page.text)) {
      if (!this.assets.has(url)) this.assets.set(url, await this.get(url));
    }
    return page;
  }

  /** Follows a POST's redirect with a page load, as a browser does after a form post. */
  async submit(path: string, fields: Record<string, string> = {}): Promise<Exchange> {
    const posted = await this.post(path, fields);
    if (posted.status !== 303 && posted.status !== 302) {
      throw new Error(`POST ${path} answered ${posted.status}: ${posted.text.slice(0, 200)}`);
    }
    return this.page(locationOf(posted));
  }
}

export interface QuizPages {
  start?: Exchange;
  question: Exchange;
  feedback: Exchange;
  result: Exchange;
  answered: number;
}

/** The hidden item id of a question page's form. */
function itemOf(question: Exchange): string {
  const id = /name="item" value="([^"]+)"/.exec(question.text)?.[1];
  if (!id) throw new Error(`No statement form at ${question.path} (status ${question.status})`);
  return id;
}

/**
 * Plays from a question page to the result, answering "verified" and "unverified"
 * in turn (`stopAfter` answers, then "Finish now", if given).
 */
export async function playFrom(client: Browserish, first: Exchange, stopAfter = Infinity): Promise<QuizPages> {
  let question = first;
  let feedback: Exchange | undefined;
  let firstFeedback: Exchange | undefined;
  let answered = 0;
  for (;;) {
    feedback = await client.submit("/quiz/answer", {
      item: itemOf(question),
      answer: answered % 2 === 0 ? "verified" : "unverified",
    });
    firstFeedback ??= feedback;
    answered++;
    const next = /<a class="button" href="(\/quiz\/q\/\d+)">/.exec(feedback.text)?.[1];
    if (!next || answered >= stopAfter) break;
    question = await client.page(next);
  }
  const result = await client.submit("/quiz/finish");
  if (!result.path.startsWith("/quiz/result")) throw new Error(`The finish led to ${result.path}`);
  return { question: first, feedback: firstFeedback ?? feedback, result, answered };
}

/** A reader's whole quiz: the quiz start page, Start, the estimate page (skipped), every statement, the result. */
export async function wholeQuiz(base: string): Promise<{ client: Browserish; pages: QuizPages }> {
  const client = new Browserish(base);
  const start = await client.page("/quiz");
  // Start leads to the self-estimate page (one tap, or skip): skip it, as a hurried reader does.
  const estimate = await client.submit("/quiz/start");
  if (!estimate.path.startsWith("/quiz/estimate")) throw new Error(`Start led to ${estimate.path}`);
  const question = await client.page("/quiz/q/1");
  const pages = await playFrom(client, question);
  return { client, pages: { ...pages, start } };
}

export interface ClassPages {
  code: string;
  teach: Exchange;
  created: Exchange;
  join: Exchange;
  joinWithCode: Exchange;
  joined: Exchange;
  board: Exchange;
  dashboard: Exchange;
  lesson: Exchange;
  worksheet: Exchange;
}

/** A class of `students` students who each answer three statements, then the board and the dashboard. */
export async function classroom(base: string, students = 3): Promise<ClassPages> {
  const teacher = new Browserish(base);
  const teach = await teacher.page("/teach");
  const lesson = await teacher.page("/teach/lesson");
  const worksheet = await teacher.page("/teach/worksheet");
  // POST /teach redirects to the dashboard, whose first view shows the code, the QR and the key once.
  const created = await teacher.submit("/teach", {
    name: "Bench class",
    items: "8",
    names: "typed",
    board: "on",
    start: "join",
  });
  const code = /<p class="code">([A-Z0-9]{6})<\/p>/.exec(created.text)?.[1];
  if (!code) throw new Error(`No class code in the created page (status ${created.status})`);
  let join: Exchange | undefined;
  let joinWithCode: Exchange | undefined;
  let joined: Exchange | undefined;
  for (let i = 0; i < students; i++) {
    const student = new Browserish(base);
    join = await student.page("/join");
    joinWithCode = await student.page(`/c/${code}`);
    joined = await student.submit("/join", { code, nickname: `Student ${i + 1}` });
    const first = await student.page(locationOf(await student.get("/quiz/q")));
    await playFrom(student, first, 3);
  }
  const board = await teacher.page(`/c/${code}/board`);
  const dashboard = await teacher.page(`/c/${code}/teacher`);
  if (!join || !joinWithCode || !joined) throw new Error("No student joined");
  return { code, teach, created, join, joinWithCode, joined, board, dashboard, lesson, worksheet };
}

/** A cookie header holding a quiz at statement 1, and one whose statement 1 is answered (for its feedback page). */
export async function quizCookies(base: string): Promise<{ question: string; feedback: string; feedbackPath: string }> {
  const asker = new Browserish(base);
  await asker.submit("/quiz/start");
  const answerer = new Browserish(base);
  await answerer.submit("/quiz/start");
  // Start leads to the self-estimate page; statement 1 is one skip away.
  const first = await answerer.page("/quiz/q/1");
  const feedback = await answerer.submit("/quiz/answer", { item: itemOf(first), answer: "verified" });
  const header = (client: HttpClient) => [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  return { question: header(asker), feedback: header(answerer), feedbackPath: feedback.path };
}
