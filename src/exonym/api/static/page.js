// The page for people: everything shown comes from the API of the server that serves the page.
// Addresses are relative, so that the page also works behind a reverse proxy under a path prefix.
// User text and gazetteer text only ever go into the page as text nodes (never innerHTML).

const $ = (id) => document.getElementById(id);

// ---- Building elements, always with text nodes -------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---- The API, and its errors in plain words ---------------------------------------------------

const PARAMETERS = {
  text: "text",
  lang: "language of the text",
  to: "language to render into",
  style: "house style",
  q: "name to look up",
  locale: "language",
};

class ApiError extends Error {}

function plainWords(status, body) {
  const said = body && typeof body.error === "string" ? body.error : "";
  const what = body && body.parameter ? PARAMETERS[body.parameter] || body.parameter : null;
  if (status === 413) return "The text is too long: the server reads at most 1 MB at once. Split it into parts and try again.";
  if (status === 404) return `Not found: ${said || "the server has no such page or entry"}.`;
  if (status === 503) return "The server is busy with other texts. Try again in a few seconds.";
  if (status === 504) return "Reading this text took too long. Try a shorter part of it.";
  if (status === 408) return "The text took too long to arrive at the server. Try again.";
  if (status === 422 || status === 400) {
    return what ? `The ${what} was not accepted: ${said}.` : `The request was not accepted: ${said}.`;
  }
  return `The server could not do this (error ${status}${said ? ": " + said : ""}).`;
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw new ApiError("The exonym server could not be reached. Is it still running?");
  }
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(plainWords(response.status, body));
  return body;
}

const postJson = (path, payload) =>
  api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });

function showError(error) {
  const box = $("alert");
  box.replaceChildren(el("strong", {}, "Sorry: "), error instanceof ApiError ? error.message : `something went wrong in the page (${error}).`);
  box.hidden = false;
  if (!(error instanceof ApiError)) console.error(error);
}

function clearError() {
  $("alert").hidden = true;
  $("alert").replaceChildren();
}

// ---- Types and their colours ------------------------------------------------------------------

// Each entry type belongs to one colour group; places and glossary entries (organizations, terms)
// are told apart by shape as well as colour (glossary marks are underlined with dashes).
const GROUPS = [
  { id: "admin", label: "countries, regions, districts", types: ["country", "territory", "first-level-division", "district"] },
  { id: "settlement", label: "cities, towns, villages", types: ["city", "town", "village"] },
  { id: "disputed", label: "disputed and historical places", types: ["disputed-territory", "historical-unit"] },
  { id: "nature", label: "mountains, rivers, lakes", types: ["physical-feature"] },
  { id: "org", label: "organizations", types: ["organization"], glossary: true },
  { id: "term", label: "terms", types: ["term"], glossary: true },
];
const GROUP_OF = new Map(GROUPS.flatMap((g) => g.types.map((t) => [t, g])));
const groupOf = (type) => GROUP_OF.get(type) || GROUPS[0];
const typeLabel = (type) => type.replaceAll("-", " ");

function legend(list, counts) {
  list.replaceChildren();
  for (const [title, glossary] of [["Places", false], ["Glossary", true]]) {
    const shown = GROUPS.filter((g) => !!g.glossary === glossary && counts.get(g.id));
    if (!shown.length) continue;
    list.append(
      el("li", { class: "legend-title" }, title + ":"),
      ...shown.map((g) => el("li", {}, el("span", { class: `swatch g-${g.id}`, "aria-hidden": "true" }), `${g.label} (${counts.get(g.id)})`)),
    );
  }
}

// ---- Offsets: the API counts code points, JavaScript strings count UTF-16 code units ----------

/** For each code point offset 0..n of `text`, the UTF-16 offset (one more entry than code points). */
function codeUnitOffsets(text) {
  const out = [0];
  let units = 0;
  for (const ch of text) {  // iterates code points: an emoji is one step of two units
    units += ch.length;
    out.push(units);
  }
  return out;
}

/** Fill `container` with one paragraph per line of `text` (dir="auto", so each right-to-left
 *  paragraph reads right to left), with `make(span, piece)` in place of each span's text. Spans
 *  are {start, end} in code points, sorted; one that overlaps the one before is left out. */
