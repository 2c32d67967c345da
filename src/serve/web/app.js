// edgr's search page: the state lives in the URL (bookmarkable; back and
// forward replay it), every answer comes from /v1/search, /v1/companies
// and /v1/filings/{accession}/{items|documents}/..., and every string from
// a filing or a user is put in the page as text, never as markup.
"use strict";

// errors are kept for the browser test (tests/serve/page.py) to see
window.addEventListener("error", (e) => { (window.__errors = window.__errors || []).push(String(e.message)); });

const PAGE = 20;
const KEYS = ["q", "cik", "company", "form", "item", "from", "to", "sort", "page", "open"];
const $ = (id) => document.getElementById(id);

// ---- state <-> URL

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of KEYS) s[k] = p.get(k) || "";
  return s;
}

function urlOf(s) {
  const p = new URLSearchParams();
  for (const k of KEYS) if (s[k]) p.set(k, s[k]);
  const qs = p.toString();
  return qs ? "?" + qs : location.pathname;
}

let state = readState();

function go(changes, replace) {
  state = Object.assign({}, state, changes);
  const url = urlOf(state);
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

window.addEventListener("popstate", () => { state = readState(); render(); });

// ---- small DOM helpers (text only)

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of kids) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

// A snippet or a text from the store: its <mark> and </mark> become mark
// elements, everything else stays text (a filing that writes "<img ...>"
// shows those characters).
function marked(text, into) {
  const parts = String(text).split(/(<mark>|<\/mark>)/);
  let open = null;
  for (const part of parts) {
    if (part === "<mark>") { open = el("mark"); continue; }
    if (part === "</mark>") { if (open) into.append(open); open = null; continue; }
    if (open) open.append(part); else into.append(part);
  }
  if (open) into.append(open);
  return into;
}

const fmt = (n) => Number(n).toLocaleString("en-US");

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: "the server's answer is not JSON" }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

// ---- the search

let searchSeq = 0;

function searchURL(s) {
  const p = new URLSearchParams({ q: s.q, limit: PAGE, offset: (Math.max(1, +s.page || 1) - 1) * PAGE });
  for (const k of ["cik", "form", "item", "from", "to"]) if (s[k]) p.set(k, s[k]);
  if (s.sort === "date") p.set("sort", "date");
  return "/v1/search?" + p.toString();
}

async function render() {
  fillInputs();
  renderChips();
  const results = $("results"), status = $("status");
  if (!state.q) {
    results.replaceChildren();
    $("pager").replaceChildren();
    $("facets").replaceChildren();
    status.textContent = "";
    status.className = "";
    $("help").hidden = false;
    closePreview(true);
    document.title = "edgr: search SEC filings";
    return;
  }
  $("help").hidden = true;
  document.title = `${state.q} - edgr`;
  const seq = ++searchSeq;
  status.className = "";
  status.textContent = "Searching…";
  let d;
  try {
    d = await getJSON(searchURL(state));
  } catch (e) {
    if (seq !== searchSeq) return;
    status.className = "error";
    status.textContent = e.message;
    results.replaceChildren();
    $("pager").replaceChildren();
    $("facets").replaceChildren();
    return;
  }
  if (seq !== searchSeq) return; // a newer search is on its way
  const first = d.offset + 1, last = d.offset + d.hits.length;
  status.textContent = d.total === 0 ? "No filing has these words."
    : `${fmt(first)}–${fmt(last)} of ${fmt(d.total)} sections in ${fmt(d.filings)} filings`;
  results.replaceChildren(...d.hits.map(hitItem));
  renderPager(d.total);
  renderFacets(d.facets || {});
  if (state.open) openPreview(state.open, true);
  else closePreview(true);
}

function openKey(h) { return `${h.accession_number}:${h.document}:${h.item ? (h.part ? h.part + "-" : "") + h.item : ""}`; }

function hitItem(h, i) {
  const section = h.item ? `Item ${h.part ? h.part + " " : ""}${h.item}` : (h.doc_type || "document");
  const li = el("li", { class: "hit", tabindex: "0", "data-open": openKey(h), "data-i": String(i) },
    el("div", { class: "meta" },
      el("span", { class: "form" }, h.type || "?"),
      h.doc_type && h.doc_type !== h.type ? el("span", { class: "doctype" }, h.doc_type) : null,
      el("span", { class: "filed" }, "filed " + (h.filing_date || "?")),
      h.period ? el("span", { class: "period" }, "period " + h.period) : null,
      el("span", { class: "section" }, section)),
    el("div", { class: "company" }, h.conformed_name || "?", " ",
      el("small", { class: "cik" }, "CIK " + (h.cik || "?"))),
    marked(h.snippet || "", el("p", { class: "snippet" })));
  li.addEventListener("click", () => go({ open: li.dataset.open }));
  li.addEventListener("keydown", (e) => { if (e.key === "Enter") go({ open: li.dataset.open }); });
  return li;
}

