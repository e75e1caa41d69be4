/**
 * What a person typed comes back on the page escaped by hono/jsx, in text and in attributes:
 * markup, quotes and ampersands never reach the HTML as they were typed.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createClass, join } from "./class-helpers";
import { call, failingKv, ORIGIN } from "./quiz-helpers";

const TYPED = `</textarea>"><script>alert('x')</script> & more`;

function expectEscaped(html: string) {
  expect(html).not.toContain("<script>alert");
  expect(html).not.toContain('"><script');
  expect(html).toContain("&lt;script&gt;alert(");
  expect(html).toContain("&lt;/textarea&gt;");
  expect(html).toContain("&amp; more");
}

describe("typed text on a page", () => {
  it("a correction kept on the form after a fault (text in a textarea)", async () => {
    const res = await call(
      "/corrections",
      {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ message: TYPED }).toString(),
      },
      { SCORES: failingKv("put", env.SCORES) },
    );
    expect(res.status).toBe(503);
    expectEscaped(await res.text());
  });

  it("a nickname the join form refuses and shows again (an attribute value)", async () => {
    const { code } = await createClass();
    const { response } = await join(code, { nickname: TYPED });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectEscaped(html);
    expect(html).toMatch(/value="&lt;\/textarea&gt;(&quot;|&#34;)&gt;&lt;script&gt;/);
  });
});
