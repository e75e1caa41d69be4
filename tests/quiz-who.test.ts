/**
 * "Who says so?" in the public quiz (issue 20, item 3): the choices planned over the pack, the option
 * on the start page, the radios in the answer form, both parts in the feedback and the attribution
 * score apart on the result; the same as JSON; inside workerd with real KV.
 */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sourcePack as pack } from "../src/content/source";
import { attributed, voiceOf } from "../src/content/voices";
import { idHash, overlap, planWho, publicSeeds, type WhoChoices } from "../src/domain/who-says";
import { AnswerResponse, AttemptResultBody, AttemptStarted, Problem } from "../src/routes/api/schemas";
import { openToken } from "../src/services/quiz-token";
import { whoPlanOf, whoSeeds } from "../src/services/who-says";
import { ATTEMPT_PREFIX, type AttemptMetadata } from "../src/store/attempts";
import { createClass, join } from "./class-helpers";
import { attemptItemIds, CookieJar, escapeHtml, getPage, location, postForm, postJson } from "./quiz-helpers";

beforeEach(async () => {
  await reset();
});

const attributedItems = pack.items.map((item) => attributed(item.id, item.claimant, item.name));
const ids = pack.items.map((item) => item.id);
/** The plan the Worker serves with the tests' secret (the pages and the JSON must show it). */
let plan: Map<string, WhoChoices>;
beforeAll(async () => {
  plan = await whoPlanOf(env);
});

/** An item's choices by its public id or its name in content/. */
function choicesOf(id: string) {
  const choices = plan.get(pack.itemById.get(id)?.id ?? id);
  if (!choices) throw new Error(`no choices for ${id}`);
  const right = choices.choices[choices.right];
  const wrong = choices.choices.find((_, index) => index !== choices.right);
  if (!right || !wrong) throw new Error(`too few choices for ${id}`);
  return { ...choices, rightVoice: right, wrongVoice: wrong };
}

function verdictOf(id: string) {
  const item = pack.itemById.get(id);
  if (!item) throw new Error(`no item ${id}`);
  return item.verdict;
}

async function stateOf(token: CookieJar | string) {
  const raw = token instanceof CookieJar ? token.value : token;
  const opened = await openToken(raw ?? undefined, env.QUIZ_SECRET);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.state;
}

/** A public attempt started from the start page, with "Also ask who says so" ticked or not. */
async function started(who: boolean): Promise<{ jar: CookieJar; ids: string[] }> {
  const jar = new CookieJar();
  expect(location(await postForm(jar, "/quiz/start", who ? { who: "1" } : {}))).toBe("/quiz/estimate");
  return { jar, ids: await attemptItemIds(jar) };
}

describe("the choices over the pack", () => {
  it("knows every claimant of the pack (none falls back to its raw name)", () => {
    const unknown = pack.items.filter((item) => !voiceOf(item.claimant).known).map((item) => item.id);
    expect(unknown).toEqual([]);
  });

  it("gives every item three choices, no two that could both be right, the right one its claimant's voice, no camp its claimant names", () => {
    for (const item of pack.items) {
      const { choices, right } = choicesOf(item.id);
      expect(choices, item.id).toHaveLength(3);
      expect(new Set(choices.map((v) => v.key)).size, item.id).toBe(3);
      expect(new Set(choices.map((v) => v.label)).size, item.id).toBe(3);
      for (const a of choices) for (const b of choices) if (a !== b) expect(overlap(a, b), item.id).toBe(false);
      expect(choices[right]?.key, item.id).toBe(voiceOf(item.claimant).key);
      const avoid = attributed(item.id, item.claimant, item.name).avoid ?? [];
      for (const voice of choices) if (voice !== choices[right]) expect(avoid, item.id).not.toContain(voice.camp);
      // Every wrong choice is the voice of some other item: a name the report quotes, never made up.
      for (const voice of choices) {
        expect(pack.items.some((other) => voiceOf(other.claimant).key === voice.key)).toBe(true);
      }
    }
  });

  it("gives a claimant the table does not know its name up to any aside, never beside its camp's voices", () => {
    const reporter = voiceOf({ name: "The Guardian (its own assessment)", kind: "reporters" });
    expect(reporter).toMatchObject({ label: "The Guardian", camp: "press", known: false });
    expect(voiceOf({ name: "Someone new: a sketch", kind: "party" }).label).toBe("Someone new");
    expect(voiceOf({ name: "Anything at all", kind: "unattributed" })).toMatchObject({ key: "no-one", known: true });
  });

  it("never offers an unattributed claim's half-named speaker (the researcher, the outlet, the ministry, Podoliak)", () => {
    const keys = (id: string) => choicesOf(id).choices.map((v) => v.key);
    expect(keys("members-in-the-hundreds")).not.toContain("colborne");
    expect(keys("members-in-the-hundreds")).not.toContain("reporters");
    expect(keys("air-strikes-and-artillery")).not.toContain("ru-ministry");
    expect(keys("podoliak-named-guerrillas")).not.toContain("ua-government");
    expect(keys("legion-gave-reasons")).not.toContain("nyt");
  });

  it("spreads the right one's position over 1, 2 and 3 (a third each, to one)", () => {
    const counts = [0, 0, 0];
    for (const item of pack.items) counts[choicesOf(item.id).right] = (counts[choicesOf(item.id).right] ?? 0) + 1;
    const n = pack.items.length;
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(Math.floor(n / 3));
      expect(count).toBeLessThanOrEqual(Math.ceil(n / 3));
    }
  });

  it("is stable: the Worker's plan (from the item texts file) is the source's keyed by the secret, in any item order", async () => {
    const seeds = await whoSeeds(env.QUIZ_SECRET, ids);
    expect(Object.fromEntries(plan)).toEqual(Object.fromEntries(planWho(attributedItems, seeds)));
    expect(Object.fromEntries(planWho([...attributedItems].reverse(), seeds))).toEqual(Object.fromEntries(plan));
    // Planned once per isolate and secret: a second call is the same map, not a new one.
    expect(await whoPlanOf(env)).toBe(plan);
  });
});

