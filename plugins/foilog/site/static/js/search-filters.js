// The search page's filter panel: open beside the results on wide screens and folded above
// them on small ones; each group folds, shows its ten most used values until "Show all",
// and the topics can be narrowed by typing. Counts are those of the current search, shown
// only in the groups a visitor opens (or has a value chosen in), and never stale ones.
const WIDE = window.matchMedia("(min-width: 48rem)");

export function startFilterPanel(form, onGroupOpen) {
  const panel = form.querySelector("#search-filters");
  const groups = [...panel.querySelectorAll("[data-filter-group]")];
  const boxes = [...panel.querySelectorAll("input[type=checkbox]")];
  const months = [...panel.querySelectorAll("[data-month-range]")];
  for (const box of boxes) {
    const count = box.labels[0].querySelector("[data-count]");
    count.dataset.total = count.textContent; // the whole log's count, written by the build
  }

  function refreshGroup(group) {
    const list = group.querySelector("ul");
    if (!list) return;
    const find = group.querySelector("[data-filter-find]");
    const words = find ? find.value.trim().toLowerCase() : "";
    const all = group.querySelector("[data-show-all]")?.getAttribute("aria-expanded") === "true";
    for (const item of list.children) {
      const box = item.querySelector("input");
      const matches = !words || box.value.toLowerCase().includes(words);
      item.hidden = !box.checked && !(matches && (words || all || !item.hasAttribute("data-more")));
    }
  }

  function chosenIn(group) {
    const ticked = group.querySelectorAll("input[type=checkbox]:checked").length;
    return ticked + [...group.querySelectorAll("[data-month-range]")].filter((s) => s.value).length;
  }

  function update() {
    let total = 0;
    for (const group of groups) {
      const chosen = chosenIn(group);
      total += chosen;
      group.querySelector("[data-chosen-count]").textContent = chosen ? `(${chosen} chosen)` : "";
      refreshGroup(group);
    }
    panel.querySelector(":scope > summary [data-chosen-count]").textContent = total
      ? window.foilogText("({total} chosen)", { total })
      : "";
  }

  for (const group of groups) {
    group.addEventListener("toggle", () => {
      if (group.open) onGroupOpen(group.dataset.filterGroup, chosenIn(group) > 0);
    });
    const showAll = group.querySelector("[data-show-all]");
    const label = showAll?.textContent;
    showAll?.addEventListener("click", () => {
      const all = showAll.getAttribute("aria-expanded") !== "true";
      showAll.setAttribute("aria-expanded", String(all));
      showAll.textContent = all ? window.foilogText("Show the ten most used only") : label;
      refreshGroup(group);
    });
    group.querySelector("[data-filter-find]")?.addEventListener("input", () => refreshGroup(group));
  }
  panel.open = WIDE.matches;

  return {
    update,
    // Once the address has set the form: a group with a value chosen starts open.
    openChosen() {
      for (const group of groups) group.open = chosenIn(group) > 0;
      update();
    },
    // Pagefind's counts for the current search; null for the whole log's (no search term),
    // undefined while a search is on its way. A group whose counts Pagefind has not loaded
    // shows none rather than stale ones. Each group says whose counts it shows, for
    // assistive technology's sake as much as for tests: "log", "search" or "none".
    showCounts(counts) {
      for (const group of groups) {
        if (!group.querySelector("ul")) continue;
        const name = group.dataset.filterGroup;
        group.dataset.counts = counts === null ? "log" : counts?.[name] ? "search" : "none";
      }
      const shown = groups.filter((g) => g.dataset.counts).map((g) => g.dataset.counts);
      panel.dataset.counts = shown.every((c) => c === shown[0]) ? shown[0] : "partial";
      for (const box of boxes) {
        const count = box.labels[0].querySelector("[data-count]");
        if (counts === null) count.textContent = count.dataset.total;
        else if (counts?.[box.name]) {
          const value = counts[box.name][box.value];
          count.textContent = value === null ? "" : `(${value ?? 0})`; // null: not counted
        }
        else count.textContent = "";
      }
    },
    // What the visitor chose, each with a way to take it off, for "no results".
    chosenDescriptions() {
      const chosen = boxes
        .filter((box) => box.checked)
        .map((box) => ({
          label: `${box.closest("[data-filter-group]").querySelector("legend").textContent}: ${box.value}`,
          clear: () => {
            box.checked = false;
          },
        }));
      if (months.some((select) => select.value)) {
        chosen.push({
          label: window.foilogText("the date range"),
          clear: () => months.forEach((select) => (select.value = "")),
        });
      }
      return chosen;
    },
  };
}
