/**
 * @module The one stylesheet, served from /assets/app.<hash>.css and cached for a year.
 *
 * A stylesheet rather than inline styles keeps the CSP strict (style-src 'self', no
 * 'unsafe-inline') and lets a whole quiz download the CSS once.
 */
export const css = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--card:#f4f4f1;--accent:#0b5cad;--accent-fg:#fff;--ok:#17613a;--ok-bg:#e3f3e8;--warn:#8a3b00;--warn-bg:#fdf0e2;--mark:#fff0a8;--focus:#c25400}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#c3c3c3;--line:#555;--card:#1f1f1f;--accent:#8cc4ff;--accent-fg:#0c1a29;--ok:#8fe0ae;--ok-bg:#15301f;--warn:#ffc38f;--warn-bg:#3a2310;--mark:#5a4a00;--focus:#ffb36b}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
header.site,footer.site{padding:.75rem 1rem;border-bottom:1px solid var(--line)}
footer.site{border-top:1px solid var(--line);border-bottom:0;margin-top:2rem;font-size:.9375rem;color:var(--muted)}
header.site a{font-weight:700;text-decoration:none;color:var(--fg)}
nav.site ul,footer.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.site a,footer.site a{display:inline-block;padding:.6rem 0;min-height:44px;min-width:44px}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.lede{font-size:1.125rem}
.muted{color:var(--muted)}
.note{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.75rem 1rem;margin:1rem 0}
.panel{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.button,button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;min-width:44px;padding:.6rem 1.2rem;border:2px solid var(--accent);border-radius:.5rem;background:var(--accent);color:var(--accent-fg);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:transparent;color:var(--accent)}
.choices{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin:1.5rem 0}
.choices button{min-height:64px;font-size:1.125rem;width:100%}
.row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
.statement{font-size:1.25rem;font-weight:600;margin:1rem 0}
.result-ok{color:var(--ok);background:var(--ok-bg);padding:.5rem .75rem;border-radius:.375rem}
.result-miss{color:var(--warn);background:var(--warn-bg);padding:.5rem .75rem;border-radius:.375rem}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid var(--line)}
mark{background:var(--mark);color:inherit;padding:0 .1em}
dl.facts dt{font-weight:600}dl.facts dd{margin:0 0 .75rem}
ol.cards,ul.plain{padding-left:1.25rem}ol.cards li,ul.plain li{margin:.5rem 0}
table{border-collapse:collapse;width:100%;font-size:.9375rem}th,td{border-bottom:1px solid var(--line);padding:.5rem .25rem;text-align:left;vertical-align:top}
.table-wrap{overflow-x:auto}.table-wrap:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=password],select{font:inherit;width:100%;min-height:48px;padding:.5rem;border:2px solid var(--line);border-radius:.375rem;background:var(--bg);color:var(--fg)}
fieldset{border:1px solid var(--line);border-radius:.5rem;margin:1rem 0}
.check label,fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;min-height:44px;margin:0}
.check input,fieldset input{width:1.25rem;height:1.25rem}
.code{font:700 clamp(2.5rem,14vw,6rem)/1.1 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.15em}
.qr svg{width:100%;max-width:16rem;height:auto;background:#fff;padding:.5rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:2rem}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media print{header.site,footer.site,nav,.no-print,button,.button{display:none!important}body{background:#fff;color:#000;font-size:11pt}main{max-width:none;padding:0}a{color:#000}.panel{border:1px solid #999}}
textarea{font:inherit;width:100%;padding:.5rem;border:2px solid var(--line);border-radius:.375rem;background:var(--bg);color:var(--fg)}
textarea:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
[aria-invalid=true]{border-color:var(--warn)}.field-error{color:var(--warn);font-weight:600;margin:.25rem 0}
.note>:first-child{margin-top:0}.note>:last-child{margin-bottom:0}
summary{padding:.6rem 0;font-weight:600;cursor:pointer}
ol.cards h2{font-size:1.125rem;margin:0}ol.cards h2 a{display:block;padding:.6rem 0}.pager{flex-wrap:wrap}
.join-card{text-align:center}.join-card .code{margin:.5rem 0}.qr{display:flex;flex-direction:column;align-items:center}.qr svg{max-width:18rem}
.key code{display:block;font:600 1.125rem/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all;background:var(--bg);padding:.5rem;border:1px solid var(--line);border-radius:.375rem;user-select:all}
.code-inline,.code-input{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.12em}.code-input{text-transform:uppercase}
td.nick,th.nick{overflow-wrap:anywhere;min-width:6.5em}.nick{overflow-wrap:anywhere}
ol.plan,ol.preview,ol.fooled,.worksheet-items{padding-left:1.5rem}ol.plan h2{font-size:1.125rem}ol.preview li,ol.fooled li{margin:0 0 1.25rem}
.worksheet-items li{margin:0 0 1rem;break-inside:avoid}.tick{font-size:1.125rem}
@media print{.answer-key{break-before:page}.table-wrap{overflow:visible}.qr svg{max-width:6cm}table{font-size:10pt}.worksheet p{margin:.3rem 0}.worksheet-items li{margin-bottom:.6rem}}
form.inline{display:inline-flex;margin:0}
ol.review{padding-left:1.5rem}ol.review li{margin:0 0 1.25rem}ol.review p{margin:.25rem 0}span.result-ok,span.result-miss{padding:0 .15rem;font-weight:600}
h1.result-ok,h1.result-miss{padding:.5rem .75rem}blockquote p{margin:0}
`.trim();

/** A short content hash for the stylesheet's URL, so it can be cached for a year (FNV-1a). */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export const cssPath = `/assets/app.${hashOf(css)}.css`;