describe("the right one's position is keyed by the secret (the ids are public)", () => {
  const rights = (p: ReadonlyMap<string, WhoChoices>) => ids.map((id) => p.get(id)?.right);
  const differ = (a: ReadonlyMap<string, WhoChoices>, b: ReadonlyMap<string, WhoChoices>) =>
    rights(a).filter((right, index) => right !== rights(b)[index]).length;
  const withSecret = (secret: string): Env => ({ ...env, QUIZ_SECRET: secret });

  it("is not the order of the ids' public hash, and another secret gives another order", async () => {
    const publicPlan = planWho(attributedItems, publicSeeds(attributedItems));
    const other = await whoPlanOf(withSecret("another-secret-for-the-who-test"));
    // Measured over the 50 items: 28 differ from the public order, 42 between the two secrets (two
    // thirds, 33, by chance); 0 from the public order when the id hash placed the right one.
    expect(differ(plan, publicPlan)).toBeGreaterThanOrEqual(ids.length / 3);
    expect(differ(plan, other)).toBeGreaterThanOrEqual(ids.length / 3);
    // The same three choices, only the right one moved.
    for (const id of ids) {
      const keys = (p: ReadonlyMap<string, WhoChoices>) => (p.get(id)?.choices ?? []).map((v) => v.key).sort();
      expect(keys(other), id).toEqual(keys(plan));
    }
    // The seeds are the HMAC's, not the id hash.
    const seeds = await whoSeeds(env.QUIZ_SECRET, ids);
    expect(ids.filter((id) => seeds.get(id) === idHash(id))).toEqual([]);
  });

  it("without a usable secret falls back to the public order (every route that uses it answers 503 first)", async () => {
    const publicPlan = planWho(attributedItems, publicSeeds(attributedItems));
    expect(Object.fromEntries(await whoPlanOf(withSecret("short")))).toEqual(Object.fromEntries(publicPlan));
    const res = await postJson("/api/v1/attempts", { who: true }, { QUIZ_SECRET: "short" });
    expect(res.status).toBe(503);
  });
});

describe("the option on the start page", () => {
  it("is a checkbox in the Start form, off by default", async () => {
    const html = await (await getPage(new CookieJar(), "/quiz")).text();
    const form = html.slice(html.indexOf('<form method="post" action="/quiz/start">'));
    expect(form.slice(0, form.indexOf("</form>"))).toContain(
      '<input type="checkbox" name="who" value="1"/>Also ask who says so',
    );
    expect(html).not.toContain("checked");
  });

  it("ticked, the attempt carries it (one “not said” per statement); left off, it does not", async () => {
    const on = await started(true);
    expect((await stateOf(on.jar)).who).toBe("-".repeat(on.ids.length));
    const off = await started(false);
    expect((await stateOf(off.jar)).who).toBeUndefined();
  });
});

