/**
 * @module A QR code as inline SVG, drawn in the Worker from lean-qr's module matrix (no outside service).
 *
 * lean-qr's "nano" build (about 2 KB gzipped) encodes at error-correction level M or
 * higher; the SVG is drawn here so it carries an accessible name.
 */
import { correction, generate } from "lean-qr/nano";

/** Quiet zone around the code, in modules: the 4 the QR standard asks for. */
const QUIET = 4;

/**
 * The dark modules as one SVG path: each horizontal run of dark modules in a row
 * becomes one rectangle, which keeps a version-4 code near 2 KB.
 */
export function qrPath(text: string): { size: number; d: string } {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const { size } = code;
  let d = "";
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && code.get(x, y)) x++;
      d += `M${start + QUIET} ${y + QUIET}h${x - start}v1h-${x - start}z`;
    }
  }
  return { size: size + 2 * QUIET, d };
}

/**
 * The QR code of `text`, with an accessible name (`label`) for screen readers: by its
 * own title element (`id`) inside a page, or by aria-label as a standalone document.
 */
export function QrCode({ text, label, id }: { text: string; label: string; id?: string }) {
  const { size, d } = qrPath(text);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-labelledby={id}
      aria-label={id ? undefined : label}
      shape-rendering="crispEdges"
    >
      <title id={id}>{label}</title>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/**
 * The same QR code as an SVG document string (for the JSON API).
 * @example renderQrSvg("https://example.org/c/ABC234", "QR code that opens https://example.org/c/ABC234")
 */
export function renderQrSvg(text: string, label: string): string {
  return String(<QrCode text={text} label={label} />);
}