function renderPager(total) {
  const pages = Math.ceil(total / PAGE), cur = Math.max(1, +state.page || 1);
  const nav = $("pager");
  if (pages <= 1) { nav.replaceChildren(); return; }
  const btn = (label, page, attrs) => el("button", Object.assign({ type: "button", onclick: () => go({ page: String(page), open: "" }) }, attrs || {}), label);
  const list = [btn("Previous", cur - 1, cur <= 1 ? { disabled: "" } : {})];
  const shown = new Set([1, pages, cur - 2, cur - 1, cur, cur + 1, cur + 2].filter((p) => p >= 1 && p <= pages));
  let prev = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - prev > 1) list.push(el("span", {}, "…"));
    list.push(btn(fmt(p), p, p === cur ? { "aria-current": "page" } : {}));
    prev = p;
  }
  list.push(btn("Next", cur + 1, cur >= pages ? { disabled: "" } : {}));
  nav.replaceChildren(...list);
}

const FACETS = [["type", "Form"], ["cik", "Company"], ["year", "Year filed"], ["item", "Item"]];

function renderFacets(f) {
  const box = $("facets");
  box.replaceChildren(...FACETS.filter(([k]) => (f[k] || []).length).map(([k, title]) =>
    el("div", { class: "facet", "data-facet": k }, el("h3", {}, title),
      el("ul", {}, ...f[k].map((v) => el("li", {}, el("button", {
        type: "button", title: v.name || v.value,
        onclick: () => refine(k, v),
      }, el("span", {}, v.name || v.value), el("span", { class: "n" }, fmt(v.count)))))))));
}

function refine(k, v) {
  const c = { page: "", open: "" };
  if (k === "type") c.form = v.value;
  else if (k === "cik") { c.cik = v.value; c.company = v.name || v.value; }
  else if (k === "year") { c.from = v.value + "-01-01"; c.to = v.value + "-12-31"; }
  else if (k === "item") c.item = v.value;
  go(c);
}

function renderChips() {
  const chips = [];
  const chip = (label, clear) => chips.push(el("button", { type: "button", class: "chip", title: "Remove this filter", onclick: () => go(Object.assign({ page: "", open: "" }, clear)) }, label));
  if (state.cik) chip(state.company || "CIK " + state.cik, { cik: "", company: "" });
  if (state.form) chip("Form " + state.form, { form: "" });
  if (state.item) chip("Item " + state.item, { item: "" });
  if (state.from || state.to) chip(`Filed ${state.from || "…"} to ${state.to || "…"}`, { from: "", to: "" });
  $("chips").replaceChildren(...chips);
}

function fillInputs() {
  if (document.activeElement !== $("q")) $("q").value = state.q;
  if (document.activeElement !== $("company")) $("company").value = state.company || (state.cik ? "CIK " + state.cik : "");
  $("form").value = state.form;
  $("item").value = state.item;
  $("from").value = state.from;
  $("to").value = state.to;
  $("sort").value = state.sort === "date" ? "date" : "rank";
  const range = presetOf(state.from, state.to);
  for (const b of document.querySelectorAll(".presets button")) b.setAttribute("aria-pressed", String(b.dataset.range === range));
}

// ---- dates

function daysAgo(n) {
  const d = new Date(Date.now() - n * 86400000);
  return d.toISOString().slice(0, 10);
}
const PRESETS = { "30d": 30, "1y": 365, "5y": 5 * 365 + 1 };
function presetOf(from, to) {
  if (!from && !to) return "";
  for (const [k, n] of Object.entries(PRESETS)) if (!to && from === daysAgo(n)) return k;
  return "custom";
}

// ---- company type-ahead

let suggestSeq = 0, suggestions = [], active = -1, suggestTimer = 0;

function showSuggestions(list) {
  suggestions = list;
  active = -1;
  const ul = $("suggest");
  ul.replaceChildren(...list.map((c, i) => el("li", {
    role: "option", id: "sug" + i, "aria-selected": "false",
    onmousedown: (e) => { e.preventDefault(); pick(i); },
  }, c.conformed_name || c.name || "?", el("small", {}, "CIK " + c.cik))));
  ul.hidden = list.length === 0;
  $("company").setAttribute("aria-expanded", String(list.length > 0));
}

function pick(i) {
  const c = suggestions[i];
  if (!c) return;
  showSuggestions([]);
  go({ cik: c.cik, company: c.conformed_name || c.name || "", page: "", open: "" });
}

function moveActive(step) {
  if (!suggestions.length) return;
  active = (active + step + suggestions.length) % suggestions.length;
  for (const li of $("suggest").children) li.setAttribute("aria-selected", String(li.id === "sug" + active));
  $("company").setAttribute("aria-activedescendant", "sug" + active);
}

