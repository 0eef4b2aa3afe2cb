// A "Copy" button (data-copy="<id of the text>"): copies the text and says so in the words the
// page gave it (data-copied, in the reader's language); where the clipboard is not allowed, the
// text is left selected to copy from the phone's menu (data-selected). A tap on the text itself
// (data-select-all) selects all of it. Used by the protective appeal, the drafts after a "no"
// and the advocate's claim link.
document.addEventListener("click", async (event) => {
  if (event.target.matches("[data-select-all]")) {
    event.target.select();
    return;
  }
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const said = document.getElementById(button.dataset.copy + "-copied");
  source.focus();
  source.select();
  // A browser that neither allows nor refuses (a page not in focus, a permission never asked)
  // would leave the driver with no answer: after a second the text is simply left selected.
  let timer;
  const waited = new Promise((_, refuse) => {
    timer = setTimeout(refuse, 1000);
  });
  try {
    await Promise.race([navigator.clipboard.writeText(source.value), waited]);
    said.textContent = button.dataset.copied;
  } catch {
    said.textContent = button.dataset.selected;
  } finally {
    clearTimeout(timer); // a copy that worked leaves no refusal behind it
  }
});
