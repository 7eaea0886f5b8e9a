// Search page: runs Pagefind in the browser; the form's state lives in the address bar.
import { startFilterPanel } from "./search-filters.js";

const form = document.getElementById("search-form");
const noJs = document.getElementById("search-no-js");
const area = document.getElementById("search-results-area");
const status = document.getElementById("search-status");
const browse = document.getElementById("search-browse");
const none = document.getElementById("search-none");
const list = document.getElementById("search-results");
const query = document.getElementById("search-q");
const sort = document.getElementById("search-sort");
const more = document.getElementById("search-more");
const scopeNote = document.getElementById("search-scope");
const checkboxes = [...form.querySelectorAll("input[type=checkbox]")];
const monthSelects = [...form.querySelectorAll("[data-month-range]")];
const exitArea = document.querySelector("[data-quick-exit-topics]");
const sensitiveTopics = exitArea ? JSON.parse(exitArea.dataset.quickExitTopics) : [];

const PAGE_SIZE = 10; // each result's text is fetched separately, so load a page at a time
const TYPING_PAUSE_MS = 120; // search once typing pauses, not on every key
let pagefindLoading = null;
// Whether the visitor asked to search every response, not only the newest (or oldest).
let everyResponse = false;
let dateRanks = null; // page id -> position in date order, loaded only when sorting by date
let latest = 0;
let pending = [];
// Filter groups whose counts a visitor asked for by opening them. Pagefind counts only the
// filters whose chunks it has loaded, and loads a chunk only for a filter in a search; so a
// group's chunks are loaded once for each set of shards searched, by a preload naming it
// with a filter that leaves every result in, before the search (such a filter would change
// the counts if searched with).
const counted = new Set();
const loadedCounts = new Set(); // "group shard paths" already preloaded

const panel = startFilterPanel(form, (group, chosen) => {
  // A chosen value's group has its counts already: the search loads that filter anyway.
  if (counted.has(group) || chosen) return;
  counted.add(group);
  if (query.value.trim()) scheduleSearch();
});

function restoreFromUrl() {
  const params = new URLSearchParams(window.location.search);
  query.value = params.get("q") || "";
  sort.value = params.get("sort") || "";
  for (const box of checkboxes) box.checked = params.getAll(box.name).includes(box.value);
  for (const select of monthSelects) select.value = params.get(select.name) || "";
  everyResponse = params.get("all") === "1";
}

function monthRange() {
  // Every month from "from" to "to" that the log has, as the month filter's values.
  const months = [...monthSelects[0].options].map((o) => o.value).filter(Boolean);
  const [from, to] = monthSelects.map((s) => s.value);
  if (!from && !to) return null;
  let [low, high] = [from || months[0], to || months[months.length - 1]];
  if (low > high) [low, high] = [high, low];
  return months.filter((m) => m >= low && m <= high);
}

function chosenFilters() {
  const filters = {};
  for (const box of checkboxes) {
    if (box.checked) (filters[box.name] ||= []).push(box.value);
  }
  const months = monthSelects.length ? monthRange() : null;
  if (months) filters.month = months;
  return filters;
}

function saveToUrl() {
  const params = new URLSearchParams();
  if (query.value.trim()) params.set("q", query.value.trim());
  if (sort.value) params.set("sort", sort.value);
  for (const box of checkboxes) if (box.checked) params.append(box.name, box.value);
  for (const select of monthSelects) if (select.value) params.set(select.name, select.value);
  if (everyResponse) params.set("all", "1");
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
  row.append(element("dt", "", `${term}:`), element("dd", "", value));
  dl.append(row);
}

function clearResults(message) {
  list.replaceChildren();
  more.hidden = true;
  none.hidden = true;
  scopeNote.hidden = true;
  status.textContent = message;
}

function showBrowseLinks() {
  // Filters alone: the static browse pages list the same records without loading the index.
  const chosen = checkboxes.filter((box) => box.checked && box.dataset.browse);
  browse.replaceChildren();
  if (chosen.length) {
    const intro = element("p", "", window.foilogText("Type a search term, or browse every response for what you chose:"));
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
  }
  clearResults(window.foilogText("Enter a search term to search."));
}