function fillText(container, text, spans, make) {
  const units = codeUnitOffsets(text);
  const pieces = [];
  let last = 0;
  for (const span of spans) {
    const start = units[span.start];
    const end = units[span.end];
    if (start === undefined || end === undefined || start < last || end <= start) continue;
    last = end;
    for (let i = start; i < end; ) {  // a span never crosses a paragraph: cut it at line ends
      const nl = text.indexOf("\n", i);
      const stop = nl === -1 || nl >= end ? end : nl;
      if (stop > i) pieces.push({ start: i, end: stop, span });
      i = stop + 1;
    }
  }
  container.replaceChildren();
  let k = 0;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const lineEnd = lineStart + line.length;
    const p = el("p", { dir: "auto" });
    let pos = lineStart;
    for (; k < pieces.length && pieces[k].start < lineEnd; k++) {
      const piece = pieces[k];
      if (piece.start > pos) p.append(text.slice(pos, piece.start));
      p.append(make(piece.span, text.slice(piece.start, piece.end)));
      pos = piece.end;
    }
    if (lineEnd > pos) p.append(text.slice(pos, lineEnd));
    container.append(p);
    lineStart = lineEnd + 1;
  }
}

// ---- Resolving the text -----------------------------------------------------------------------

const state = { text: "", answer: null, entries: new Map(), opener: null };

function mentionMark(mention, piece) {
  const group = groupOf(mention.type);
  return el(
    "mark",
    {
      class: `m g-${group.id}${group.glossary ? " glossary" : ""}`,
      tabindex: "0",
      role: "button",
      "aria-haspopup": "dialog",
      "data-entry": mention.id,
      "data-mention": mention.index,
      title: `${mention.name}: ${typeLabel(mention.type)}`,
    },
    piece,
  );
}

async function find() {
  const text = $("text").value;
  if (!text.trim()) {
    showError(new ApiError("Paste or drop a text first."));
    $("text").focus();
    return;
  }
  const button = $("find");
  button.disabled = true;
  $("summary").textContent = "Reading…";
  try {
    const lang = $("lang").value.trim();
    const answer = await postJson("resolve", { text, lang: lang || null, include_adjectives: false });
    answer.mentions.forEach((m, i) => (m.index = i));
    clearError();
    state.text = text;
    state.answer = answer;
    showMentions();
  } catch (error) {
    $("summary").textContent = "";
    showError(error);
  } finally {
    button.disabled = false;
  }
}

function showMentions() {
  const { text, answer } = state;
  const mentions = answer.mentions;
  $("result").hidden = false;
  fillText($("article"), text, mentions, mentionMark);
  const ids = new Set(mentions.map((m) => m.id));
  $("summary").textContent = mentions.length
    ? `${mentions.length} mention${mentions.length === 1 ? "" : "s"} of ${ids.size} ${ids.size === 1 ? "place or term" : "different places and terms"}.`
    : "No place or term of the gazetteer was found in this text.";
  const counts = new Map();
  for (const m of mentions) counts.set(groupOf(m.type).id, (counts.get(groupOf(m.type).id) || 0) + 1);
  legend($("legend"), counts);
}

// ---- Downloads, made in the browser from the /resolve answer -----------------------------------

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const CSV_COLUMNS = ["start", "end", "text", "id", "name", "type", "score", "method", "matched_name", "matched_lang", "is_adjective", "explanation"];

function csvCell(value) {
  let s = value === null || value === undefined ? "" : String(value);
  // A spreadsheet runs a cell that starts with = + - @ as a formula: a text is data, never code.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function mentionsCsv(mentions) {
  const rows = mentions.map((m) => [m.start, m.end, m.text, m.id, m.name, m.type, m.score, m.method, m.matched.text, m.matched.lang, m.is_adjective, m.explanation]);
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic, Armenian ...).
  return "\ufeff" + [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function plainAnswer() {
  return { offsets: state.answer.offsets, mentions: state.answer.mentions.map(({ index, ...m }) => m) };
}

// ---- The entry card ---------------------------------------------------------------------------

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" });
  } catch {
    return null;
  }
})();

