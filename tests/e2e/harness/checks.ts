/**
 * @module Checks every browser test applies to a page: no sideways scrolling,
 * axe at WCAG 2.2 AA, visible keyboard focus and screenshots. (Requests leaving our own
 * host are watched per context: watchForeignRequests in ./browser.)
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { axeViolations, describeViolations } from "./axe";

/** Fails the test if the page is wider than the viewport (WCAG 1.4.10 reflow). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, ".")}` : ""}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: wide };
  });
  expect(scrollWidth, `${page.url()} scrolls sideways; too wide: ${culprits.join(", ")}`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** Fails unless the element is wholly inside the viewport at the current scroll, and nothing covers it. */
export async function expectOnFirstScreen(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} is rendered at ${page.url()}`).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${what} starts on screen at ${page.url()}`).toBeGreaterThanOrEqual(0);
  expect(
    box.y + box.height,
    `${what} ends within the first ${viewport.height} px at ${page.url()}`,
  ).toBeLessThanOrEqual(viewport.height);
  const onTop = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
  expect(onTop, `${what} is not covered at ${page.url()}`).toBe(true);
}

/**
 * Fails unless every control in the page's forms, once focused, is wholly on screen and uncovered: the
 * browser scrolls it clear of a bar stuck to the bottom of the screen (WCAG 2.4.11, and 2.4.12's
 * stricter "no part hidden"). Radios and checkboxes may show through their own label.
 */
export async function expectFocusClear(page: Page): Promise<void> {
  const hidden = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      "main form input:not([type=hidden]), main form button, main form select, main form textarea",
    );
    const found: string[] = [];
    const scrolled = window.scrollY;
    for (const control of controls) {
      control.focus();
      const r = control.getBoundingClientRect();
      if (r.width === 0) continue;
      // The centre and the middle of each edge, just inside (corners may be rounded off, and hit-testing knows).
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const points = [
        [x, y],
        [x, r.top + 1],
        [x, r.bottom - 1],
        [r.left + 1, y],
        [r.right - 1, y],
      ] as const;
      const own = (hit: Element | null) =>
        hit !== null && (hit === control || control.contains(hit) || hit === control.closest("label"));
      const onScreen = r.top >= 0 && r.bottom <= window.innerHeight;
      if (!onScreen || !points.every(([px, py]) => own(document.elementFromPoint(px, py)))) {
        const name = control instanceof HTMLInputElement ? `${control.type} ${control.value}` : control.textContent;
        found.push(`${(name ?? "").trim().slice(0, 30)} at ${Math.round(r.top)}–${Math.round(r.bottom)} px`);
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, scrolled);
    return found;
  });
  expect(hidden, `${page.url()}: focused controls hidden or off screen: ${hidden.join(", ")}`).toEqual([]);
}

/** Fails the test on any axe violation at WCAG 2.2 AA. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(page.url(), violations)).toEqual([]);
}

/**
 * Fails the test if a control is smaller than 44 × 44 CSS px (docs/ARCHITECTURE.md, "Budgets"; axe checks
 * only WCAG 2.2's 24 px). Checkboxes and radios count by their label, which is the
 * target a finger hits; links inside running text are exempt, as in WCAG 2.5.8.
 */
export async function expectLargeTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      "button, .button, select, textarea, summary, nav a, input:not([type=hidden])",
    );
    const found: string[] = [];
    for (const control of controls) {
      const target =
        control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")
          ? (control.closest("label") ?? control)
          : control;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (style.display === "none" || style.visibility === "hidden" || box.width === 0) continue;
      if (box.width < 44 || box.height < 44) {
        const name = (target.textContent ?? "").trim().slice(0, 30) || target.getAttribute("name") || "";
        found.push(`${target.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  });
  expect(small, `${page.url()}: targets under 44 px: ${small.join(", ")}`).toEqual([]);
}

/** The run's screenshot folder, printed by the global setup. */
export function artifactsDir(): string {
  return inject("artifactsDir");
}

/** Saves a full-page screenshot as <run folder>/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = artifactsDir();
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, scale: "css" });
}

/**
 * The outline or box-shadow that shows where keyboard focus is, read from the
 * focused element's computed style; null when focus is invisible.
 */
export async function focusIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
    if (outline) return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    if (style.boxShadow && style.boxShadow !== "none") return `box-shadow ${style.boxShadow}`;
    return null;
  });
}

/** The page's own checks, all at once: screenshot, reflow, 44 px targets, axe. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectNoSidewaysScroll(page);
  await expectLargeTargets(page);
  await expectAccessible(page);
}