function companyInput() {
  clearTimeout(suggestTimer);
  const v = $("company").value.trim();
  if (!v) { showSuggestions([]); if (state.cik) go({ cik: "", company: "", page: "" }); return; }
  suggestTimer = setTimeout(async () => {
    const seq = ++suggestSeq;
    try {
      const d = await getJSON("/v1/companies?" + new URLSearchParams({ q: v, limit: 8 }));
      if (seq === suggestSeq) showSuggestions(d.companies || []);
    } catch (e) {
      if (seq === suggestSeq) showSuggestions([]);
    }
  }, 120);
}

// ---- preview of a hit's section, every match marked

let marks = [], markAt = -1, previewSeq = 0;

async function openPreview(key, fromRender) {
  const [acc, doc, item] = key.split(":");
  const layout = document.querySelector(".layout");
  const box = $("preview"), text = $("preview-text");
  box.hidden = false;
  layout.classList.add("previewing");
  for (const li of document.querySelectorAll(".hit")) li.classList.toggle("selected", li.dataset.open === key);
  const li = document.querySelector(`.hit[data-open="${CSS.escape(key)}"]`);
  const name = li ? li.querySelector(".company").firstChild.textContent.trim() : "";
  const form = li ? li.querySelector(".form").textContent : "";
  const section = item ? "Item " + item.replace("-", " ") : "document " + doc;
  $("preview-title").textContent = [name, form, section].filter(Boolean).join(" · ");
  $("preview-sub").textContent = `${acc}, document ${doc}`;
  const seq = ++previewSeq;
  text.replaceChildren("Loading…");
  const path = item ? `/v1/filings/${encodeURIComponent(acc)}/items/${encodeURIComponent(item)}`
    : `/v1/filings/${encodeURIComponent(acc)}/documents/${encodeURIComponent(doc)}`;
  try {
    const d = await getJSON(path + "?" + new URLSearchParams(item ? { q: state.q, document: doc } : { q: state.q }));
    if (seq !== previewSeq) return;
    text.replaceChildren(...(d.text || []).map((t) => marked(t, el("p", {}))));
  } catch (e) {
    if (seq !== previewSeq) return;
    text.replaceChildren(e.message);
  }
  marks = [...text.querySelectorAll("mark")];
  markAt = -1;
  stepMark(1);
  if (!fromRender) text.focus();
}

function stepMark(step) {
  if (!marks.length) { $("preview-count").textContent = "no match marked"; return; }
  if (markAt >= 0) marks[markAt].classList.remove("current");
  markAt = (markAt + step + marks.length) % marks.length;
  const m = marks[markAt];
  m.classList.add("current");
  m.scrollIntoView({ block: "center" });
  $("preview-count").textContent = `match ${fmt(markAt + 1)} of ${fmt(marks.length)}`;
}

function closePreview(fromRender) {
  $("preview").hidden = true;
  document.querySelector(".layout").classList.remove("previewing");
  for (const li of document.querySelectorAll(".hit.selected")) li.classList.remove("selected");
  if (!fromRender && state.open) go({ open: "" });
}

// ---- wiring

function moveHit(step) {
  const hits = [...document.querySelectorAll(".hit")];
  if (!hits.length) return;
  const at = hits.indexOf(document.activeElement);
  const next = hits[Math.min(hits.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  next.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    go({ q: $("q").value.trim(), page: "", open: "" });
  });
  $("company").addEventListener("input", companyInput);
  $("company").addEventListener("blur", () => setTimeout(() => showSuggestions([]), 100));
  $("company").addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") { e.preventDefault(); moveActive(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); moveActive(-1); }
    else if (e.key === "Enter") { e.preventDefault(); pick(active >= 0 ? active : 0); }
    else if (e.key === "Escape") showSuggestions([]);
  });
  for (const id of ["form", "item"]) {
    $(id).addEventListener("change", () => go({ [id]: $(id).value.trim(), page: "", open: "" }));
  }
  for (const id of ["from", "to"]) $(id).addEventListener("change", () => go({ [id]: $(id).value, page: "", open: "" }));
  $("sort").addEventListener("change", () => go({ sort: $("sort").value === "date" ? "date" : "", page: "", open: "" }));
  for (const b of document.querySelectorAll(".presets button")) {
    b.addEventListener("click", () => go({ from: b.dataset.range ? daysAgo(PRESETS[b.dataset.range]) : "", to: "", page: "", open: "" }));
  }
  $("toggle-filters").addEventListener("click", () => {
    const open = document.querySelector(".layout").classList.toggle("filters-open");
    $("toggle-filters").setAttribute("aria-expanded", String(open));
  });
  $("next-mark").addEventListener("click", () => stepMark(1));
  $("prev-mark").addEventListener("click", () => stepMark(-1));
  $("close-preview").addEventListener("click", () => closePreview(false));
  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (e.key === "Escape" && !$("preview").hidden) { closePreview(false); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/") { e.preventDefault(); $("q").focus(); $("q").select(); }
    else if (e.key === "j") moveHit(1);
    else if (e.key === "k") moveHit(-1);
    else if (e.key === "n" && !$("preview").hidden) stepMark(1);
    else if (e.key === "p" && !$("preview").hidden) stepMark(-1);
  });
  render();
});
