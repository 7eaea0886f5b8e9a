/* Quick exit on sensitive pages: leave for a neutral site, replacing this page in the
   history so that Back does not return to it. The link works without this script. */
(function () {
  "use strict";

  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000; // the presses must come within this time of each other
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) event.preventDefault();
    // Hide the page at once: the neutral site may take a moment to load.
    document.body.classList.add("quick-exit-leaving");
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, SHIFT_WINDOW_MS);
    if (presses >= SHIFT_PRESSES) leave(null);
  });
  document.querySelector("[data-quick-exit-hint]").hidden = false;
})();
