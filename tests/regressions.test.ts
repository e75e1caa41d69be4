/**
 * The bugs of issue 8, each pinned by a test: malformed multipart bodies are a 400, bodyless
 * API calls are not refused as CSRF, concurrent finishes of one attempt are coalesced, and
 * quiz tokens and teacher cookies are signed with separate keys.
 */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pack } from "../src/content/pack";
import { deriveSigningKey, signToken, verifyToken } from "../src/domain/token";
import { openToken, quizKey } from "../src/services/quiz-token";
import { cookieOpens, teacherCookie } from "../src/services/teacher-auth";
import { ATTEMPT_PREFIX } from "../src/store/attempts";
import { getClass } from "../src/store/class-records";
import { createClass } from "./class-helpers";
import { attemptItemIds, CookieJar, call, countingKv, location, ORIGIN, postForm } from "./quiz-helpers";

beforeEach(async () => {
  await reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A multipart body whose boundary the Content-Type does not announce: parseBody throws on it. */
function badMultipart(cookie = ""): RequestInit {
  return {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "multipart/form-data", ...(cookie ? { cookie } : {}) },
    body: "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--x--\r\n",
  };
}

async function startedJar(): Promise<CookieJar> {
  const jar = new CookieJar();
  await postForm(jar, "/quiz/start");
  return jar;
}

async function answerFirst(jar: CookieJar, count = 1): Promise<void> {
  for (const id of (await attemptItemIds(jar)).slice(0, count)) {
    expect((await postForm(jar, "/quiz/answer", { item: id, answer: "verified" })).status).toBe(303);
  }
}

describe("a malformed multipart body is a 400, never a 500", () => {
  it("on the public forms: /join, /teach, /corrections, /quiz/answer", async () => {
    const jar = await startedJar();
    for (const path of ["/join", "/teach", "/corrections"]) {
      const res = await call(path, badMultipart());
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain("That form could not be read");
    }
    const answer = await call("/quiz/answer", badMultipart(`__Host-quiz=${jar.value}`));
    expect(answer.status).toBe(400);
  });

  it("on the teacher's forms: sign-in, remove, delete", async () => {
    const { code, teacher } = await createClass();
    const cookie = teacher.headers().cookie ?? "";
    for (const path of [`/c/${code}/teacher/sign-in`, `/c/${code}/teacher/remove`, `/c/${code}/teacher/delete`]) {
      expect((await call(path, badMultipart(cookie))).status, path).toBe(400);
    }
    // Nothing was deleted by the unreadable delete form.
    expect(await getClass(env.SCORES, code)).not.toBeNull();
  });
});

describe("the JSON API takes bodyless calls as docs/API.md shows them", () => {
  it("POST /api/v1/attempts with no body and no Content-Type starts an attempt", async () => {
    const res = await call("/api/v1/attempts", { method: "POST" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { token: string }).token).toMatch(/\./);
  });

  it("DELETE /api/v1/classes/{code} with only a Bearer key deletes the class", async () => {
    const { code, key } = await createClass();
    const res = await call(`/api/v1/classes/${code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    expect(await getClass(env.SCORES, code)).toBeNull();
  });

  it("the cookie-authenticated forms still refuse a cross-site post", async () => {
    const { code, teacher } = await createClass();
    const res = await call(`/c/${code}/teacher/close`, {
      method: "POST",
      headers: {
        ...teacher.headers(),
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "",
    });
    expect(res.status).toBe(403);
    expect((await getClass(env.SCORES, code))?.closed).toBe(false);
  });
});

describe("concurrent finishes of one attempt are coalesced in the isolate", () => {
  it("a double-click: two finishes with one cookie do one get and one put, and get the same result", async () => {
    const jar = await startedJar();
    await answerFirst(jar, 3);
    const { kv, calls } = countingKv();
    const tabs = [new CookieJar(), new CookieJar()];
    for (const tab of tabs) tab.value = jar.value;
    const results = await Promise.all(tabs.map((tab) => postForm(tab, "/quiz/finish", {}, { SCORES: kv })));
    expect(results.map((res) => location(res))).toEqual(["/quiz/result", "/quiz/result"]);
    expect(calls).toEqual(["get", "put"]);
    expect(tabs[0]?.value).toBe(tabs[1]?.value);
    expect((await env.SCORES.list({ prefix: ATTEMPT_PREFIX })).keys).toHaveLength(1);
  });

  it("two tabs at different points finish together: one write, and both hold the first result", async () => {
    const jar = await startedJar();
    await answerFirst(jar, 1);
    const behind = jar.value;
    await answerFirst(jar, 2); // the second item, in the other tab
    const { kv, calls } = countingKv();
    const tabs = [new CookieJar(), new CookieJar()];
    [tabs[0] as CookieJar].forEach((tab) => {
      tab.value = jar.value;
    });
    (tabs[1] as CookieJar).value = behind;
    const results = await Promise.all(tabs.map((tab) => postForm(tab, "/quiz/finish", {}, { SCORES: kv })));
    expect(results.map((res) => res.status)).toEqual([303, 303]);
    expect(calls).toEqual(["get", "put"]);
    const opened = await Promise.all(tabs.map((tab) => openToken(tab.value ?? "", env.QUIZ_SECRET)));
    const states = opened.map((o) => (o.ok ? o.state : null));
    expect(states[0]).not.toBeNull();
    expect(states[0]).toEqual(states[1]);
  });

  it("the JSON API coalesces too: two finishes of one token, one put, equal bodies", async () => {
    const started = (await (await call("/api/v1/attempts", { method: "POST" })).json()) as { token: string };
    const item = pack.itemById.get((await attemptItemIds(started.token))[0] ?? "");
    if (!item) throw new Error("no items");
    const answered = await call("/api/v1/attempts/answer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: started.token, itemId: item.id, answer: "verified" }),
    });
    const { token } = (await answered.json()) as { token: string };
    const { kv, calls } = countingKv();
    const finish = () =>
      call(
        "/api/v1/attempts/finish",
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) },
        { SCORES: kv },
      ).then((res) => res.json());
    const [a, b] = await Promise.all([finish(), finish()]);
    expect(a).toEqual(b);
    expect(calls).toEqual(["get", "put"]);
  });
});

describe("separate keys for quiz tokens and teacher cookies (HKDF from QUIZ_SECRET)", () => {
  it("derives different keys for the two purposes, neither equal to the raw secret's", async () => {
    const payload = { kind: "quiz", x: 1 };
    const exp = Math.floor(Date.now() / 1000) + 60;
    const quiz = await signToken(payload, await deriveSigningKey(env.QUIZ_SECRET, "quiz-token"), exp);
    const teacher = await signToken(payload, await deriveSigningKey(env.QUIZ_SECRET, "teacher-cookie"), exp);
    const raw = await signToken(payload, env.QUIZ_SECRET, exp);
    expect(new Set([quiz, teacher, raw]).size).toBe(3);
    const now = Math.floor(Date.now() / 1000);
    const asTeacher = await verifyToken(quiz, await deriveSigningKey(env.QUIZ_SECRET, "teacher-cookie"), now);
    expect(asTeacher).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("a teacher cookie never opens as a quiz token, and a quiz token never as a teacher cookie", async () => {
    const { code } = await createClass();
    const record = await getClass(env.SCORES, code);
    if (!record) throw new Error("no class");
    const cookie = await teacherCookie(record, env.QUIZ_SECRET);
    expect(await cookieOpens(cookie.token, record, env.QUIZ_SECRET)).toBe(true);
    expect(await openToken(cookie.token, env.QUIZ_SECRET)).toEqual({ ok: false, reason: "bad-signature" });

    // A quiz-key token with the teacher cookie's exact payload is refused as a cookie.
    const payload = { kind: "teacher", code: record.code, k: record.keyHash.slice(0, 16) };
    const forged = await signToken(payload, await quizKey(env.QUIZ_SECRET), Math.floor(Date.now() / 1000) + 600);
    expect(await cookieOpens(forged, record, env.QUIZ_SECRET)).toBe(false);
  });
});
