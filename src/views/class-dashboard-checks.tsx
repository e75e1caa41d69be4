/**
 * @module The dashboard's "Before and after": the class's change from check-in to check-out in
 * sentences a teacher can say aloud (counts, no signs, no verdicts), and in a closed fold the
 * figures behind them with how many students each counts.
 */
import type { CheckChange, CheckWords, FigureChange, TakeFigures } from "../domain/check-change";
import { signed } from "./quiz-result";

/** The class's checks as the dashboard (page and JSON) shows them. */
export interface ChecksView {
  change: CheckChange;
  words: CheckWords;
  /** Each present student's check-in and check-out figures (null: not done), by dashboard id. */
  students: { id: string; before: TakeFigures | null; after: TakeFigures | null }[];
}

/** A figure with a real minus sign and two places ("−0.25"), or "—" with nobody. */
function figure(value: number | null): string {
  if (value === null) return "—";
  const fixed = Math.abs(value).toFixed(2);
  return fixed === "0.00" || value > 0 ? fixed : `\u2212${fixed}`;
}

/** A change with its sign ("+0.50", "−0.25", "0.00"). */
const change = (value: number | null) => (value === null ? "—" : signed(value));

function Row({ name, c }: { name: string; c: FigureChange }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td class="num">{figure(c.before)}</td>
      <td class="num">{figure(c.after)}</td>
      <td class="num">{change(c.change)}</td>
      <td class="num">{c.students}</td>
    </tr>
  );
}

export function ChecksSection({ checks }: { checks: ChecksView }) {
  const { change: c, words } = checks;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Before and after</h2>
      <p>
        <strong>{words.headline}</strong>
      </p>
      {words.lines.length > 0 ? (
        <ul class="plain">
          {words.lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      ) : null}
      {words.note ? <p class="muted">{words.note}</p> : null}
      <p class="muted">
        Check-in: {c.checkedIn} done. Check-out: {c.checkedOut} done.
        {/* Only true of two students or more: the first to join has set A first, the second set B. */}
        {c.checkedIn >= 2
          ? " Half the class had each set of six first, so a harder set does not look like a change."
          : null}
      </p>
      {c.both > 0 ? (
        <details>
          <summary>The figures behind this</summary>
          <section class="table-wrap" tabindex={0} aria-label="Check-in and check-out figures (scrolls sideways)">
            <table>
              <caption>
                Averages over the students who did both (the last column: how many; for expected minus got, those who
                said both times how many they expected).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col" class="num">
                    Check-in
                  </th>
                  <th scope="col" class="num">
                    Check-out
                  </th>
                  <th scope="col" class="num">
                    Change
                  </th>
                  <th scope="col" class="num">
                    Students
                  </th>
                </tr>
              </thead>
              <tbody>
                <Row name={`Correct (of ${c.size})`} c={c.correct} />
                <Row name="Facts told from claims (−1 to 1)" c={c.discernment} />
                <Row name="Lean figure (above 0: says unverified more)" c={c.lean} />
                <Row name="Expected minus got" c={c.overconfidence} />
              </tbody>
            </table>
          </section>
        </details>
      ) : null}
    </section>
  );
}
