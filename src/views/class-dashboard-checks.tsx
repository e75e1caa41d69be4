/**
 * @module The dashboard's "Before and after": the class's change from check-in to check-out in
 * sentences a teacher can say aloud (counts, no signs, no verdicts), and in a closed fold the
 * figures behind them with how many students each counts; the twelve check statements with their
 * verdicts for the answer key; and the words of the Students table's "Check-in / out" column.
 */
import type { Verdict } from "../content/pack";
import type {
  CheckChange,
  ChecksDone,
  CheckWords,
  FigureChange,
  StatementCount,
  TakeFigures,
} from "../domain/check-change";
import type { CheckFormName } from "../domain/check-forms";
import { VerdictStatus } from "./quiz-parts";
import { signed } from "./quiz-result";
import { ScrollTable, StatementHeads } from "./tables";

/** One statement of set A or B, and how many got it right at each part. */
export interface CheckStatementView {
  set: CheckFormName;
  /** 1-based place in its set, in the order students answer it. */
  position: number;
  itemId: string;
  statement: string;
  verdict: Verdict;
  checkIn: StatementCount;
  checkOut: StatementCount;
}

/** The class's checks as the dashboard (page and JSON) shows them. */
export interface ChecksView {
  change: CheckChange;
  words: CheckWords;
  /** Each present student's check-in and check-out figures (null: not done), by dashboard id. */
  students: { id: string; before: TakeFigures | null; after: TakeFigures | null }[];
  /** Set A's statements, then set B's. Verdicts: for the closed answer-key fold only. */
  statements: CheckStatementView[];
}

/** What the Students table says a student has done of the two parts (never how they did). */
export const CHECKS_DONE_WORDS: Record<ChecksDone, string> = {
  both: "both",
  in: "check-in only",
  out: "check-out only",
  neither: "neither",
};

/** "4 of 7 right", or "nobody yet". */
function rightOf(count: StatementCount): string {
  return count.answered === 0 ? "nobody yet" : `${count.correct} of ${count.answered} right`;
}

function SetTable({ set, statements }: { set: CheckFormName; statements: CheckStatementView[] }) {
  const name = `Set ${set.toUpperCase()}`;
  return (
    <ScrollTable label={name} caption={`${name}: how many of those who answered each statement got it right.`}>
      <thead>
        <tr>
          <StatementHeads />
          <th scope="col">At the check-in</th>
          <th scope="col">At the check-out</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((s) => (
          <tr>
            <td class="num">{s.position}</td>
            <th scope="row">{s.statement}</th>
            <td>
              <VerdictStatus verdict={s.verdict} />
            </td>
            <td>{rightOf(s.checkIn)}</td>
            <td>{rightOf(s.checkOut)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The answer key's part for the checks: sets A and B with their verdicts (inside the closed fold). */
export function CheckStatementsKey({ statements, checkedIn }: { statements: CheckStatementView[]; checkedIn: number }) {
  const sets = (["a", "b"] as const)
    .map((set) => ({ set, statements: statements.filter((s) => s.set === set) }))
    .filter((s) => s.statements.length > 0);
  return (
    <section aria-labelledby="check-key-heading">
      <h2 id="check-key-heading">The check-in and check-out statements</h2>
      <p>
        {/* True from two students up: the first to join has set A first, the second set B. */}
        {checkedIn >= 2
          ? "Half the class had set A as the check-in and set B as the check-out, the other half the other way round (by join order). "
          : "Each student has one set as the check-in and the other as the check-out (by join order). "}
        Students saw no verdict on either.
      </p>
      {sets.map((s) => (
        <SetTable set={s.set} statements={s.statements} />
      ))}
    </section>
  );
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
          <ScrollTable
            label="Check-in and check-out figures"
            caption="Averages over the students who did both (the last column: how many; for expected minus got, those who said both times how many they expected)."
          >
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
          </ScrollTable>
        </details>
      ) : null}
    </section>
  );
}
