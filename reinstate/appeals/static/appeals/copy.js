// The protective appeal's "Copy" button: copies the letter and says so; where the clipboard is
// not allowed, the letter is left selected for the driver to copy from the phone's menu. A tap
// on the letter itself selects all of it too.
document.addEventListener("click", async (event) => {
  if (event.target.matches("textarea[data-select-all]")) {
    event.target.select();
    return;
  }
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const said = document.getElementById(button.dataset.copy + "-copied");
  source.focus();
  source.select();
  try {
    await navigator.clipboard.writeText(source.value);
    said.textContent = button.dataset.copied; // the page's words, in the driver's language
  } catch {
    said.textContent = button.dataset.selected;
  }
});
