import { describe, expect, it } from "vitest";
import headers from "../public/_headers?raw";
import source from "../src/styles/app.css?text";
import { cssPathOf, minifyCss, pollPathOf, scriptOf, sharePathOf } from "../src/styles/build";
import pollSource from "../src/styles/poll.js?raw";
import shareSource from "../src/styles/share.js?raw";
import { cssPath, pollPath, sharePath } from "../src/views/styles";

// Every stylesheet in public/assets, by path, as Vite reads them at test time.
const served = import.meta.glob<string>("../public/assets/*.css", { query: "?text", import: "default", eager: true });

describe("the stylesheet (if a test here fails: npm run css)", () => {
  it("is generated from src/styles/app.css: one file, named by its content's hash", () => {
    const css = minifyCss(source);
    expect(Object.keys(served)).toEqual([`../public${cssPathOf(css)}`]);
    expect(cssPath).toBe(cssPathOf(css));
    expect(served[`../public${cssPath}`]).toBe(css);
  });

  it("the board's script is src/styles/poll.js without its comment, named by its content's hash", () => {
    const script = scriptOf(pollSource);
    const scripts = import.meta.glob<string>("../public/assets/*.js", {
      query: "?raw",
      import: "default",
      eager: true,
    });
    const share = scriptOf(shareSource);
    expect(Object.keys(scripts).sort()).toEqual(
      [`../public${pollPathOf(script)}`, `../public${sharePathOf(share)}`].sort(),
    );
    expect(pollPath).toBe(pollPathOf(script));
    expect(scripts[`../public${pollPath}`]).toBe(script);
    expect(script.startsWith("(() => {")).toBe(true);
    // The result page's share script, the same way.
    expect(sharePath).toBe(sharePathOf(share));
    expect(scripts[`../public${sharePath}`]).toBe(share);
    expect(share.startsWith("(() => {")).toBe(true);
  });

  it("stays small: under 12 KB before compression", () => {
    expect(minifyCss(source).length).toBeLessThan(12 * 1024);
  });

  it("is cached for a year and never sniffed (public/_headers)", () => {
    const rules = headers.split(/\n(?=\S)/);
    expect(rules.find((block) => block.startsWith("/assets/*"))).toContain(
      "Cache-Control: public, max-age=31536000, immutable",
    );
    // Every static file, the stylesheet included, carries the Worker's security headers.
    expect(rules.find((block) => block.startsWith("/*"))).toContain("X-Content-Type-Options: nosniff");
  });
});

describe("minifyCss", () => {
  it("drops comments and spaces but keeps descendant and media spaces", () => {
    expect(
      minifyCss(
        "/* x */\n.a .b > :first-child {\n  color: red;\n}\n@media (min-width: 25rem) and (hover) {\n  a { b: c; }\n}",
      ),
    ).toBe(".a .b>:first-child{color:red}@media (min-width:25rem) and (hover){a{b:c}}");
  });

  it("drops the zero before a decimal point, never a digit of a larger number", () => {
    expect(minifyCss("a {\n  margin: 0.5rem -0.25em 10.5pt 0;\n  font: 600 0.9rem / 1.4 x;\n}")).toBe(
      "a{margin:.5rem -.25em 10.5pt 0;font:600 .9rem / 1.4 x}",
    );
  });

  it("drops the quotes around a one-word attribute value, keeps them around others", () => {
    expect(minifyCss('input[type="text"], [aria-invalid="true"], [title="a b"], [x="1"] {\n  x: y;\n}')).toBe(
      'input[type=text],[aria-invalid=true],[title="a b"],[x="1"]{x:y}',
    );
  });

  it("is only used where its cuts are safe: no calc(), whose + needs its spaces", () => {
    expect(source).not.toMatch(/calc\(/);
  });
});