function languageName(tag) {
  try {
    const name = languageNames && languageNames.of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

async function getEntry(id) {
  if (!state.entries.has(id)) state.entries.set(id, api(`entries/${encodeURIComponent(id)}`));
  try {
    return await state.entries.get(id);
  } catch (error) {
    state.entries.delete(id);
    throw error;
  }
}

function coordinatesText(c) {
  const lat = `${Math.abs(c.lat).toFixed(4)}° ${c.lat >= 0 ? "N" : "S"}`;
  const lon = `${Math.abs(c.lon).toFixed(4)}° ${c.lon >= 0 ? "E" : "W"}`;
  return `${lat}, ${lon}`;
}

function entryButton(id, label) {
  return el("button", { type: "button", class: "link", "data-entry": id }, label);
}

function nameRow(n, lang) {
  const details = [n.kind];
  if (n.preferred) details.push("preferred");
  if (n.period) details.push(`${n.period.from ?? "…"}–${n.period.to ?? "…"}`);
  if (n.used_by && n.used_by.length) details.push(`used by ${n.used_by.join(", ")}`);
  if (n.sources.length) details.push(`source: ${n.sources.join(", ")}`);
  return el("dd", { "data-lang": lang }, el("span", { class: "name", lang, dir: "auto" }, n.text), " ", el("span", { class: "muted small" }, details.join(" · ")));
}

function namesList(byLang, tags) {
  return el("dl", { class: "names" }, tags.map((tag) => [el("dt", { "data-lang": tag }, languageName(tag)), byLang.get(tag).map((n) => nameRow(n, tag))]));
}

/** Every name under each language that uses it (a name is often shared by many): the newsroom's
 *  languages and the matched name's first, the others folded away. */
function namesSection(entry, mention) {
  const byLang = new Map();
  for (const name of entry.names) {
    for (const tag of name.langs && name.langs.length ? name.langs : [name.lang]) {
      if (!byLang.has(tag)) byLang.set(tag, []);
      byLang.get(tag).push(name);
    }
  }
  const first = [...new Set([...(mention ? mention.matched.langs : []), ...LOCALES])].filter((tag) => byLang.has(tag));
  const others = [...byLang.keys()].filter((tag) => !first.includes(tag)).sort((a, b) => languageName(a).localeCompare(languageName(b), "en"));
  return el(
    "section",
    { class: "names-section" },
    el("h3", {}, `Names by language (${entry.names.length} names in ${byLang.size} languages)`),
    namesList(byLang, first),
    others.length ? el("details", {}, el("summary", {}, `Other languages (${others.length})`), namesList(byLang, others)) : null,
  );
}

function mentionSection(mention) {
  const runners = mention.candidates.length
    ? el("ul", { class: "runners" }, mention.candidates.map((c) => el("li", {}, entryButton(c.id, c.name), ` ${typeLabel(c.type)}, score ${Math.round(c.score)}`)))
    : el("p", { class: "muted small" }, "No other entry came close.");
  return el(
    "section",
    { class: "why" },
    el("h3", {}, "Why this mention"),
    el("p", {}, "“", el("span", { dir: "auto" }, mention.text), `” was found by ${mention.method} match, score ${Math.round(mention.score)} of 100.`),
    el("p", { class: "explanation", dir: "auto" }, mention.explanation),
    el("h4", {}, "Runner-up candidates"),
    runners,
  );
}

function changeSection(change) {
  const what = {
    replaced: "replaced in the rendered text",
    review: "left as written: the word is inflected, check it by hand",
    same: "already the name to use",
  }[change.status] || change.status;
  return el(
    "section",
    { class: "why" },
    el("h3", {}, "In the rendered text"),
    el("p", {}, el("span", { dir: "auto" }, change.original), " → ", el("span", { dir: "auto" }, change.suggestion), `: ${what} (${change.reason}).`),
  );
}

async function entriesLine(label, ids) {
  if (!ids || !ids.length) return null;
  const found = await Promise.all(ids.map((id) => getEntry(id).catch(() => ({ id, name: id }))));
  return el("p", {}, label, found.map((p, i) => [i ? ", " : "", entryButton(p.id, p.name)]), ".");
}

async function openCard(id, context = {}, opener = document.activeElement) {
  const card = $("card");
  const body = $("card-body");
  // Escape returns to what opened the card, even after moving from card to card inside it.
  if (card.hidden || !card.contains(opener)) state.opener = opener;
  body.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  card.hidden = false;
  document.body.classList.add("card-open");
  card.setAttribute("aria-busy", "true");
  try {
    const entry = await getEntry(id);
    const ids = Object.entries(entry.ids || {}).map(([k, v]) => `${k} ${v}`);
    const sections = [
      el("h2", { id: "card-title", dir: "auto" }, entry.name),
      el("p", { class: "muted" }, `${typeLabel(entry.type)} · id `, el("code", {}, entry.id)),
      await entriesLine("In ", entry.parents),
      await entriesLine("Covers ", entry.covers),
      entry.coordinates ? el("p", { class: "coords" }, "Map coordinates: ", el("span", { class: "nowrap" }, coordinatesText(entry.coordinates))) : null,
      entry.population ? el("p", {}, `Population: ${entry.population.toLocaleString("en")}`) : null,
      context.mention ? mentionSection(context.mention) : null,
      context.change ? changeSection(context.change) : null,
      namesSection(entry, context.mention),
      el("section", { class: "sources" }, el("h3", {}, "Sources"), el("p", {}, entry.sources.join(", ") || "none recorded")),
      ids.length ? el("p", { class: "muted small" }, "Identifiers: " + ids.join(" · ")) : null,
      entry.notes ? el("p", { class: "small", dir: "auto" }, entry.notes) : null,
    ];
    body.replaceChildren(...sections.filter(Boolean));
  } catch (error) {
    body.replaceChildren(el("h2", { id: "card-title" }, "No card"), el("p", {}, error instanceof ApiError ? error.message : String(error)));
  } finally {
    card.removeAttribute("aria-busy");
  }
  card.scrollTop = 0;
  card.focus();
}

function closeCard() {
  const card = $("card");
  if (card.hidden) return;
  card.hidden = true;
  document.body.classList.remove("card-open");
  const back = state.opener;
  state.opener = null;
  if (back && document.contains(back)) back.focus();
}

// A mark or an entry button anywhere opens its card: by click, Enter or Space.
function contextOf(target) {
  if (target.dataset.mention !== undefined && state.answer) return { mention: state.answer.mentions[Number(target.dataset.mention)] };
  if (target.dataset.change !== undefined && state.render) return { change: state.render.changes[Number(target.dataset.change)] };
  return {};
}

document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-entry]");
  if (!target) return;
  event.preventDefault();
  openCard(target.dataset.entry, contextOf(target), target);
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    closeCard();
    return;
  }
  const target = event.target.closest && event.target.closest("mark[data-entry]");
  if (target && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();  // Space would scroll the page
    openCard(target.dataset.entry, contextOf(target), target);
  }
});

