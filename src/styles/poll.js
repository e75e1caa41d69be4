/**
 * The one script of the site: keeps the class's live pages current — the projector screen, the
 * dashboard, the board, and a phone waiting for its teacher.
 *
 * Pages work without it (a Refresh or Next button; there is no meta refresh, which fails WCAG
 * 2.2.1). With it, a page that names its class (`data-live-code`) follows the class's WebSocket,
 * /c/<CODE>/live: every change in the class sends one short message naming nobody, and the page
 * fetches itself again (at most every 1.5 s, one fetch at a time) and copies each `[data-live]`
 * element from the fresh page by id, keeping what the reader did there (boxes ticked, fields typed,
 * folds opened). Without a WebSocket (or after it gave up reconnecting) it
 * polls every `data-poll` seconds (never under 20) while the tab is visible. A waiting phone
 * (`data-follow="phase,step,shut,shown"`, views/quiz-wait.tsx followOf) fetches nothing on a
 * message: it asks /quiz/q only when the class's phase or pace differs from its page's (the
 * teacher started, opened, closed or showed the answer), passing on the message's signed pace so
 * that page asks the class's object nothing. Whatever comes back — another wait state, the open
 * statement, its answer — replaces the page in place if it too follows this class, and the answer
 * form (`data-inline`) is sent with fetch and its reply put in place the same way: a phone opens
 * one socket for the whole lesson, not one per page (each opening is a request to the class's
 * object). Anything else is loaded as a page. A poll that finds it sent on loads the page. The
 * projector's pace buttons are sent the same way, with the header `x-in-place`: the reply is the
 * next screen, read with the press in one object request, and names the last message whose change
 * it holds (`data-told`), so the page fetches nothing more for that message.
 * In the lobby a page also names the settings' change number (`data-rev`, the message's `r`) and,
 * waiting to be admitted, the door count (`data-door`, `d`): when either moves it fetches itself
 * again (a new token comes with it) and copies it in, or loads it if it is now another kind of
 * page; a waiting page fetches nothing else. Status lines are `aria-live` regions, updated only when their
 * text changes; a region holding the keyboard focus is left alone, so a button never moves under
 * a finger. Needs fetch (Safari 10.1 and later). Served as a static file (CSP: script-src 'self',
 * connect-src 'self'): `npm run css` writes it, without this comment, to public/assets/poll.<hash>.js.
 */
