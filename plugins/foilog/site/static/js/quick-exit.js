/* Quick exit across a sensitive journey (docs/settings.md, "Quick exit").

   - The button, or Shift pressed 3 times, leaves for the neutral site, replacing this page
     in the history so that Back does not return to it.
   - While the visitor moves between pages of this site, each page of the journey replaces
     the one before it in the history, so that the journey holds one entry at most.
   - On the search page the button shows once the search is about a sensitive topic: the
     page tells this script by firing "foilog:sensitive" on the document.
   The link works without this script. */
(function () {
  "use strict";

  var area = document.querySelector("[data-quick-exit-area]");
  if (!area) return;
  var link = area.querySelector("[data-quick-exit]");
  var status = area.querySelector("[data-quick-exit-status]");
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000; // the presses must come within this time of each other
  var presses = 0;
  var timer = null;

  function active() {
    return !area.hidden;
  }

  function leave(event) {
    if (event) event.preventDefault();
    status.textContent = window.foilogText("Leaving this site.");
    // Hide the page at once: the neutral site may take a moment to load.
    document.body.classList.add("quick-exit-leaving");
    window.location.replace(link.href);
  }

  function announce(text) {
    status.textContent = text;
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (!active()) return;
    if (event.key !== "Shift") {
      if (presses) announce("");
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () {
      presses = 0;
      announce(window.foilogText("Quick exit cancelled: Shift was not pressed again in time."));
    }, SHIFT_WINDOW_MS);
    if (presses >= SHIFT_PRESSES) {
      clearTimeout(timer);
      leave(null);
      return;
    }
    var left = SHIFT_PRESSES - presses;
    var message = left === 1 ? "Shift pressed. Press Shift {left} more time to leave this site." : "Shift pressed. Press Shift {left} more times to leave this site.";
    announce(window.foilogText(message, { left: left }));
  });

  // Links to other pages of this site replace this page, so that the journey is one entry.
  document.addEventListener("click", function (event) {
    if (!active() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var target = event.target.closest("a[href]");
    if (!target || target === link || target.target || target.hasAttribute("download")) return;
    var url = new URL(target.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (url.pathname === window.location.pathname && url.hash) return; // within the page
    event.preventDefault();
    window.location.replace(url.href);
  });
  // Forms of this site too (the header search box): their answer replaces this page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!active() || event.defaultPrevented || form.method.toLowerCase() !== "get") return;
    var url = new URL(form.action, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    window.location.replace(url.href);
  });

  document.addEventListener("foilog:sensitive", function (event) {
    area.hidden = !event.detail;
  });
  area.querySelector("[data-quick-exit-hint]").hidden = false;
})();