/** gzip size of a text, as CompressionStream makes it (the bench uses gzip -9: a little smaller). */
async function gzipBytes(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

// The stylesheet the pages link, as served.
const stylesheets = import.meta.glob<string>("../public/assets/*.css", {
  query: "?text",
  import: "default",
  eager: true,
});

describe("the question page and the answer", () => {
  it("stays within the question page's 14 KB budget with its stylesheet when it asks who says so", async () => {
    const { jar } = await started(true);
    const html = await (await getPage(jar, "/quiz/q/1")).text();
    const fieldset = /<fieldset class="sure"><legend>Who says so\?.*?<\/fieldset>/.exec(html)?.[0] ?? "";
    expect(fieldset).toContain('name="who"');
    const css = Object.values(stylesheets)[0] ?? "";
    const withWho = await gzipBytes(html);
    const without = await gzipBytes(html.replace(fieldset, ""));
    // Measured: 103 bytes of gzip for the three choices, on a page of 1,619 (HTML) + 3,664 (CSS).
    expect(withWho - without).toBeLessThan(200);
    expect(withWho + (await gzipBytes(css))).toBeLessThanOrEqual(14 * 1024);
  });

  it("asks who says so with the item's three choices, in their order, in the verdict's form, none picked", async () => {
    const { jar, ids } = await started(true);
    const [first = ""] = ids;
    const html = await (await getPage(jar, "/quiz/q/1")).text();
    expect(html).toContain("Who says so? Pick one, or skip it.");
    const form = html.slice(html.indexOf('<form method="post" action="/quiz/answer"'), html.indexOf("</form>"));
    const shown = [...form.matchAll(/name="who" value="([^"]+)"\/>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(shown).toEqual(choicesOf(first).choices.map((v) => [v.key, escapeHtml(v.label)]));
    expect(form.indexOf('name="who"')).toBeLessThan(form.indexOf('name="answer"'));
    expect(html).not.toContain("checked");
  });

  it("is not asked when the option is off", async () => {
    const { jar } = await started(false);
    const html = await (await getPage(jar, "/quiz/q/1")).text();
    expect(html).not.toContain('name="who"');
    expect(html).not.toContain("Who says so?");
  });

  it("keeps the pick with the answer, and the feedback shows both parts", async () => {
    const { jar, ids } = await started(true);
    const [a = "", b = "", c = ""] = ids;
    // Right verdict, right voice.
    await postForm(jar, "/quiz/answer", { item: a, answer: verdictOf(a), who: choicesOf(a).rightVoice.key });
    const right = await (await getPage(jar, `/quiz/feedback/${a}`)).text();
    expect(right).toContain("Right: it is");
    expect(right).toContain(
      `Who says so: you said <strong>${escapeHtml(choicesOf(a).rightVoice.label)}</strong>. Right.`,
    );
    // Right verdict, wrong voice: the verdict is still right, the attribution is not.
    await postForm(jar, "/quiz/answer", { item: b, answer: verdictOf(b), who: choicesOf(b).wrongVoice.key });
    const wrong = await (await getPage(jar, `/quiz/feedback/${b}`)).text();
    expect(wrong).toContain("Right: it is");
    expect(wrong).toContain(
      `Who says so: you said <strong>${escapeHtml(choicesOf(b).wrongVoice.label)}</strong>; it was <strong>${escapeHtml(choicesOf(b).rightVoice.label)}</strong>.`,
    );
    // Skipped: "not said".
    await postForm(jar, "/quiz/answer", { item: c, answer: verdictOf(c) });
    const skipped = await (await getPage(jar, `/quiz/feedback/${c}`)).text();
    expect(skipped).toContain(
      `Who says so: you did not say; it was <strong>${escapeHtml(choicesOf(c).rightVoice.label)}</strong>.`,
    );
    const state = await stateOf(jar);
    expect(state.who?.slice(0, 3)).toBe(
      `${choicesOf(a).right}${choicesOf(b).choices.indexOf(choicesOf(b).wrongVoice)}-`,
    );
  });

  it("the first pick stands, as the first answer does", async () => {
    const { jar, ids } = await started(true);
    const [a = ""] = ids;
    await postForm(jar, "/quiz/answer", { item: a, answer: verdictOf(a), who: choicesOf(a).rightVoice.key });
    const again = await postForm(jar, "/quiz/answer", {
      item: a,
      answer: verdictOf(a),
      who: choicesOf(a).wrongVoice.key,
    });
    expect(location(again)).toBe(`/quiz/feedback/${a}?again=1`);
    expect((await stateOf(jar)).who?.[0]).toBe(String(choicesOf(a).right));
  });

  for (const [name, option, who] of [
    ["an unknown choice", true, "nobody-at-all"],
    ["another statement's voice not among this one's choices", true, null],
    ["a pick when the option is off", false, "reporters"],
  ] as const) {
    it(`refuses ${name} with a 400 page and records nothing`, async () => {
      const { jar, ids } = await started(option);
      const [a = ""] = ids;
      const outside = pack.items
        .map((i) => voiceOf(i.claimant).key)
        .find((k) => !choicesOf(a).choices.some((v) => v.key === k));
      const before = jar.value;
      const res = await postForm(jar, "/quiz/answer", { item: a, answer: "verified", who: who ?? outside ?? "" });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("one of the three names shown");
      expect(jar.value).toBe(before);
    });
  }
});

describe("the result: the attribution score apart", () => {
  /** A whole form as pages: every verdict right, the right voice on the first `named` statements, a wrong one on the rest. */
  async function playForm(named: number) {
    const { jar, ids } = await started(true);
    for (const [index, id] of ids.entries()) {
      const { rightVoice, wrongVoice } = choicesOf(id);
      await postForm(jar, "/quiz/answer", {
        item: id,
        answer: verdictOf(id),
        who: (index < named ? rightVoice : wrongVoice).key,
      });
    }
    expect(location(await postForm(jar, "/quiz/finish"))).toBe("/quiz/result");
    return { jar, ids, html: await (await getPage(jar, "/quiz/result")).text() };
  }

  it("says how often the reader named who says so, not mixed into the verdict score", async () => {
    const { html, ids } = await playForm(6);
    expect(html).toContain(`${ids.length} of ${ids.length} right`);
    expect(html).toContain(`<p class="reading">You named who says so 6 of ${ids.length} times.</p>`);
    expect(html.indexOf("You named who says so")).toBeLessThan(html.indexOf("<h2>Your misses</h2>"));
    // Every verdict right: no misses, whatever the attribution.
    expect(html).toContain("None: every answer you gave was right.");
    // "Play again" keeps the option on.
    expect(html).toContain(
      '<input type="hidden" name="who" value="1"/><button type="submit" class="secondary">Play again',
    );
  });

  it("is absent when the option was off", async () => {
    const { jar, ids } = await started(false);
    const [a = ""] = ids;
    await postForm(jar, "/quiz/answer", { item: a, answer: verdictOf(a) });
    await postForm(jar, "/quiz/finish");
    const html = await (await getPage(jar, "/quiz/result")).text();
    expect(html).toContain("1 of 1 right");
    expect(html).not.toContain("You named who says so");
    expect(html).not.toContain('name="who"');
  });

  it("is stored with the record, in pack order, and “10 more” keeps the option", async () => {
    const { jar, ids } = await playForm(10);
    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    const stored = keys[0]?.metadata?.who ?? "";
    expect(stored).toHaveLength(pack.items.length);
    for (const [index, item] of pack.items.entries()) {
      expect(stored[index]).toBe(ids.includes(item.id) ? String(choicesOf(item.id).right) : "-");
    }
    expect(location(await postForm(jar, "/quiz/more"))).toBe("/quiz/estimate");
    const next = await stateOf(jar);
    expect(next.form?.index).toBe(1);
    expect(next.who).toBe("-".repeat(next.items.length));
  });
});

describe("the same as JSON", () => {
  async function problem(res: Response, status: number, field: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    expect(body.field).toBe(field);
    return body;
  }

  async function start(body: object) {
    const res = await postJson("/api/v1/attempts", body);
    expect(res.status).toBe(201);
    return AttemptStarted.parse(await res.json());
  }

  it("a start with who: true offers each statement's choices; answers take a key and return both parts", async () => {
    const attempt = await start({ who: true });
    expect(attempt.who).toBe(true);
    const first = choicesOf(attempt.next.id);
    expect(attempt.next.who?.choices).toEqual(first.choices.map(({ key, label }) => ({ key, label })));
    const res = await postJson("/api/v1/attempts/answer", {
      token: attempt.token,
      itemId: attempt.next.id,
      answer: verdictOf(attempt.next.id),
      who: first.wrongVoice.key,
    });
    expect(res.status).toBe(200);
    const one = AnswerResponse.parse(await res.json());
    const result = one.result as { correct: boolean; who?: unknown };
    expect(result.correct).toBe(true);
    expect(result.who).toEqual({
      picked: { key: first.wrongVoice.key, label: first.wrongVoice.label },
      right: { key: first.rightVoice.key, label: first.rightVoice.label },
      correct: false,
    });
    expect(one.next?.who?.choices).toHaveLength(3);
    const second = one.next?.id ?? "";
    const two = AnswerResponse.parse(
      await (
        await postJson("/api/v1/attempts/answer", {
          token: one.token,
          itemId: second,
          answer: verdictOf(second),
          who: choicesOf(second).rightVoice.key,
        })
      ).json(),
    );
    const finish = await postJson("/api/v1/attempts/finish", { token: two.token });
    const body = AttemptResultBody.parse(await finish.json());
    expect(body.correct).toBe(2);
    expect(body.who).toEqual({ named: 1, asked: 2, line: "You named who says so 1 of 2 times." });
    expect(body.review.slice(0, 3).map((line) => line.who)).toEqual([
      { picked: first.wrongVoice.key, right: first.rightVoice.key },
      { picked: choicesOf(second).rightVoice.key, right: choicesOf(second).rightVoice.key },
      // Not answered: the right speaker is held back with the verdict.
      { picked: null, right: null },
    ]);
    expect(body.review[2]).toMatchObject({ answer: null, verdict: null, correct: null });
  });

  it("a start without it asks nothing: no choices, and the result's who is null", async () => {
    const attempt = await start({});
    expect(attempt.who).toBe(false);
    expect(attempt.next.who).toBeUndefined();
    const one = AnswerResponse.parse(
      await (
        await postJson("/api/v1/attempts/answer", { token: attempt.token, itemId: attempt.next.id, answer: "verified" })
      ).json(),
    );
    expect((one.result as { who?: unknown }).who).toBeUndefined();
    const body = AttemptResultBody.parse(
      await (await postJson("/api/v1/attempts/finish", { token: one.token })).json(),
    );
    expect(body.who).toBeNull();
    expect(body.review[0]?.who).toBeUndefined();
    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    expect(keys[0]?.metadata?.who).toBeUndefined();
  });

  it("refuses a start whose who is not a boolean (400, body.who)", async () => {
    const body = await problem(await postJson("/api/v1/attempts", { who: "yes" }), 400, "body.who");
    expect(body.detail).toBe("body.who: must be a boolean");
  });

  for (const [name, option, who, status, slug] of [
    ["the wrong type", true, 2, 400, "invalid-body"],
    ["not a key", true, "Ukraine's government", 400, "invalid-body"],
    ["not one of the statement's choices", true, "not-a-voice", 422, "who-not-a-choice"],
    ["sent when the option is off", false, "reporters", 422, "who-not-asked"],
  ] as const) {
    it(`refuses a who that is ${name} (${status}, body.who) and records nothing`, async () => {
      const attempt = await start({ who: option });
      const res = await postJson("/api/v1/attempts/answer", {
        token: attempt.token,
        itemId: attempt.next.id,
        answer: "verified",
        who,
      });
      const body = await problem(res, status, "body.who");
      expect(body.type).toContain(slug);
      // The token sent is untouched: the same statement still takes its first answer.
      const ok = await postJson("/api/v1/attempts/answer", {
        token: attempt.token,
        itemId: attempt.next.id,
        answer: "verified",
      });
      expect(AnswerResponse.parse(await ok.json()).repeated).toBe(false);
    });
  }

  it("an answer with a who in a class not set to ask it is a 422 naming body.who; without it the answer is taken", async () => {
    const { code } = await createClass();
    await join(code, { nickname: "Who Wen" });
    const joined = await postJson(`/api/v1/classes/${code}/students`, { nickname: "Json Jo" });
    const { token, next } = (await joined.json()) as { token: string; next: { id: string; who?: unknown } };
    expect(next.who).toBeUndefined();
    const res = await postJson("/api/v1/attempts/answer", {
      token,
      itemId: next.id,
      answer: "verified",
      who: "reporters",
    });
    const body = await problem(res, 422, "body.who");
    // The class setting is off (tests/class-who.test.ts has it on): the attempt does not ask it.
    expect(body.type).toContain("who-not-asked");
    const ok = await postJson("/api/v1/attempts/answer", { token, itemId: next.id, answer: "verified" });
    expect(ok.status).toBe(200);
  });
});
