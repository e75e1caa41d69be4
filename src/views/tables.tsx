/** @module Tables the class pages share: one that scrolls sideways on a phone, and the head cells of a list of statements. */
import type { Child } from "hono/jsx";

/** A table in a focusable box that scrolls sideways on small screens, named for screen readers. */
export function ScrollTable({
  label,
  caption,
  tableClass,
  children,
}: {
  label: string;
  caption: Child;
  tableClass?: string;
  children: Child;
}) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={`${label} (scrolls sideways on small screens)`}>
      <table class={tableClass}>
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

/** The first three head cells of every table of statements: its number, the statement, its verdict. */
export function StatementHeads() {
  return (
    <>
      <th scope="col" class="num">
        #
      </th>
      <th scope="col">Statement</th>
      <th scope="col">Verdict</th>
    </>
  );
}
