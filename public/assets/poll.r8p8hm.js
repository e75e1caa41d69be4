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
