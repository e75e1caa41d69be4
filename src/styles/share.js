/**
 * The result page's share link, enhanced: the system share sheet where the browser has the Web
 * Share API, else a button that copies the link. Without this script (or either API) it stays a
 * plain link to the share page, which shows what a recipient sees. Served as a static file (CSP:
 * script-src 'self'): `npm run css` writes it, without this comment, to public/assets/share.<hash>.js.
 */
(() => {
  const link = document.querySelector("a[data-share]");
  const status = document.querySelector("[data-share-status]");
  if (!link || !status) return;
  const url = link.href;
  if (navigator.share) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      // A cancelled share sheet rejects: nothing to do.
      navigator.share({ title: document.title, url }).catch(() => {});
    });
    return;
  }
  if (!navigator.clipboard) return;
  link.textContent = "Copy the link to your score";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigator.clipboard.writeText(url).then(
      () => {
        status.textContent = "Link copied.";
      },
      () => {
        window.location.href = url;
      },
    );
  });
})();
