/**
 * @module stats (views): what other readers answered, as small pieces for the feedback and result pages.
 *
 * Each piece renders nothing when there is too little to show, so a page can place
 * it unconditionally. The chart is server-rendered SVG (no script, no chart library)
 * with a sentence and a table of the same numbers for readers who cannot see it.
 */
import { SHOW_THRESHOLD } from "../domain/aggregates";

const number = (n: number) => n.toLocaleString("en-US");

export interface ReadersGotThisRightProps {
  /** Share correct, 0..1, or null below the threshold. */
  share: number | null;
  /** How many attempts answered the statement. */
  answered: number;
}

/**
 * "62% of readers got this right", or nothing while fewer than SHOW_THRESHOLD answered.
 * @example <ReadersGotThisRight share={shareCorrect(agg, i, item.verdict)} answered={agg.answered[i] ?? 0} />
 */
export function ReadersGotThisRight({ share, answered }: ReadersGotThisRightProps) {
  if (share === null || answered < SHOW_THRESHOLD) return null;
  return (
    <p class="readers">
      {Math.round(share * 100)}% of readers got this right ({number(answered)} answers).
    </p>
  );
}

export interface ReaderStandingProps {
  /** Whole percent of ranked attempts with a lower percent correct, or null (not shown). */
  betterThan: number | null;
  /** How many ranked attempts the comparison is with. */
  attempts: number;
}

/**
 * "You did better than 70% of readers", or nothing when the standing is not shown.
 * @example <ReaderStanding betterThan={betterThan(agg, correct, answered)} attempts={agg.ranked} />
 */
export function ReaderStanding({ betterThan, attempts }: ReaderStandingProps) {
  if (betterThan === null || attempts < SHOW_THRESHOLD) return null;
  const comparedWith = `compared with ${number(attempts)} readers who answered at least 5 statements`;
  // "Better than 0%" would read as a put-down; say the same thing kindly.
  if (betterThan === 0) return <p class="standing">Most readers scored higher this time ({comparedWith}).</p>;
  return (
    <p class="standing">
      You did better than {betterThan}% of readers ({comparedWith}).
    </p>
  );
}

export interface ScoreChartProps {
  /** Ranked attempts per 10-point bucket (0, 10, …, 100), or null below the threshold. */
  distribution: { percent: number; attempts: number }[] | null;
  /** The reader's own bucket, marked on the chart, if any. */
  highlight?: number;
}

const BAR = 24;
const GAP = 6;
const HEIGHT = 120;
const TOP = 18;

/** The bucket with most attempts, for the sentence under the chart. */
function busiest(distribution: { percent: number; attempts: number }[]) {
  return distribution.reduce((best, b) => (b.attempts > best.attempts ? b : best));
}

/**
 * A bar chart of readers by percent correct, with the reader's bucket marked "You".
 * @example <ScoreChart distribution={distribution(agg)} highlight={bucketOf(percentCorrect(7, 8))} />
 */
export function ScoreChart({ distribution, highlight }: ScoreChartProps) {
  if (!distribution || distribution.length === 0) return null;
  const total = distribution.reduce((sum, b) => sum + b.attempts, 0);
  if (total === 0) return null;
  const max = Math.max(...distribution.map((b) => b.attempts));
  const width = distribution.length * (BAR + GAP);
  const top = busiest(distribution);
  const sentence = `${number(total)} readers by share of answers right: most scored about ${top.percent}%${
    highlight === undefined ? "" : `; you are in the ${highlight}% group`
  }.`;
  return (
    <figure class="score-chart">
      <svg
        viewBox={`0 0 ${width} ${TOP + HEIGHT + 20}`}
        width="100%"
        role="img"
        aria-labelledby="score-chart-title score-chart-desc"
      >
        <title id="score-chart-title">How other readers scored</title>
        <desc id="score-chart-desc">{sentence}</desc>
        {distribution.map((b, i) => {
          const h = b.attempts === 0 ? 0 : Math.max(2, Math.round((b.attempts / max) * HEIGHT));
          const x = i * (BAR + GAP) + GAP / 2;
          const mine = b.percent === highlight;
          return (
            <g>
              <rect
                x={x}
                y={TOP + HEIGHT - h}
                width={BAR}
                height={h}
                fill="currentColor"
                // 0.55 keeps the other bars at 3:1 or more against the page in light and dark.
                fill-opacity={mine ? "1" : "0.55"}
              />
              {mine ? (
                <text x={x + BAR / 2} y={TOP + HEIGHT - h - 4} text-anchor="middle" font-size="11" fill="currentColor">
                  You
                </text>
              ) : null}
              {b.percent % 50 === 0 ? (
                <text x={x + BAR / 2} y={TOP + HEIGHT + 14} text-anchor="middle" font-size="11" fill="currentColor">
                  {b.percent}%
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{sentence}</figcaption>
      <details>
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Answers right</th>
              <th scope="col">Readers</th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((b) => (
              <tr>
                <td>
                  about {b.percent}%{b.percent === highlight ? " (you)" : ""}
                </td>
                <td>{number(b.attempts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
