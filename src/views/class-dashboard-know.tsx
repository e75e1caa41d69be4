/**
 * @module The dashboard's "know what you know" for the discussion: how many students expected
 * more, fewer or about what they got (names no verdict: fine to project), and the statements the
 * class answered wrongly while sure (gives verdicts away: the page puts it in the answer-key fold).
 */
import type { ClassCalibration, EstimateFit } from "../domain/class-know";
import type { Judgement } from "../domain/scoring";
import { VerdictStatus } from "./quiz-parts";

/** One statement answered wrongly while sure, as the page and the JSON show it. */
export interface SureWrongView {
  position: number;
  itemId: string;
  statement: string;
  verdict: Judgement;
  /** Finished students who said "sure" and were wrong. */
  sureWrong: number;
  /** Finished students who said "sure" on it. */
  sure: number;
}

/** The dashboard's "know what you know" part, for the page and the JSON alike. */
export interface KnowView {
  calibration: ClassCalibration;
  sureAndWrong: SureWrongView[];
  /** Each finished student's estimate, how it fits, and their answers wrong while sure (by dashboard id). */
  students: { id: string; estimate: number | null; fit: EstimateFit | null; sureWrong: number }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Expected against got": three big counts with their words, then who was not counted. */
export function CalibrationCounts({ k }: { k: ClassCalibration }) {
  const counted = k.over + k.under + k.well;
  const left = [
    k.noEstimate > 0 ? `${plural(k.noEstimate, "student", "students")} skipped the estimate` : null,
    k.stoppedEarly > 0 ? `${plural(k.stoppedEarly, "student", "students")} stopped early` : null,
  ].filter((line) => line !== null);
  return (
    <section class="know" aria-labelledby="know-heading">
      <h2 id="know-heading">Expected against got</h2>
      {counted === 0 ? (
        <p>
          Before the first statement each student says how many they expect to get right. Once students who gave an
          estimate finish every statement, this shows how many expected more, fewer, or about what they got.
        </p>
      ) : (
        // The projector's type (≥ 28 px at 1280×720) from its split labels, one count a line: no CSS of its own.
        <div class="split-labels">
          <ul class="plain">
            <li>
              <strong>{k.over}</strong> expected more than they got
            </li>
            <li>
              <strong>{k.well}</strong> about right (within 1)
            </li>
            <li>
              <strong>{k.under}</strong> did better than they expected
            </li>
          </ul>
        </div>
      )}
      {left.length > 0 ? <p class="muted">Not counted: {left.join("; ")}.</p> : null}
      {k.over > k.under + k.well ? (
        <p>Most expected more than they got: a common start, and worth a word before the next lesson.</p>
      ) : null}
    </section>
  );
}

/** "Sure and wrong": the statements answered wrongly while sure, most first, each with its counts. */
export function SureAndWrong({ items }: { items: readonly SureWrongView[] }) {
  return (
    <>
      <h2>Sure and wrong</h2>
      {items.length === 0 ? (
        <p>Nothing yet: a statement is listed here once a student who finished got it wrong while saying “sure”.</p>
      ) : (
        <>
          <p>The statements students got wrong while sure of themselves, most first: good ones to talk through.</p>
          <ol class="fooled know-sure">
            {items.map((item) => (
              <li>
                <p>
                  <strong>{item.statement}</strong>
                </p>
                <p>
                  <VerdictStatus verdict={item.verdict} /> · <strong>{item.sureWrong}</strong> of the {item.sure} who
                  were sure got it wrong (statement {item.position})
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
