/**
 * @module static-pages: the pages that are the same for everyone and change only with a deploy
 * — the start page, the cards, the lesson plan and the privacy page — rendered at build time by `npm run prerender` into public/
 * and served as static assets, so they cost the Worker neither bundle bytes nor CPU.
 * Not imported by the Worker; tests/static-pages.test.ts fails when public/ is stale.
 */

import { PROSE_PATH, type ProseFile } from "./content/prose";
import { sourcePack as pack } from "./content/source";
import { ITEM_TEXTS_PATH, type ItemTextsFile } from "./content/texts";
import { CLASS_TTL_SECONDS } from "./domain/class";
import { CARD_LIST_PATH, cardDetailOf, cardFile, cardListFile } from "./routes/api/card-json";
import { SECURITY_HEADERS } from "./routes/security-headers";
import { TOKEN_LIFETIME_SECONDS } from "./services/quiz-token";
import { TEACHER_SESSION_SECONDS } from "./services/teacher-auth";
import { ATTEMPT_TTL_SECONDS } from "./store/attempts";
import { REPORT_TTL_SECONDS } from "./store/reports";
import { CardListPage, CardPage } from "./views/cards";
import { CorrectionsIntro } from "./views/corrections-intro";
import { HomePage } from "./views/home";
import { LessonPlanPage } from "./views/lesson-plan";
import { PrivacyPage } from "./views/privacy";

const DAY = 24 * 60 * 60;

/** The privacy page states the retention the stores and cookies really use. */
function privacyPage() {
  return (
    <PrivacyPage
      attemptDays={ATTEMPT_TTL_SECONDS / DAY}
      classDays={CLASS_TTL_SECONDS / DAY}
      reportDays={REPORT_TTL_SECONDS / DAY}
      quizCookieHours={TOKEN_LIFETIME_SECONDS / 3600}
      teacherCookieDays={TEACHER_SESSION_SECONDS / DAY}
    />
  );
}

/** The cards the lesson plan opens and closes with. */
function cardLink(slug: string) {
  const card = pack.cards.find((c) => c.slug === slug);
  return card ? { slug: card.slug, title: card.title } : undefined;
}

/** The lesson plan: every statement without its verdict (the key is on a class's teacher pages). */
function lessonPlan() {
  return (
    <LessonPlanPage
      statements={pack.listed.map(({ id, statement, quote }) => ({ id, statement, quote }))}
      warmUp={cardLink("attribution")}
      wrapUp={cardLink("unverified-is-not-false")}
    />
  );
}

/** One file under public/: its path there, the URL it answers, and its contents. */
export interface StaticFile {
  file: string;
  url: string;
  body: string;
}

/** Every prerendered page. */
export function staticPages(): StaticFile[] {
  const home = <HomePage firstCard={pack.cards[0]} cardCount={pack.cards.length} itemCount={pack.items.length} />;
  const cards = pack.cards.map((card, index) => {
    const page = (
      <CardPage
        card={card}
        position={index + 1}
        total={pack.cards.length}
        previous={pack.cards[index - 1]}
        next={pack.cards[index + 1]}
      />
    );
    return { file: `cards/${card.slug}.html`, url: `/cards/${card.slug}`, body: String(page) };
  });
  return [
    { file: "index.html", url: "/", body: String(home) },
    { file: "cards/index.html", url: "/cards", body: String(<CardListPage cards={pack.cards} />) },
    { file: "privacy.html", url: "/privacy", body: String(privacyPage()) },
    { file: "teach/lesson.html", url: "/teach/lesson", body: String(lessonPlan()) },
    { file: ITEM_TEXTS_PATH.slice(1), url: ITEM_TEXTS_PATH, body: `${JSON.stringify(itemTextsFile())}\n` },
    { file: PROSE_PATH.slice(1), url: PROSE_PATH, body: `${JSON.stringify(proseFile())}\n` },
    { file: CARD_LIST_PATH.slice(1), url: CARD_LIST_PATH, body: `${JSON.stringify(cardListFile(pack))}\n` },
    ...pack.cards.map((card) => ({
      file: cardFile(card.slug).slice(1),
      url: cardFile(card.slug),
      body: `${JSON.stringify(cardDetailOf(pack, card))}\n`,
    })),
    ...cards,
  ];
}

/** Each item's statement, context, claimant, explanation and check, which the Worker reads through the ASSETS binding. */
function itemTextsFile(): ItemTextsFile {
  const items = Object.fromEntries(
    pack.items.map(({ id, statement, context, claimant, explanation, check }) => [
      id,
      { statement, context, claimant, explanation, check },
    ]),
  );
  return { version: pack.version, items };
}

/** The fixed prose of the Worker's own pages, which it reads through the ASSETS binding. */
function proseFile(): ProseFile {
  return { version: pack.version, corrections: String(<CorrectionsIntro packVersion={pack.version} />) };
}

/**
 * public/_headers: the Worker's security headers on every static file, and five minutes of
 * caching for the prerendered pages (the asset server adds an ETag and answers If-None-Match).
 */
export function headersFile(pages: readonly StaticFile[]): StaticFile {
  const all = SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`).join("\n");
  const cached = pages.map((page) => `${page.url}\n  Cache-Control: public, max-age=300`).join("\n");
  // The stylesheet's name carries a hash of its content (npm run css): cache it for a year.
  const immutable = "/assets/*\n  Cache-Control: public, max-age=31536000, immutable";
  // The share previews change only when npm run og-images redraws them.
  const previews = "/og/*\n  Cache-Control: public, max-age=86400";
  const body = `# Generated by npm run prerender (src/static-pages.tsx): do not edit.\n/*\n${all}\n${cached}\n${immutable}\n${previews}\n`;
  return { file: "_headers", url: "", body };
}