// ---- Rendering into another language ----------------------------------------------------------

const LOCALES = ["en", "ru", "hy", "az", "az-Cyrl", "tr", "ka", "fa", "ar", "he", "uk", "fr", "de", "es", "it", "zh", "ja"];

async function loadStyles() {
  const { styles } = await api("styles");
  const select = $("style");
  for (const s of styles) select.append(el("option", { value: s.id }, s.title));
  state.styles = new Map(styles.map((s) => [s.id, s]));
  if (state.styles.has("neutral")) select.value = "neutral";
  describeStyle();
}

function describeStyle() {
  const style = state.styles && state.styles.get($("style").value);
  $("style-desc").textContent = style ? style.description : "The name a reader of the language would expect, with no side taken where names are disputed.";
}

function changeMark(change, piece, i) {
  return el(
    "mark",
    {
      class: `chg chg-${change.status}`,
      tabindex: "0",
      role: "button",
      "aria-haspopup": "dialog",
      "data-entry": change.entry_id,
      "data-change": i,
      "data-status": change.status,
      title: `${change.original} → ${change.suggestion} (${change.status})`,
    },
    piece,
  );
}

async function renderText() {
  const text = $("text").value;
  const to = $("to").value.trim();
  if (!text.trim()) {
    showError(new ApiError("Paste or drop a text first."));
    $("text").focus();
    return;
  }
  if (!to) {
    showError(new ApiError("Choose a language to render into."));
    $("to").focus();
    return;
  }
  const button = $("render");
  button.disabled = true;
  try {
    const lang = $("lang").value.trim();
    const result = await postJson("render", { text, to, style: $("style").value || null, lang: lang || null, mark: false });
    clearError();
    state.render = result;
    const changes = result.changes.map((c, i) => ({ ...c, i }));
    const inputSpans = changes.filter((c) => c.status !== "same");
    fillText($("render-in"), text, inputSpans, (c, piece) => changeMark(c, piece, c.i));
    const outSpans = inputSpans.map((c) => ({ ...c, start: c.out_start, end: c.out_end }));
    fillText($("render-out"), result.text, outSpans, (c, piece) => changeMark(c, piece, c.i));
    $("render-out-title").textContent = `Rendered: ${languageName(result.locale)}${result.style ? ", " + (state.styles.get(result.style)?.title || result.style) : ""}`;
    const counts = { replaced: 0, review: 0 };
    for (const c of changes) if (c.status in counts) counts[c.status] += 1;
    const list = $("render-legend");
    list.replaceChildren(
      el("li", {}, el("span", { class: "swatch chg-replaced", "aria-hidden": "true" }), `replaced (${counts.replaced})`),
      el("li", {}, el("span", { class: "swatch chg-review", "aria-hidden": "true" }), `inflected, left for you to check (${counts.review})`),
    );
    list.hidden = false;
    $("rendered").hidden = false;
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

// ---- Lookup -----------------------------------------------------------------------------------

async function lookup(event) {
  event.preventDefault();
  const q = $("q").value.trim();
  const list = $("lookup-results");
  if (!q) {
    $("q").focus();
    return;
  }
  try {
    const { candidates } = await api(`lookup?${new URLSearchParams({ q, limit: "8" })}`);
    clearError();
    list.replaceChildren(
      ...(candidates.length
        ? candidates.map((c) =>
            el(
              "li",
              {},
              entryButton(c.id, c.name),
              ` ${typeLabel(c.type)}, score ${Math.round(c.score)}: matched `,
              el("span", { dir: "auto", lang: c.matched.lang }, c.matched.text),
              ` (${c.matched.lang}, ${c.method})`,
            ),
          )
        : [el("li", { class: "muted" }, "Nothing in the gazetteer is close to this name.")]),
    );
  } catch (error) {
    showError(error);
  }
}

// ---- Reading a dropped or chosen file ---------------------------------------------------------

const MAX_BYTES = 1024 * 1024;

async function readFile(file) {
  if (!file) return;
  if (file.size > MAX_BYTES) {
    showError(new ApiError(`The file ${file.name} is larger than 1 MB: split it into parts and open one at a time.`));
    return;
  }
  $("text").value = await file.text();
  await find();
}

function setUpDrop() {
  const zone = $("input");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dropping");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dropping"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dropping");
    readFile(event.dataTransfer.files[0]).catch(showError);
  });
  $("file").addEventListener("change", (event) => readFile(event.target.files[0]).catch(showError));
}

