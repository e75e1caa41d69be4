/** @module "Your code to get back in": a class student's code, on every page of their class. */

/**
 * The code, and on "You're in" (`full`) why to write it down: a closed tab or another phone finds
 * the answers again. Nothing without a code (a student who joined before codes existed).
 */
export function RejoinCodeLine({ back, full = false }: { back?: string | undefined; full?: boolean }) {
  if (!back) return null;
  return (
    <p class="rejoin">
      Your code to get back in: <strong class="code-inline">{back}</strong>
      {full
        ? ". Write it down: if this page closes, type it on the class’s join page to go on with your answers."
        : null}
    </p>
  );
}
