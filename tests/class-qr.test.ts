/** The QR code of a join URL: drawn in the Worker, the right size, finder patterns where a scanner looks, an accessible name. */
import { describe, expect, it } from "vitest";
import { qrPath, renderQrSvg } from "../src/views/class-qr";

describe("qrPath", () => {
  it("draws a version-2 code (25 modules) plus a 4-module quiet zone for a short join URL", () => {
    const { size, d } = qrPath("http://localhost/c/ABC234");
    expect(size).toBe(25 + 8);
    // The top row of each 7×7 finder pattern is one run of 7 dark modules, inside the quiet zone.
    expect(d).toContain("M4 4h7v1h-7z"); // top left
    expect(d).toContain("M22 4h7v1h-7z"); // top right
    expect(d).toContain("M4 22h7v1h-7z"); // bottom left
    expect(d).not.toMatch(/M[0-3] /); // nothing drawn in the quiet zone
  });

  it("grows with the URL and changes with it", () => {
    const long = qrPath("https://claim-check-belgorod.example.workers.dev/c/XY7K9P");
    expect(long.size).toBeGreaterThan(33);
    expect(qrPath("http://localhost/c/ABC235").d).not.toBe(qrPath("http://localhost/c/ABC234").d);
  });
});

describe("renderQrSvg", () => {
  it("is an SVG document with an accessible name, escaped", () => {
    const svg = renderQrSvg("http://x/c/ABC234", 'QR code that opens <"x">');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img"/);
    expect(svg).toContain('aria-label="QR code that opens &lt;&quot;x&quot;&gt;"');
    expect(svg).toContain("<title>QR code that opens &lt;&quot;x&quot;&gt;</title>");
    expect(svg.endsWith("</svg>")).toBe(true);
  });
});
