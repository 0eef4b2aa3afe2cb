// Sign-up: the time zone is taken from the phone when it is one of the choices. Without this
// script nothing changes: the driver picks it from the list.
(function () {
  "use strict";
  const select = document.querySelector('select[name="time_zone"]');
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (!select || !zone) return;
  for (const option of select.options) {
    if (option.value === zone) {
      select.value = zone;
      return;
    }
  }
})();