function aboutSensitiveTopic() {
  // Quick exit shows for a search about a sensitive topic: chosen as a filter, named in the
  // search, or a word of its name searched for ("abuse" for "domestic abuse").
  const text = query.value.toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2);
  const topics = new Set(chosenFilters().topic || []);
  return sensitiveTopics.some((name) => {
    const lower = name.toLowerCase();
    return topics.has(name) || text.includes(lower) ||
      words.some((word) => lower.split(/[^\p{L}\p{N}]+/u).includes(word));
  });
}

function markSensitive() {
  if (!exitArea) return;
  document.dispatchEvent(new CustomEvent("foilog:sensitive", { detail: aboutSensitiveTopic() }));
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
    panel.showCounts(null);
    if (Object.keys(chosenFilters()).length) showBrowseLinks();
    else clearResults("");
    return;
  }
  const index = await loadPagefind();
  const chosen = chosenFilters();
  const filters = {};
  for (const [key, values] of Object.entries(chosen)) filters[key] = { any: values };
  let scope = index ? scopeOf(index, chosen, everyResponse) : null;
  let found = await searchShards(index, scope, term, filters);
  if (scope?.partial && found.results.length === 0) {
    // Nothing in the newest responses: the visitor would have to ask, so look in them all.
    scope = scopeOf(index, chosen, true);
    found = await searchShards(index, scope, term, filters);
  }
  const results = sort.value ? await sortByDate(found.results, sort.value) : found.results;
  if (ticket !== latest) return; // a newer search has started
  if (scope?.partial) leaveUncounted(found.filters, scope);
  panel.showCounts(found.filters);
  list.replaceChildren();
  none.hidden = true;
  scopeNote.hidden = !scope?.partial; // offers to search every response
  pending = results;
  await showMore(ticket);
  if (ticket !== latest) return;
  // Announced once the first results are on the page, so the count and the list agree.
  const count = found.results.length;
  if (count === 0) showNoResults(term);
  const filtered = Object.keys(filters).length > 0;
  const message = count
    ? count === 1 ? "{count} result for “{term}”." : "{count} results for “{term}”."
    : filtered ? "No results for “{term}” with the filters you chose." : "No results for “{term}”.";
  const said = [window.foilogText(message, { count, term }), scopeText(scope)];
  status.textContent = said.filter(Boolean).join(" ");
}

function showNoResults() {
  const remove = none.querySelector("[data-none-remove]");
  remove.replaceChildren();
  const chosen = panel.chosenDescriptions();
  for (const { label, clear } of chosen) {
    const button = element("button", "button-secondary search-none__remove", window.foilogText("Remove {label}", { label }));
    button.type = "button";
    button.addEventListener("click", () => {
      clear();
      scheduleSearch();
      query.focus();
    });
    remove.append(button, " ");
  }
  none.querySelector("[data-none-filters]").hidden = chosen.length === 0;
  none.hidden = false;
}

async function searchShards(index, scope, term, filters) {
  // Search the shards in `scope` as one index, loading the counts of the filter groups a
  // visitor opened first (see `counted`).
  if (!index || !scope.names.length) return { results: [], filters: {} };
  const shards = await merged(index, scope.names);
  const unloaded = [...counted].filter((group) => !loadedCounts.has(`${group} ${shards}`));
  if (unloaded.length) {
    const everything = Object.fromEntries(unloaded.map((group) => [group, { none: [] }]));
    await index.module.preload(term, { filters: everything, shards });
    for (const group of unloaded) loadedCounts.add(`${group} ${shards}`);
  }
  return asOneIndex(await index.module.search(term, { filters, shards }));
}

function scopeOf(index, chosen, every) {
  // The shards a search reads: of those that cover the years and the date range chosen
  // (every shard when none is), all once asked for; else the newest (the oldest, sorted
  // oldest first) that together hold at most the first search's pages, and at least one.
  // A shard covers months no other covers, but for the parts of one busy month, which are
  // read together.
  const { months } = index;
  const years = chosen.year;
  const range = chosen.month;
  const shards = index.shards.filter((name) => {
    const [first, last] = months[name];
    const inYears = !years || years.some((value) => spansYear(first, last, value));
    return inYears && (!range || range.some((month) => first <= month && month <= last));
  });
  if (every) return { names: shards, partial: false };
  const ordered = sort.value === "oldest" ? shards : [...shards].reverse();
  const names = [];
  let pages = 0;
  for (const name of ordered) {
    const last = names[names.length - 1];
    const samePart = last && months[last].join() === months[name].join();
    if (last && pages + index.pages[name] > index.firstPages && !samePart) break;
    names.push(name);
    pages += index.pages[name];
  }
  const spans = names.map((name) => months[name]);
  const from = spans.map(([first]) => first).sort()[0];
  const to = spans.map(([, last]) => last).sort().at(-1);
  return { names, partial: names.length < shards.length, from, to };
}

