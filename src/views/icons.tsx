/** @module Inline SVG icons and the logo: no requests, drawn in the text colour, hidden from screen readers (the label says it). */

import type { Child } from "hono/jsx";

/** A 24-unit icon the size of the text around it; hidden from screen readers, as the label beside it says it. */
function Icon({ children }: { children: Child }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" class="icon">
      {children}
    </svg>
  );
}
const stroke = {
  fill: "none",
  stroke: "currentColor",
  "stroke-width": "2.5",
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
} as const;

/** A check mark in a circle: Verified, and a right answer. */
export function CheckIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="10" {...stroke} />
      <path d="m7 12.5 3.2 3.2L17 9" {...stroke} />
    </Icon>
  );
}

/** A question mark in a circle: Unverified (nobody has settled it). */
export function QuestionIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="10" {...stroke} />
      <path d="M9.2 9.3a2.9 2.9 0 0 1 5.6 1c0 2-2.8 2.5-2.8 4.2" {...stroke} />
      <circle cx="12" cy="17.6" r="1.3" fill="currentColor" />
    </Icon>
  );
}

/** A turning arrow: "Not quite", a miss to learn from rather than a red cross. */
export function RetryIcon() {
  return (
    <Icon>
      <path d="M20 12a8 8 0 1 1-2.4-5.7" {...stroke} />
      <path d="M18.5 3v4h-4" {...stroke} />
    </Icon>
  );
}

/** The logo: a magnifying glass over a check mark. */
export function Logo() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" class="logo">
      <circle cx="13.5" cy="13.5" r="10" {...stroke} stroke-width="3" />
      <path d="m21 21 8 8" {...stroke} stroke-width="4" />
      <path d="m8.8 13.8 3.2 3.2 6-6.2" {...stroke} stroke-width="3" />
    </svg>
  );
}

/**
 * A thin progress bar for "3 of 8". An SVG, so its width needs no inline style
 * (the CSP forbids them); the words beside it carry the meaning.
 */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const width = total > 0 ? Math.min(100, Math.max(0, (done / total) * 100)) : 0;
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 100 4" preserveAspectRatio="none" class="bar">
      <rect class="track" width="100" height="4" rx="2" />
      <rect class="done" width={width.toFixed(1)} height="4" rx="2" />
    </svg>
  );
}
