/** @module The page frame every HTML page shares: head, skip link, header, footer. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { Logo } from "./icons";
import { RejoinCodeLine } from "./rejoin-code";
import { cssPath } from "./styles";

export interface LayoutProps {
  title: string;
  /** One sentence for search engines and link previews. */
  description?: string;
  children?: Child;
  /** Hides the site chrome (used by print-first pages such as the worksheet). */
  bare?: boolean;
  /** Extra <head> elements, e.g. Open Graph tags for a share page. */
  head?: Child;
  /** A wider page: the class board on a projector, or the teacher's dashboard on a laptop. */
  wide?: "board" | "dashboard" | "present";
  /**
   * A quiz page read on a phone: one header row, with the site's links (the footer's too) folded
   * behind "Menu" and no footer, so the statement, the report and the answers get the screen.
   */
  compact?: boolean;
  /**
   * A class student's code to get back in, on every page of their class quiz: in the folded Menu of
   * a compact page, else at the end of the page (a closed tab loses nothing if it is written down).
   */
  rejoin?: string | undefined;
}

export const SITE_NAME = "Claim Check: Belgorod";

export function Layout({ title, description, children, bare, head, wide, compact, rejoin }: LayoutProps) {
  const fullTitle = title === SITE_NAME ? title : `${title} · ${SITE_NAME}`;
  // The doctype keeps browsers out of quirks mode; JSX cannot express it.
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <meta
            name="description"
            content={description ?? "A short quiz on telling verified facts from unverified claims in war reporting."}
          />
          <link rel="stylesheet" href={cssPath} />
          {/* No icon file: without this, browsers request /favicon.ico, get a 404 and log a console error. */}
          <link rel="icon" href="data:," />
          {head}
        </head>
        <body class={wide === "dashboard" ? "wide" : (wide ?? (compact ? "compact" : undefined))}>
          <a class="skip" href="#main">
            Skip to content
          </a>
          {bare ? null : (
            <header class="site">
              <a class="brand" href="/">
                <Logo />
                {SITE_NAME}
              </a>
              {compact ? (
                // A disclosure needs no script; closed, its links are out of the way and out of the tab order.
                <details class="menu">
                  <summary>Menu</summary>
                  <div>
                    <MainNav folded />
                    <FooterLinks short />
                    {rejoin ? <RejoinCodeLine back={rejoin} /> : null}
                  </div>
                </details>
              ) : (
                <MainNav />
              )}
            </header>
          )}
          <main id="main">
            {children}
            {rejoin && !compact ? <RejoinCodeLine back={rejoin} /> : null}
          </main>
          {bare || compact ? null : (
            <footer class="site">
              <FooterLinks />
            </footer>
          )}
        </body>
      </html>
    </>
  );
}

/** The site's four main links: a row under the brand, or ("folded") a column in the quiz pages' menu, sized like the links after it. */
function MainNav({ folded }: { folded?: boolean }) {
  return (
    <nav class={folded ? undefined : "site"} aria-label="Main">
      <ul>
        <li>
          <a href="/quiz">Quiz</a>
        </li>
        <li>
          <a href="/join">Join a class</a>
        </li>
        <li>
          <a href="/cards">Cards</a>
        </li>
        <li>
          <a href="/teach">For teachers</a>
        </li>
      </ul>
    </nav>
  );
}

/**
 * Corrections, privacy and the API: the footer, or the end of a quiz page's menu ("short": one word
 * each, and no JSON API, which a reader mid-quiz does not need; every question and feedback page
 * carries these bytes, and a whole form has a 40 KB budget).
 */
function FooterLinks({ short }: { short?: boolean }) {
  return (
    <ul>
      <li>
        <a href="/corrections">{short ? "Corrections" : "Corrections and reporting a problem"}</a>
      </li>
      <li>
        <a href="/privacy">Privacy</a>
      </li>
      {short ? null : (
        <li>
          <a href="/api/v1/openapi.json">JSON API</a>
        </li>
      )}
    </ul>
  );
}