function spansYear(first, last, value) {
  // Whether months `first` to `last` ("2024-03", "0000-00" undated) take in a year filter's
  // value: a year, or the label of responses with no date.
  const year = /^\d{4}$/.test(value) ? value : "0000";
  return first.slice(0, 4) <= year && year <= last.slice(0, 4);
}

function leaveUncounted(counts, scope) {
  // The years a search did not read have no count, rather than none found.
  for (const box of checkboxes.filter((box) => box.name === "year")) {
    if (counts.year && !spansYear(scope.from, scope.to, box.value)) counts.year[box.value] = null;
  }
}

function scopeText(scope) {
  // Which responses a search read, when not all ("" when all).
  if (!scope?.partial) return "";
  const { from, to } = scope;
  return from.startsWith("0000")
    ? window.foilogText("Only responses up to {to} were searched.", { to: monthLabel(to) })
    : window.foilogText("Only responses from {from} to {to} were searched.", {
        from: monthLabel(from),
        to: monthLabel(to),
      });
}

function monthLabel(month) {
  // "March 2024", as the date range lists write it; a year alone where the month is not known.
  const option = monthSelects[0]?.querySelector(`option[value="${month}"]`);
  return option ? option.textContent.trim() : month.slice(0, 4);
}

function matchedLength(response, term) {
  // How well a shard matched a search term: Infinity for words starting with it; else the
  // length of the shorter word Pagefind fell back to, 0 when it left the term out.
  const scores = response.results[0]?.scores;
  if (!scores) return Infinity; // a quoted search matches exact words only
  let length = 0;
  for (const { search_term: word } of scores) {
    if (word.startsWith(term)) return Infinity;
    if (term.startsWith(word)) length = Math.max(length, word.length);
  }
  return length;
}

function asOneIndex(found) {
  // Each shard is searched on its own, and one with no word starting with a search term
  // falls back to a shorter word or leaves the term out. One index of the whole log does
  // that only when no record has such a word, and then falls back to the longest one. So
  // keep the results and counts of the shards that matched each term as well as the best
  // shard did; every result of a shard matched each term in the same way.
  const shards = (found.instances || [found]).filter((shard) => shard.results.length);
  const terms = (found.query_term_idfs || []).map((idf) => idf.term);
  const lengths = shards.map((shard) => terms.map((term) => matchedLength(shard, term)));
  const best = terms.map((_, i) => Math.max(0, ...lengths.map((shard) => shard[i])));
  const kept = shards.filter((_, s) => lengths[s].every((length, i) => length === best[i]));
  const filters = {};
  for (const shard of found.instances || [found]) {
    for (const key of Object.keys(shard.filters)) filters[key] ||= {};
  }
  for (const shard of kept) {
    for (const [key, values] of Object.entries(shard.filters)) {
      for (const [value, count] of Object.entries(values)) {
        filters[key][value] = (filters[key][value] || 0) + count;
      }
    }
  }
  const results = kept.flatMap((shard) => shard.results).sort((a, b) => b.score - a.score);
  return { results, filters };
}