// ---- Start ------------------------------------------------------------------------------------

const EXAMPLE = `MOSCOW, July 16. /TASS/. Azerbaijan and Armenia reported clashes on the border near Tovuz (Tavush in Armenia).
В Баку и Ереване сообщили о перестрелках у границы в Товузском районе.
Նախարարությունը հայտնել է, որ Երևանից պատվիրակություն է մեկնել Տավուշ։`;

async function showCounts() {
  const v = await api("version");
  const n = (x) => x.toLocaleString("en");
  $("counts").textContent = `exonym ${v.version}: ${n(v.entries)} places and terms with ${n(v.names)} names in ${n(v.languages)} languages.`;
}

function start() {
  for (const tag of LOCALES) $("locales").append(el("option", { value: tag }, languageName(tag)));
  $("find").addEventListener("click", find);
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) find();
  });
  $("example").addEventListener("click", () => {
    $("text").value = EXAMPLE;
    find();
  });
  $("render").addEventListener("click", renderText);
  $("style").addEventListener("change", describeStyle);
  $("lookup-form").addEventListener("submit", lookup);
  $("card-close").addEventListener("click", closeCard);
  $("dl-json").addEventListener("click", () => download("exonym-mentions.json", "application/json", JSON.stringify(plainAnswer(), null, 2)));
  $("dl-csv").addEventListener("click", () => download("exonym-mentions.csv", "text/csv;charset=utf-8", mentionsCsv(plainAnswer().mentions)));
  setUpDrop();
  showCounts().catch(showError);
  loadStyles().catch(showError);
  document.body.dataset.ready = "true";  // the browser test waits for this
}

start();
