// The claim link's "Copy" button: copies the link and says so; where the clipboard is not
// allowed, the link is left selected for the advocate to copy from the phone's menu. A tap on
// the link itself selects all of it.
document.addEventListener("click", async (event) => {
  if (event.target.matches("input[data-select-all]")) {
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
    said.textContent = button.dataset.copied; // the page's words, in the advocate's language
  } catch {
    said.textContent = button.dataset.selected;
  }
});
