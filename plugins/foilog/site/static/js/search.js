// Search page: runs Pagefind in the browser; the form's state lives in the address bar.
const form = document.getElementById("search-form");
const noJs = document.getElementById("search-no-js");
const area = document.getElementById("search-results-area");
const status = document.getElementById("search-status");
const browse = document.getElementById("search-browse");
const list = document.getElementById("search-results");
const query = document.getElementById("search-q");
const sort = document.getElementById("search-sort");
const checkboxes = [...form.querySelectorAll("input[type=checkbox]")];

const PAGE_SIZE = 10; // each result's text is fetched separately, so load a page at a time
let pagefind = null;
let dateRanks = null; // page id -> position in date order, loaded only when sorting by date
let latest = 0;
let pending = [];
const more = document.getElementById("search-more");

function restoreFromUrl() {
  const params = new URLSearchParams(window.location.search);
  query.value = params.get("q") || "";
  sort.value = params.get("sort") || "";
  for (const box of checkboxes) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}

function chosenFilters() {
  const filters = {};
  for (const box of checkboxes) {
    if (box.checked) (filters[box.name] ||= []).push(box.value);
  }
  return filters;
}

function saveToUrl() {
  const params = new URLSearchParams();
  if (query.value.trim()) params.set("q", query.value.trim());
  if (sort.value) params.set("sort", sort.value);
  for (const box of checkboxes) if (box.checked) params.append(box.name, box.value);
  const text = params.toString();
  history.replaceState(null, "", text ? `?${text}` : window.location.pathname);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function fact(dl, term, value) {
  if (!value) return;
  const row = element("div");
  row.append(element("dt", "", term), element("dd", "", value));
  dl.append(row);
}

function showBrowseLinks() {
  // Filters alone: the static browse pages list the same records without loading the index.
  const chosen = checkboxes.filter((box) => box.checked && box.dataset.browse);
  browse.replaceChildren();
  const intro = element("p", "", "Type a search term, or browse every response for what you chose:");
  const links = element("ul");
  for (const box of chosen) {
    const item = element("li");
    const link = element("a", "", box.value);
    link.href = box.dataset.browse;
    item.append(link);
    links.append(item);
  }
  browse.append(intro, links);
  browse.hidden = false;
  list.replaceChildren();
  more.hidden = true;
  status.textContent = "Enter a search term to search.";
}

async function runSearch() {
  const ticket = ++latest;
  busy(true);
  await search(ticket);
  if (ticket === latest) busy(false);
}

async function search(ticket) {
  const term = query.value.trim();
  area.hidden = false;
  browse.hidden = true;
  if (!term) {
    if (checkboxes.some((box) => box.checked)) showBrowseLinks();
    else {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
    }
    return;
  }
  pagefind ||= await loadPagefind();
  const filters = {};
  for (const [key, values] of Object.entries(chosenFilters())) filters[key] = { any: values };
  const search = await pagefind.search(term, { filters });
  const results = sort.value ? await sortByDate(search.results, sort.value) : search.results;
  if (ticket !== latest) return; // a newer search has started
  updateCounts(search.filters);
  list.replaceChildren();
  pending = results;
  await showMore(ticket);
  if (ticket !== latest) return;
  // Announced once the first results are on the page, so the count and the list agree.
  const count = search.results.length;
  status.textContent = `${count} ${count === 1 ? "result" : "results"} for “${term}”.`;
}

async function loadPagefind() {
  const module = await import(form.dataset.pagefind);
  // Pagefind's web worker is another 12 KB to download; a search this size runs as well here.
  await module.options({ noWorker: true });
  return module;
}

async function sortByDate(results, order) {
  // The build moves the date order out of Pagefind's index, so that only a search sorted by
  // date downloads it (see docs/search.md). no-cache: a new build renames every page.
  if (!dateRanks) {
    const bundle = new URL(form.dataset.pagefind, window.location.href);
    const response = await fetch(new URL("date-order.json", bundle), { cache: "no-cache" });
    const ids = await response.json();
    dateRanks = new Map(ids.map((id, rank) => [id, rank]));
  }
  const direction = order === "oldest" ? 1 : -1;
  const rank = (result) => dateRanks.get(result.id) ?? -1;
  return [...results].sort((a, b) => direction * (rank(a) - rank(b)));
}

async function showMore(ticket) {
  const batch = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  const results = await Promise.all(batch.map((r) => r.data()));
  if (ticket !== latest) return;
  list.append(...results.map(renderResult));
  more.hidden = pending.length === 0;
}

function updateCounts(counts) {
  for (const box of checkboxes) {
    const label = form.querySelector(`label[for="${box.id}"] .count`);
    const n = counts?.[box.name]?.[box.value];
    if (label && n !== undefined) label.textContent = `(${n})`;
  }
}

function renderResult(data) {
  const item = element("li", "search-result");
  const heading = element("h3", "search-result__title");
  const link = element("a", "", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  const facts = element("dl", "inline-facts");
  fact(facts, "Reference", data.meta.reference);
  fact(facts, "Responded", data.meta.date);
  fact(facts, "Outcome", data.meta.outcome);
  fact(facts, "Exemptions", data.meta.exemptions);
  const excerpt = element("p", "search-result__excerpt");
  // Pagefind escapes the page text in excerpts and adds only <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, facts, excerpt);
  return item;
}

function onlyOneFilterWithoutTerm() {
  const chosen = checkboxes.filter((box) => box.checked);
  return !query.value.trim() && chosen.length === 1 && chosen[0].dataset.browse ? chosen[0] : null;
}

let timer = 0;
// aria-busy marks the results as being updated, for assistive technology (and tests).
function busy(value) {
  area.setAttribute("aria-busy", String(value));
}

function scheduleSearch() {
  busy(true);
  saveToUrl();
  clearTimeout(timer);
  timer = setTimeout(runSearch, 200);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const single = onlyOneFilterWithoutTerm();
  if (single) {
    window.location.assign(single.dataset.browse);
    return;
  }
  saveToUrl();
  runSearch();
});
more.addEventListener("click", async () => {
  const next = list.children.length;
  busy(true);
  await showMore(latest);
  busy(false);
  list.children[next]?.querySelector("a")?.focus();
});
query.addEventListener("input", scheduleSearch);
sort.addEventListener("change", scheduleSearch);
for (const box of checkboxes) box.addEventListener("change", scheduleSearch);

restoreFromUrl();
noJs.hidden = true;
form.hidden = false;
const single = onlyOneFilterWithoutTerm();
if (single) window.location.replace(single.dataset.browse);
else runSearch();

