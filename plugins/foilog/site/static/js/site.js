/* Every page: folds the main menu on small screens, and marks the tables that scroll
   sideways with a visible cue. Without this script the menu is open and tables still
   scroll, with a shadow at the edge (site.css). */
(function () {
  "use strict";

  // The scripts' messages in the page's language (foilog/includes/script_messages.html):
  // foilogText("Remove {label}", { label: "…" }); English where the page has none.
  var messagesElement = document.getElementById("foilog-messages");
  var messages = messagesElement ? JSON.parse(messagesElement.textContent) : {};
  window.foilogText = function (text, values) {
    return (messages[text] || text).replace(/\{(\w+)\}/g, function (_, name) {
      return String(values[name]);
    });
  };

  function startMenu() {
    var toggle = document.querySelector("[data-nav-toggle]");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) return;
    document.documentElement.classList.add("site-nav--folding");
    function show(open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("site-nav--open", open);
    }
    toggle.addEventListener("click", function () {
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
    show(false);
  }

  // A region that scrolls says so above it, and the table is described by the cue.
  function markScrollingTables() {
    document.querySelectorAll(".table-region").forEach(function (region, index) {
      var cue = region.previousElementSibling;
      if (!cue || !cue.hasAttribute("data-scroll-cue")) {
        cue = document.createElement("p");
        cue.className = "table-region__cue";
        cue.id = "scroll-cue-" + (index + 1);
        cue.setAttribute("data-scroll-cue", "");
        cue.textContent = window.foilogText("Scroll sideways to see all columns");
        region.parentNode.insertBefore(cue, region);
      }
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      cue.hidden = !scrolls;
      if (scrolls) region.setAttribute("aria-describedby", cue.id);
      else region.removeAttribute("aria-describedby");
    });
  }

  startMenu();
  markScrollingTables();
  // A table folded into <details> can only be measured once it is opened.
  document.addEventListener("toggle", markScrollingTables, true);
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(markScrollingTables, 100);
  });
})();
