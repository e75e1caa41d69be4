/**
 * Writes the link-preview images of the share page (`npm run og-images`):
 * public/og/score-<pct>.png, 1200×630, one per 10-point bucket (0, 10, …, 100).
 *
 * Messaging apps ignore SVG previews, so each card is drawn as HTML (flat colours,
 * system fonts: small PNGs) in Debian's Chromium and screenshotted. Run it after
 * changing the card; the PNGs are committed and served as static assets.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../tests/e2e/harness/browser.ts";

const WIDTH = 1200;
const HEIGHT = 630;
/** The same buckets as the share page (src/domain/aggregates.ts BUCKETS). */
const BUCKETS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "public", "og");

/** One card: the score bucket large, a bar, the quiz's question and name. */
function cardHtml(percent: number): string {
  const said = percent === 0 || percent === 100 ? `${percent}%` : `about ${percent}%`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
  *{margin:0;box-sizing:border-box}
  body{width:${WIDTH}px;height:${HEIGHT}px;background:#f4f4f1;color:#1b1b1b;
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
    display:flex;flex-direction:column;justify-content:space-between;padding:72px 80px;border-top:24px solid #0b5cad}
  .kicker{font-size:40px;font-weight:600;color:#0b5cad}
  .score{font-size:120px;font-weight:800;line-height:1.05}
  .of{font-size:44px;font-weight:600}
  .bar{height:28px;background:#c9c9c9;border-radius:14px;overflow:hidden}
  .fill{height:100%;width:${percent}%;background:#17613a}
  .ask{font-size:38px}
  </style></head><body>
  <div class="kicker">Claim Check: Belgorod</div>
  <div><div class="score">${said}</div><div class="of">of statements judged right</div></div>
  <div class="bar"><div class="fill"></div></div>
  <div class="ask">Verified fact or unverified claim? Try the quiz.</div>
  </body></html>`;
}

mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
  for (const percent of BUCKETS) {
    await page.setContent(cardHtml(percent));
    const file = join(outDir, `score-${percent}.png`);
    await page.screenshot({ path: file, type: "png" });
    console.log(`wrote ${file} (${statSync(file).size} bytes)`);
  }
} finally {
  await browser.close();
}
