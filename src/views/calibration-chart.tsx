/**
 * @module How often the reader was right at each level of certainty, as a small server-rendered
 * SVG (no script) beside the same figures in words, which stay the readable source.
 */
import type { CalibrationRow, Confidence } from "../domain/calibration";

const LEVEL: Record<Confidence, string> = { sure: "Sure", fairly: "Fairly sure", guessing: "Guessing" };

const ROW = 28;
const BAR_X = 96;
const BAR_W = 150;

/**
 * One bar per level: the share right, filled, in a frame of all the answers at that level.
 * @example <CalibrationChart rows={view.calibration} />
 */
export function CalibrationChart({ rows }: { rows: readonly (CalibrationRow & { line: string })[] }) {
  if (rows.length === 0) return null;
  return (
    <figure class="score-chart">
      <svg
        viewBox={`0 0 300 ${rows.length * ROW + 4}`}
        width="100%"
        role="img"
        aria-labelledby="calibration-title calibration-desc"
      >
        <title id="calibration-title">How often you were right at each level of certainty</title>
        <desc id="calibration-desc">{rows.map((row) => row.line).join(" ")}</desc>
        {rows.map((row, i) => {
          const y = i * ROW + 4;
          const filled = row.answered === 0 ? 0 : Math.round((row.right / row.answered) * BAR_W);
          return (
            <g>
              <text x="0" y={y + 13} fill="currentColor">
                {row.confidence ? LEVEL[row.confidence] : "Not said"}
              </text>
              <rect x={BAR_X} y={y} width={BAR_W} height="18" fill="none" stroke="currentColor" />
              <rect x={BAR_X} y={y} width={filled} height="18" fill="currentColor" />
              <text x={BAR_X + BAR_W + 6} y={y + 13} fill="currentColor">
                {row.right} of {row.answered}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
