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
