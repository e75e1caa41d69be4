/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import cardsJson from "../content/cards.json";
import itemsJson from "../content/items.json";
import infoJson from "../content/pack.json";
import { articleLines, countOccurrences, locateQuote, sentenceBounds } from "../src/content/article";
import { pack } from "../src/content/pack";
import { MAX_CARD_WORDS, MIN_VERDICT_SHARE, type PackFiles, sha256Hex, validatePack } from "../src/content/validate";

// The shared source sits beside the repository (../shared from the repo root); {} when it is absent.
const sharedSource = import.meta.glob<string>("../../shared/source/*.txt", {
  query: "?raw",
  import: "default",
  eager: true,
});

const CAPTIONS_AND_HEADINGS = [
  "Portal/Russian Defense Minister Russian Defense Minister Sergei Shoigu",
  "Moscow: bombings and explosions",
  "Portal/Telegram/Governor of Belgorod Region A destroyed house in Belgorod",
  "Ukraine: intra-Russian crisis",
  "AP destruction in Belgorod",
  "“Anti-terrorist operation” ended in Belgorod",
  "More attacks announced",
  "Repeated sabotage in Russia",
  "limited influence",
];

type RawItem = Record<string, unknown> & { id: string; verdict: string };
type RawCard = Record<string, unknown> & { slug: string; body: string[] };

/** A fresh, deep copy of the real pack's files, to break one thing at a time. */
function copyOfPack() {
  return {
    info: structuredClone(infoJson) as Record<string, unknown>,
    items: structuredClone(itemsJson) as unknown as RawItem[],
    cards: structuredClone(cardsJson) as unknown as RawCard[],
    article: pack.article,
  } satisfies PackFiles;
}

function firstItem(files: ReturnType<typeof copyOfPack>): RawItem {
  const item = files.items[0];
  if (!item) throw new Error("the pack has no items");
  return item;
}

function firstCard(files: ReturnType<typeof copyOfPack>): RawCard {
  const card = files.cards[0];
  if (!card) throw new Error("the pack has no cards");
  return card;
}

const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");

describe("the real pack", () => {
  it("validates with no errors", async () => {
    expect(await validatePack(copyOfPack())).toEqual([]);
  });

  it("ships an article identical to the source named in pack.json", async () => {
    expect(await sha256Hex(pack.article)).toBe(infoJson.source.sha256);
  });

  // On a machine without the shared folder only the pack.json hash (above) can be checked: reported as skipped.
  const shared = Object.entries(sharedSource).find(([path]) => path.endsWith("/belgorod-article.txt"))?.[1];
  it.skipIf(shared === undefined)("ships an article identical to ../shared/source/belgorod-article.txt", async () => {
    expect(await sha256Hex(shared ?? "")).toBe(infoJson.source.sha256);
    expect(shared).toBe(pack.article);
  });

  it("has a card for every item and a located quote for every item", () => {
    for (const item of pack.items) {
      expect(pack.cardBySlug.has(item.lesson), item.id).toBe(true);
      const line = pack.lines.find((l) => l.index === item.location.line);
      expect(line?.text.slice(item.location.start, item.location.end), item.id).toBe(item.quote);
    }
  });
});