(() => {
  let root = document.querySelector("[data-poll]");
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
  /**
   * The class as the last socket message left it (in `data-follow`'s form), its signed pace, and
   * whether this phone has gone after it yet.
   */
  let heard = null;
  /** Counts a phone's page requests: a reply that a newer request overtook is dropped. */
  let turn = 0;
  /** A phone's answer is on its way: a message meanwhile waits for its reply (which may change the page). */
  let sending = false;
  /** The newest message's `v`, and the newest a page put in place holds (`data-told`): no fetch for those. */
  let latest = 0;
  let told = 0;
  const parse = (html) => new DOMParser().parseFromString(html, "text/html");
  // What the reader did inside a region that a copy would undo: boxes ticked (the dashboard's "tick
  // students, then remove them"), fields typed in, folds opened. Kept by name and value, and by
  // the fold's summary, then put back on the fresh copy's twins.
  const keyOf = (input) => `${input.type === "checkbox" || input.type === "radio" ? input.value : ""}\n${input.name}`;
  const touchedIn = (region) => {
    const inputs = new Map();
    for (const input of region.querySelectorAll("input[name]")) {
      const box = input.type === "checkbox" || input.type === "radio";
      if (box ? input.checked !== input.defaultChecked : input.value !== input.defaultValue)
        inputs.set(keyOf(input), box ? input.checked : input.value);
    }
    const folds = new Map();
    for (const [key, fold] of foldsIn(region)) folds.set(key, fold.open);
    return { inputs, folds };
  };
  // Each fold by its summary's words and, for folds with the same words, its place among them.
  const foldsIn = (region) => {
    const seen = new Map();
    return [...region.querySelectorAll("details")].map((fold) => {
      const words = fold.querySelector("summary")?.textContent || "";
      seen.set(words, (seen.get(words) || 0) + 1);
      return [`${seen.get(words)}\n${words}`, fold];
    });
  };
  const putBack = (region, { inputs, folds }) => {
    for (const input of region.querySelectorAll("input[name]")) {
      const was = inputs.get(keyOf(input));
      if (was === undefined) continue;
      if (typeof was === "boolean") input.checked = was;
      else input.value = was;
    }
    for (const [key, fold] of foldsIn(region)) {
      const was = folds.get(key);
      if (was !== undefined) fold.open = was;
    }
  };
  const copyRegions = (doc, force) => {
    for (const region of document.querySelectorAll("[data-live]")) {
      const fresh = doc.getElementById(region.id);
      if (!fresh || region.innerHTML === fresh.innerHTML) continue;
      if (!force && region.contains(document.activeElement)) continue;
      const touched = touchedIn(region);
      region.innerHTML = fresh.innerHTML;
      putBack(region, touched);
    }
    return doc;
  };
  const copyFresh = (html, force) => (html ? copyRegions(parse(html), force) : null);
  // A page fetched (a phone's next one, the projector after a press): in place if it is the same
  // kind of page of this class (one wait state to the next: its region; else the whole body, focus
  // on its heading as a load would put it), the socket staying open. False if it must be loaded.
  const swapIn = (doc, url) => {
    const fresh = doc.querySelector("[data-poll]");
    if (!fresh || fresh.getAttribute("data-live-code") !== code) return false;
    if (fresh.hasAttribute("data-follow") !== (follow !== null)) return false;
    if (document.getElementById("wait-now") && doc.getElementById("wait-now")) {
      copyRegions(doc, true);
      root.setAttribute("data-follow", fresh.getAttribute("data-follow"));
    } else {
      // The fresh page's scripts are this one, already running.
      for (const script of doc.querySelectorAll("script")) script.remove();
      document.body.replaceWith(document.importNode(doc.body, true));
      root = document.querySelector("[data-poll]");
      door = root.getAttribute("data-door");
      rev = root.getAttribute("data-rev");
      window.scrollTo(0, 0);
      const heading = document.querySelector("main h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    }
    follow = root.getAttribute("data-follow");
    told = Math.max(told, Number(root.getAttribute("data-told")) || 0);
    // The messages heard so far are in this page: the fetch one of them asked for is not needed.
    if (timer && latest <= told) {
      clearTimeout(timer);
      timer = 0;
    }
    document.title = doc.title;
    history.replaceState(null, "", url);
    chase();
    return true;
  };
  // A message this phone has not gone after yet, for a class now elsewhere than its page: go (once
  // per message, so a page that is ahead of the messages does not ask again and again).
  const chase = () => {
    if (sending || !heard || heard.gone || follow === null || heard.now === follow) return;
    heard.gone = true;
    advance(heard.p);
  };
  // A waiting phone whose class moved on. `p` is the message's signed pace. A reply that a newer
  // request overtook (`mine` is not the last turn) is dropped.
  const advance = (p) => {
    const url = p ? `/quiz/q?pace=${encodeURIComponent(p)}` : "/quiz/q";
    const mine = ++turn;
    fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((res) => (res.ok ? res.text().then((html) => [res, html]) : location.assign(url)))
      .then((got) => {
        if (got && mine === turn && !swapIn(parse(got[1]), got[0].url)) location.assign(got[0].url);
      })
      .catch(() => location.assign(url));
  };
  // A form marked data-inline (a phone's answer, a pace button): sent with fetch, the reply put in
  // place. If that fails the form is sent as a page (a repeated answer returns the recorded one; a
  // repeated press changes nothing, the object checks what the page showed).
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-inline")) return;
    event.preventDefault();
    const data = new FormData(form);
    const by = event.submitter;
    if (by?.name) data.append(by.name, by.value);
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    const asPage = () => {
      if (by?.name) {
        const field = document.createElement("input");
        field.type = "hidden";
        field.name = by.name;
        field.value = by.value;
        form.append(field);
      }
      form.submit();
    };
    const mine = ++turn;
    sending = true;
    // The header tells the projector's press to answer with the next screen itself (a form cannot send it).
    const headers = { "x-in-place": "1" };
    // The attribute: a field named "action" (the pace buttons have one) hides the form's own property.
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new URLSearchParams(data),
      credentials: "same-origin",
      headers,
    })
      .then((res) => {
        sending = false;
        if (!res.ok) return asPage();
        const here = res.redirected ? res.url : location.href;
        return res.text().then((html) => {
          if (mine === turn && !swapIn(parse(html), here)) res.redirected ? location.assign(res.url) : asPage();
        });
      })
      .catch(() => {
        sending = false;
        asPage();
      });
  });
  // The teacher admitted or refused someone, or changed the settings: this page again, in place
  // if it is the same kind of page (still waiting, still in the lobby), else loaded.
  const reseat = () => {
    const here = location.pathname;
    busy = true;
    fetch(here, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((res) => (res.redirected || !res.ok ? location.assign(res.url) : res.text()))
      .then((html) => {
        if (!html) return;
        const doc = parse(html);
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
        copyRegions(doc, true);
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
        // Every change in the class sends a message; only a new pace or phase is news to a phone.
        // The signed pace (`p`) lets the next page skip asking the class's object where it is.
        if (!heard || heard.now !== now) heard = { now, p: message.p, gone: false };
        chase();
      } else if (message.v !== 0) {
        latest = Math.max(latest, message.v);
        if (message.v > told) soon();
      }
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
