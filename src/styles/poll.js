/**
 * The one script of the site: keeps the class's live pages current — the projector screen, the
 * dashboard, the board, and a phone waiting for its teacher.
 *
 * Pages work without it (a Refresh or Next button; there is no meta refresh, which fails WCAG
 * 2.2.1). With it, a page that names its class (`data-live-code`) follows the class's WebSocket,
 * /c/<CODE>/live: every change in the class sends one short message naming nobody, and the page
 * fetches itself again (at most every 1.5 s, one fetch at a time) and copies each `[data-live]`
 * element from the fresh page by id. Without a WebSocket (or after it gave up reconnecting) it
 * polls every `data-poll` seconds (never under 20) while the tab is visible. A waiting phone
 * (`data-follow="phase,step,shut,shown"`, views/quiz-wait.tsx followOf) fetches nothing on a
 * message: it asks /quiz/q only when the class's phase or pace differs from its page's (the
 * teacher started, opened, closed or showed the answer), passing on the message's signed pace so
 * that page asks the class's object nothing; another wait state is copied in place (the socket
 * stays open), a statement or its answer is loaded. A poll that finds it sent on loads the page.
 * In the lobby a page also names the settings' change number (`data-rev`, the message's `r`) and,
 * waiting to be admitted, the door count (`data-door`, `d`): when either moves it fetches itself
 * again (a new token comes with it) and copies it in, or loads it if it is now another kind of
 * page; a waiting page fetches nothing else. Status lines are `aria-live` regions, updated only when their
 * text changes; a region holding the keyboard focus is left alone, so a button never moves under
 * a finger. Needs fetch (Safari 10.1 and later). Served as a static file (CSP: script-src 'self',
 * connect-src 'self'): `npm run css` writes it, without this comment, to public/assets/poll.<hash>.js.
 */
(() => {
  const root = document.querySelector("[data-poll]");
  if (!root || !window.fetch || !window.DOMParser) return;
  const every = Math.max(20, Number(root.getAttribute("data-poll")) || 30) * 1000;
  const code = root.getAttribute("data-live-code");
  let follow = root.getAttribute("data-follow");
  let door = root.getAttribute("data-door");
  let rev = root.getAttribute("data-rev");
  let last = Date.now();
  let busy = false;
  let timer = 0;
  let socketOpen = false;
  const copyFresh = (html, force) => {
    if (!html) return null;
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const region of document.querySelectorAll("[data-live]")) {
      const fresh = doc.getElementById(region.id);
      if (!fresh || region.innerHTML === fresh.innerHTML) continue;
      if (!force && region.contains(document.activeElement)) continue;
      region.innerHTML = fresh.innerHTML;
    }
    return doc;
  };
  // A waiting phone whose class moved on: one wait state to the next in place (the socket stays
  // open); a new page (a statement, its answer) is loaded. `p` is the message's signed pace.
  const advance = (p) => {
    const url = p ? `/quiz/q?pace=${encodeURIComponent(p)}` : "/quiz/q";
    fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((res) => (res.redirected || !res.ok ? location.assign(res.url) : res.text()))
      .then((html) => {
        const doc = html ? copyFresh(html, true) : null;
        const next = doc?.querySelector("[data-follow]")?.getAttribute("data-follow");
        if (!doc) return;
        if (!next) return location.assign(url);
        follow = next;
        root.setAttribute("data-follow", next);
        document.title = doc.title;
        history.replaceState(null, "", url);
      })
      .catch(() => location.assign(url));
  };
  // The teacher admitted or refused someone, or changed the settings: this page again, in place
  // if it is the same kind of page (still waiting, still in the lobby), else loaded.
  const reseat = () => {
    const here = location.pathname;
    busy = true;
    fetch(here, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((res) => (res.redirected || !res.ok ? location.assign(res.url) : res.text()))
      .then((html) => {
        if (!html) return;
        const doc = new DOMParser().parseFromString(html, "text/html");
        const fresh = doc.querySelector("[data-poll]");
        const same =
          fresh && fresh.getAttribute("data-follow") === follow && fresh.hasAttribute("data-door") === (door !== null);
        if (!same) return location.assign(here);
        door = fresh.getAttribute("data-door");
        rev = fresh.getAttribute("data-rev");
        for (const [name, value] of [
          ["data-door", door],
          ["data-rev", rev],
        ])
          if (value !== null) root.setAttribute(name, value);
        copyFresh(html, true);
        document.title = doc.title;
      })
      .catch(() => location.assign(here))
      .then(() => {
        busy = false;
        last = Date.now();
      });
  };
  const refresh = () => {
    if (door !== null) return reseat();
    if (busy || document.hidden) return;
    busy = true;
    // A waiting phone asks where the class is now, not what an old signed pace in its address said.
    fetch(follow === null ? location.href : location.pathname, {
      credentials: "same-origin",
      headers: { accept: "text/html" },
    })
      .then((res) => {
        if (follow !== null && res.redirected) location.assign(res.url);
        return res.ok ? res.text() : null;
      })
      .then(copyFresh)
      .catch(() => {})
      .then(() => {
        busy = false;
        last = Date.now();
      });
  };
  // A burst of changes (thirty students joining) becomes one fetch, at most every 1.5 s.
  const soon = () => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = 0;
        if (busy) soon();
        else refresh();
      },
      Math.max(300, last + 1500 - Date.now()),
    );
  };
  setInterval(() => {
    if (!socketOpen && Date.now() - last >= every) refresh();
  }, 5000);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && (socketOpen || Date.now() - last >= every)) soon();
  });
  if (!code || !window.WebSocket) return;
  let tries = 0;
  let opened = false;
  const connect = () => {
    const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/c/${code}/live`);
    // Some networks drop a quiet socket; "ping" is answered without waking the class's object.
    const keepAlive = setInterval(() => socket.readyState === 1 && socket.send("ping"), 45000);
    socket.onopen = () => {
      socketOpen = true;
      tries = 0;
      // Catch up on what changed since the page was rendered (a student who joined while it loaded
      // sends no second message) or while a reconnect was pending. A waiting phone needs no fetch
      // the first time: the greeting carries the pace it compares.
      if (opened || (follow === null && door === null)) soon();
      opened = true;
    };
    socket.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      const moved =
        (door !== null && String(message.d || 0) !== door) || (rev !== null && String(message.r || 0) !== rev);
      if (moved && !busy) return reseat();
      // A phone waiting to be admitted looks only when the door moves.
      if (door !== null) return;
      if (follow !== null) {
        const now = [message.phase, message.step, message.shut ? 1 : 0, message.shown ? 1 : 0].join(",");
        // The signed pace (`p`) lets the next page skip asking the class's object where it is.
        if (follow !== now) advance(message.p);
      } else if (message.v !== 0) soon();
    };
    socket.onclose = () => {
      clearInterval(keepAlive);
      socketOpen = false;
      // Reconnect a few times (a phone that slept, a deploy); then polling carries on alone.
      if (++tries <= 5) setTimeout(connect, 2000 * tries);
    };
  };
  connect();
})();
