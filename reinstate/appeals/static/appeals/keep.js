// Nothing typed on the appeal page is lost (issue 11). The page has a form a section, each with
// its own button. A form marked data-autosave (explanation, plan, record) is stored as the
// driver types, 800 ms after the last key, and says "Saved" or what to fix beside its button.
// Pressing any other button first stores every such form still unsaved, and stops, pointing at
// the problem, when one cannot be stored. What cannot be stored without acting (a fact or an
// action not yet added, a letter not yet saved as a version) is kept in this tab's
// sessionStorage until its own button is pressed, and put back when the page comes again.
// Leaving the page with unsaved typing asks first. Without this script, every button still
// works as a plain form.
(function () {
  "use strict";
  const dirty = new Set();
  const edits = new WeakMap();
  const timers = new WeakMap();
  let leaving = false;
  // The words it says come from the page, in the driver's language (partials/_keep_words.html).
  const words = (document.querySelector("[data-keep-words]") || { dataset: {} }).dataset;

  const posted = (form) => form instanceof HTMLFormElement && form.method === "post";
  const autosaves = (form) => Boolean(form.dataset.autosave);
  const statusOf = (form) => form.querySelector("[data-autosave-status]");
  const kept = (form) =>
    Array.from(form.elements).filter(
      (f) => f.name && (f.tagName === "TEXTAREA" || ["text", "date"].includes(f.type)),
    );
  const keyOf = (form, field) => `reinstate-keep:${form.action}:${field.name}`;

  async function save(form) {
    clearTimeout(timers.get(form));
    const seen = edits.get(form);
    const status = statusOf(form);
    let response;
    try {
      response = await fetch(form.dataset.autosave, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
      });
    } catch (error) {
      status.textContent = words.offline;
      return false;
    }
    if (response.redirected || ![200, 400].includes(response.status)) {
      // Signed out, or the server failed: not the app's answer, so say it plainly.
      status.textContent = response.redirected
        ? words.signedOut
        : words.failed;
      return false;
    }
    status.innerHTML = await response.text(); // the app's own partial, escaped by Django
    if (response.ok && edits.get(form) === seen) dirty.delete(form);
    return response.ok;
  }

  function edited(event) {
    const form = event.target.form;
    if (!posted(form)) return;
    edits.set(form, (edits.get(form) || 0) + 1);
    dirty.add(form);
    if (autosaves(form)) {
      clearTimeout(timers.get(form));
      timers.set(form, setTimeout(() => save(form), 800));
    } else if (kept(form).includes(event.target)) {
      const field = event.target;
      const draft = { base: field.defaultValue, value: field.value };
      try {
        sessionStorage.setItem(keyOf(form, field), JSON.stringify(draft));
      } catch (error) {
        // Storage full or refused: the warning on leaving still guards the words.
      }
    }
  }

  async function submitted(event) {
    const form = event.target;
    if (!posted(form) || event.defaultPrevented) return; // htmx sends its own forms
    const pending = Array.from(dirty).filter((f) => f !== form && autosaves(f));
    if (pending.length) {
      event.preventDefault();
      const results = await Promise.all(pending.map(save));
      const failed = pending.find((f, i) => !results[i]);
      if (failed) {
        statusOf(failed).scrollIntoView({ block: "center" });
        return;
      }
      form.requestSubmit(event.submitter);
      return;
    }
    kept(form).forEach((field) => sessionStorage.removeItem(keyOf(form, field)));
    leaving = true;
  }

  function restore() {
    document.querySelectorAll("form").forEach((form) => {
      if (!posted(form)) return;
      if (autosaves(form)) {
        statusOf(form).textContent = words.saves;
        return;
      }
      kept(form).forEach((field) => {
        const key = keyOf(form, field);
        const draft = JSON.parse(sessionStorage.getItem(key) || "null");
        if (!draft) return;
        // Only over what it was typed over: not over a letter drafted again since.
        if (draft.base === field.defaultValue && draft.value !== field.value) {
          field.value = draft.value;
          dirty.add(form);
        } else {
          sessionStorage.removeItem(key);
        }
      });
    });
  }

  document.addEventListener("input", edited);
  document.addEventListener("change", edited);
  document.addEventListener("submit", submitted);
  window.addEventListener("beforeunload", (event) => {
    if (leaving || dirty.size === 0) return;
    event.preventDefault();
    event.returnValue = "";
  });
  restore();
})();
