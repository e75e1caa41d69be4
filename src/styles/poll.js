/**
 * The one script of the site: refreshes the board and the dashboard while they are visible.
 *
 * Pages work without it (a Refresh button reloads them; there is no meta refresh,
 * which fails WCAG 2.2.1). With it, the page re-fetches itself every `data-poll`
 * seconds (never under 20) while the tab is visible, and copies each `[data-live]`
 * element from the fresh page by id. The short status line is an `aria-live`
 * region, updated only when its text changes, so screen readers hear "12 of 30
 * finished" once, not every poll. A region holding the keyboard focus is left
 * alone so a teacher's Remove button never moves under their finger. It needs fetch
 * (Safari 10.1 and later, which also have let, const and arrow functions) and does nothing without it. Served as a static file (CSP: script-src
 * 'self'): `npm run css` writes it, without this comment, to public/assets/poll.<hash>.js.
 */
(() => {
  const root = document.querySelector("[data-poll]");
  if (!root || !window.fetch || !window.DOMParser) return;
  const every = Math.max(20, Number(root.getAttribute("data-poll")) || 30) * 1000;
  let last = Date.now();
  let busy = false;
  const copyFresh = (html) => {
    if (!html) return;
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const region of document.querySelectorAll("[data-live]")) {
      const fresh = doc.getElementById(region.id);
      if (!fresh || region.innerHTML === fresh.innerHTML) continue;
      if (region.contains(document.activeElement)) continue;
      region.innerHTML = fresh.innerHTML;
    }
  };
  const refresh = () => {
    if (busy || document.hidden) return;
    busy = true;
    fetch(location.href, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((res) => (res.ok ? res.text() : null))
      .then(copyFresh)
      .catch(() => {})
      .then(() => {
        busy = false;
        last = Date.now();
      });
  };
  setInterval(() => {
    if (Date.now() - last >= every) refresh();
  }, 5000);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && Date.now() - last >= every) refresh();
  });
})();