describe("each content check fails on a broken copy of the pack, naming file and field", () => {
  async function errorsAfter(breakIt: (files: ReturnType<typeof copyOfPack>) => void) {
    const files = copyOfPack();
    breakIt(files);
    return validatePack(files);
  }

  it("a quote cut mid-sentence", async () => {
    let id = "";
    const errors = await errorsAfter((f) => {
      const item = firstItem(f);
      id = item.id;
      item.quote = "Shoigu on Wednesday reiterated claims the day before";
    });
    expect(errors).toEqual([
      `items.json: items[0] (id "${id}").quote: is not whole sentences of one paragraph (it starts or ends mid-sentence)`,
    ]);
  });

  it("a quote that matches more than one place", async () => {
    expect(countOccurrences(pack.article, "Russian Volunteer Corps")).toBe(3);
    const errors = await errorsAfter((f) => {
      firstItem(f).quote = "Russian Volunteer Corps";
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^items\.json: items\[0\] \(id "[^"]+"\)\.quote: matches more than one place/);
  });

  it("a quote from a caption or heading line", async () => {
    const errors = await errorsAfter((f) => {
      firstItem(f).quote = "Moscow: bombings and explosions";
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^items\.json: items\[0\] \(id "[^"]+"\)\.quote: comes from a photo-caption or heading line/,
    );
  });

  it("a quote that is not in the article word for word", async () => {
    const errors = await errorsAfter((f) => {
      firstItem(f).quote = "The information can be independently verified.";
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\.quote: is not in the article word for word$/);
  });

  it("a repeated id", async () => {
    let id = "";
    const errors = await errorsAfter((f) => {
      id = firstItem(f).id;
      const second = f.items[1];
      if (second) second.id = id;
    });
    expect(errors).toEqual([`items.json: items[1] (id "${id}").id: repeats an earlier item's id`]);
  });

  it("a repeated card slug", async () => {
    let slug = "";
    const errors = await errorsAfter((f) => {
      slug = firstCard(f).slug;
      const second = f.cards[1];
      if (second) second.slug = slug;
    });
    expect(errors).toContain(`cards.json: cards[1] (slug "${slug}").slug: repeats an earlier card's slug`);
    // The items that taught the renamed card now name no card; nothing else may go wrong.
    expect(errors.filter((e) => !/\.lesson: names no card/.test(e))).toHaveLength(1);
  });

  it("a lesson that names no card", async () => {
    const errors = await errorsAfter((f) => {
      firstItem(f).lesson = "no-such-card";
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^items\.json: items\[0\] \(id "[^"]+"\)\.lesson: names no card \("no-such-card"\)$/);
  });

  it("a missing field in an item, a card and pack.json", async () => {
    const itemErrors = await errorsAfter((f) => {
      delete firstItem(f).check;
    });
    expect(itemErrors).toHaveLength(1);
    expect(itemErrors[0]).toMatch(/^items\.json: items\[0\] \(id "[^"]+"\)\.check: /);

    const cardErrors = await errorsAfter((f) => {
      delete firstCard(f).reviewed;
    });
    expect(cardErrors).toHaveLength(1);
    expect(cardErrors[0]).toMatch(/^cards\.json: cards\[0\] \(slug "[^"]+"\)\.reviewed: /);

    const infoErrors = await errorsAfter((f) => {
      delete f.info.version;
    });
    expect(infoErrors).toHaveLength(1);
    expect(infoErrors[0]).toMatch(/^pack\.json: version: /);
  });

  it("an explanation over 60 words (60 pass)", async () => {
    expect(
      await errorsAfter((f) => {
        firstItem(f).explanation = words(60);
      }),
    ).toEqual([]);
    const errors = await errorsAfter((f) => {
      firstItem(f).explanation = words(61);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^items\.json: items\[0\] \(id "[^"]+"\)\.explanation: must be at most 60 words$/);
  });

  it(`a card over ${MAX_CARD_WORDS} words (${MAX_CARD_WORDS} pass)`, async () => {
    expect(
      await errorsAfter((f) => {
        firstCard(f).body = [words(60), words(MAX_CARD_WORDS - 60)];
      }),
    ).toEqual([]);
    const errors = await errorsAfter((f) => {
      firstCard(f).body = [words(60), words(MAX_CARD_WORDS - 59)];
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cards\.json: cards\[0\] \(slug "[^"]+"\)\.body: 121 words, more than 120$/);
  });

  it("verdicts out of balance (under 40% for one side; exactly 40% passes)", async () => {
    const total = itemsJson.length;
    const floor = Math.ceil(MIN_VERDICT_SHARE * total); // the fewest items a verdict may have
    /** Turns verified items into unverified ones until only `keep` are verified. */
    const keepVerified = (keep: number) => (f: ReturnType<typeof copyOfPack>) => {
      let verified = f.items.filter((i) => i.verdict === "verified").length;
      for (const item of f.items) {
        if (verified > keep && item.verdict === "verified") {
          item.verdict = "unverified";
          verified--;
        }
      }
    };
    expect(await errorsAfter(keepVerified(floor))).toEqual([]);
    expect(await errorsAfter(keepVerified(floor - 1))).toEqual([
      `items.json: only ${floor - 1} of ${total} items are verified; each verdict needs at least 40%`,
    ]);
  });

  it("an article copy that differs by one character", async () => {
    const errors = await errorsAfter((f) => {
      f.article = f.article.replace("limited influence", "limited Influence");
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^belgorod-article\.txt: differs from the source \(sha256 [0-9a-f]{64}, pack\.json/);
  });
});

describe("the article's lines and sentences", () => {
  const lines = articleLines(pack.article);
  const line = (index: number) => lines.find((l) => l.index === index)?.text ?? "";

  it("has 9 caption or heading lines, and every other line is body text", () => {
    const captions = lines.filter((l) => l.kind === "caption-or-heading").map((l) => l.text);
    expect(captions).toEqual(CAPTIONS_AND_HEADINGS);
    expect(lines).toHaveLength(26);
    expect(lines.filter((l) => l.kind === "body")).toHaveLength(26 - 9);
  });

  it("finds sentence bounds after a full stop", () => {
    const text = line(0);
    expect(text.startsWith("Shoigu on Wednesday")).toBe(true);
    const { starts, ends } = sentenceBounds(text);
    const second = text.indexOf("The information");
    const third = text.indexOf("According to the Defense Ministry");
    expect([...starts].sort((a, b) => a - b)).toEqual([0, second, third]);
    expect([...ends].sort((a, b) => a - b)).toEqual([second - 1, third - 1, text.length]);
  });

  it("finds sentence bounds around quotation marks", () => {
    const text = line(19);
    expect(text.startsWith("“I don’t know")).toBe(true);
    const { starts } = sentenceBounds(text);
    expect([...starts].sort((a, b) => a - b)).toEqual([
      0,
      text.indexOf("The Russian-Ukrainian"),
      text.indexOf("“There will be"),
      text.indexOf("The RVC"),
    ]);
  });

  it("does not split where the source lost a full stop", () => {
    // "…any responsibility Deputy Defense Minister…": the translation dropped the stop, so this is one sentence.
    const text = line(9);
    const { starts } = sentenceBounds(text);
    expect(starts.has(text.indexOf("Deputy Defense Minister"))).toBe(false);
    expect(starts.has(text.indexOf("Ukraine rejects"))).toBe(true);
  });

  it("locates a whole-sentence quote by line and offsets", () => {
    const quote = "People were not harmed, Gladkow continued.";
    const found = locateQuote(lines, pack.article, quote);
    expect(found).toEqual({
      ok: true,
      location: { line: 1, start: line(1).indexOf(quote), end: line(1).indexOf(quote) + quote.length },
    });
  });

  it("counts overlapping occurrences", () => {
    expect(countOccurrences("aaa", "aa")).toBe(2);
    expect(countOccurrences(pack.article, "Artemovsk")).toBe(2);
  });
});