function loadPagefind() {
  // Started when the search box is focused or the page is idle, so that the first search
  // does not wait for Pagefind's code and metadata. The index is in shards (see
  // docs/search.md), each its own Pagefind bundle: the newest one's code searches them
  // all, and the others are merged in when a search first needs them.
  pagefindLoading ||= (async () => {
    const bundle = new URL(form.dataset.pagefind, window.location.href);
    const response = await fetch(new URL("shards.json", bundle), { cache: "no-cache" });
    const listed = await response.json();
    // The shards with this page's language (Pagefind would fall back to another one's).
    const language = (document.documentElement.lang || "unknown").toLowerCase();
    const base = (code) => code.split("-")[0];
    const ownCodes = (name) => Object.keys(listed.languages[name]).filter((code) =>
      code === language || base(code) === base(language));
    const own = listed.shards.filter((name) => ownCodes(name).length);
    const shards = own.length ? own : listed.shards;
    if (!shards.length) return null; // a log with nothing published yet
    const pages = Object.fromEntries(shards.map((name) => {
      const codes = own.length ? ownCodes(name) : Object.keys(listed.languages[name]);
      return [name, codes.reduce((sum, code) => sum + listed.languages[name][code], 0)];
    }));
    const primary = shards[shards.length - 1];
    const module = await import(new URL(`${primary}/pagefind.js`, bundle).href);
    // Pagefind's web worker is another 12 KB to download; a search this size runs as well here.
    await module.options({ noWorker: true });
    await module.init();
    const path = (name) => new URL(`${name}/`, bundle).pathname;
    return {
      module, shards, pages, path,
      months: listed.months,
      firstPages: listed.first_pages,
      merging: { [primary]: Promise.resolve() },
    };
  })();
  return pagefindLoading;
}

async function merged(index, names) {
  // The base paths of these shards, once each is merged into the search.
  for (const name of names) index.merging[name] ||= index.module.mergeIndex(index.path(name));
  await Promise.all(names.map((name) => index.merging[name]));
  return names.map(index.path);
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

function renderResult(data) {
  const item = element("li", "search-result");
  const heading = element("h3", "search-result__title");
  const link = element("a", "", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  const facts = element("dl", "inline-facts search-result__facts");
  fact(facts, window.foilogText("Reference"), data.meta.reference);
  fact(facts, window.foilogText("Responded"), data.meta.date);
  fact(facts, window.foilogText("Outcome"), data.meta.outcome);
  fact(facts, window.foilogText("Exemptions"), data.meta.exemptions);
  item.append(heading, facts);
  if (data.excerpt) {
    const excerpt = element("p", "search-result__excerpt");
    // Pagefind escapes the page text in excerpts and adds only <mark> around matches.
    excerpt.innerHTML = data.excerpt;
    item.append(excerpt);
  }
  return item;
}

function onlyOneFilterWithoutTerm() {
  const chosen = checkboxes.filter((box) => box.checked);
  const dated = monthSelects.some((select) => select.value);
  return !query.value.trim() && !dated && chosen.length === 1 && chosen[0].dataset.browse
    ? chosen[0]
    : null;
}

let timer = 0;
// aria-busy marks the results as being updated, for assistive technology (and tests).
function busy(value) {
  area.setAttribute("aria-busy", String(value));
}

function scheduleSearch() {
  busy(true);
  // The counts shown are those of the last search: none until this one has run.
  if (query.value.trim()) panel.showCounts(undefined);
  markSensitive();
  saveToUrl();
  panel.update();
  clearTimeout(timer);
  timer = setTimeout(runSearch, TYPING_PAUSE_MS);
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
scopeNote.querySelector("[data-scope-all]").addEventListener("click", async () => {
  everyResponse = true;
  saveToUrl();
  await runSearch();
  list.querySelector("a")?.focus(); // the button is gone: on to the first result
});
more.addEventListener("click", async () => {
  const next = list.children.length;
  busy(true);
  await showMore(latest);
  busy(false);
  list.children[next]?.querySelector("a")?.focus();
});
query.addEventListener("focus", loadPagefind, { once: true });
query.addEventListener("input", () => {
  // Fetch the index chunks for the words so far while the visitor types.
  const term = query.value.trim();
  if (term) {
    loadPagefind().then(async (index) => {
      if (!index) return;
      const scope = scopeOf(index, chosenFilters(), everyResponse);
      index.module.preload(term, { shards: await merged(index, scope.names) });
    });
  }
  scheduleSearch();
});
sort.addEventListener("change", scheduleSearch);
for (const box of checkboxes) box.addEventListener("change", scheduleSearch);
for (const select of monthSelects) select.addEventListener("change", scheduleSearch);

restoreFromUrl();
markSensitive();
noJs.hidden = true;
form.hidden = false;
panel.openChosen();
const single = onlyOneFilterWithoutTerm();
if (single) window.location.replace(single.dataset.browse);
else {
  runSearch();
  // Most visitors search next: load Pagefind once the page is idle.
  (window.requestIdleCallback || ((callback) => setTimeout(callback, 200)))(() => loadPagefind());
}
