"use strict";
// The review page: one note at a time, its findings highlighted, decisions sent to the server
// (which saves the gold file). Offsets from the server are code points; the DOM counts UTF-16.

const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
// busy: the pending save; queue: navigation, so that keys pressed quickly apply in order
const state = { index: null, notes: [], categories: [], note: null, current: -1, busy: Promise.resolve(), queue: Promise.resolve() };
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { "X-Review-Token": token, "Content-Type": "application/json" } });
  const body = response.headers.get("Content-Type").startsWith("application/json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showError(error) {
  $("error").textContent = String(error.message || error);
  $("error").hidden = false;
  setTimeout(() => { $("error").hidden = true; }, 6000);
}

const colourOf = (name) => (state.categories.find((c) => c.name === name) || { colour: "hsl(0, 0%, 50%)" }).colour;
const alpha = (hsl, a) => hsl.replace("hsl(", "hsla(").replace(")", `, ${a})`);

// code point offset -> UTF-16 offset, for one text
function u16Offsets(text) {
  const offsets = [0];
  for (const ch of text) offsets.push(offsets[offsets.length - 1] + ch.length);
  return offsets;
}
const cpLength = (s) => Array.from(s).length;

async function start() {
  try {
    const index = await api("/api/notes");
    Object.assign(state, { index, notes: index.notes, categories: index.categories });
    $("source").textContent = `${index.source} → ${index.gold}`;
    $("policy").textContent = `(policy ${index.policy})`;
    $("add-category").replaceChildren(...index.categories.map((c) => new Option(c.name, c.name)));
    renderList();
    const first = state.notes.findIndex((n) => !n.reviewed);
    await openNote(first >= 0 ? first : 0);
  } catch (error) {
    showError(error);
  }
}

function renderList() {
  const reviewed = state.notes.filter((n) => n.reviewed).length;
  $("progress").textContent = `${reviewed} / ${state.notes.length} reviewed`;
  $("note-list").replaceChildren(...state.notes.map((n) => {
    const item = document.createElement("li");
    item.className = (n.reviewed ? "reviewed " : "") + (state.note && n.index === state.note.index ? "current" : "");
    item.dataset.index = n.index;
    item.innerHTML = `<span class="check">${n.reviewed ? "✓" : "·"}</span><span class="id"></span><span class="muted">${n.findings}</span>`;
    item.querySelector(".id").textContent = n.id;
    item.title = `${n.id}: ${n.findings} findings${n.reviewed ? ", reviewed" : ""}`;
    item.addEventListener("click", () => goTo(n.index));
    return item;
  }));
}

async function openNote(index) {
  if (index < 0 || index >= state.notes.length) return;
  await state.busy;
  state.note = await api(`/api/notes/${index}`);
  state.current = state.note.spans.length ? 0 : -1;
  hideAdd();
  render();
  renderList();
  document.querySelector("#note-list li.current")?.scrollIntoView({ block: "nearest" });
}

function render() {
  const note = state.note;
  $("note-title").textContent = `Note ${note.index + 1} / ${state.notes.length} · ${note.id}`;
  $("note-status").textContent = note.reviewed ? "reviewed, in the gold file" : "not reviewed";
  $("note-status").className = "pill" + (note.reviewed ? " done" : "");
  renderLegend();
  renderOriginal();
  renderRedacted();
  renderTable();
}

function renderLegend() {
  const present = new Set(state.note.spans.map((s) => s.category));
  $("legend").replaceChildren(...state.categories.map((c) => {
    const item = document.createElement("span");
    item.className = present.has(c.name) ? "" : "absent";
    item.innerHTML = `<i></i>${c.name}`;
    item.querySelector("i").style.background = c.colour;
    return item;
  }));
}

function describe(span) {
  const parts = [span.category, span.status];
  if (span.original_category) parts.push(`was ${span.original_category}`);
  const q = span.qualifiers;
  if (q) {
    for (const name of ["negated", "hypothetical", "reported"]) if (q[name]) parts.push(name);
    if (q.subject && q.subject !== "patient") parts.push(q.subject === "family" ? "family" : `about ${q.subject}`);
  }
  if (span.status !== "added") parts.push(`${span.detector} ${Number(span.score).toFixed(2)}`);
  return parts.join(" · ");
}

function qualifierText(span) {
  const q = span.qualifiers;
  if (!q) return "";
  const words = ["negated", "hypothetical", "reported"].filter((name) => q[name]);
  if (q.subject && q.subject !== "patient") words.push(q.subject);
  return words.join(", ");
}

function renderOriginal() {
  const { text, spans } = state.note;
  const u16 = u16Offsets(text);
  const bounds = new Set([0, cpLength(text)]);
  spans.forEach((s) => { bounds.add(s.start); bounds.add(s.end); });
  const sorted = [...bounds].sort((a, b) => a - b);
  const container = $("original");
  container.replaceChildren();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    const piece = text.slice(u16[a], u16[b]);
    const covering = spans.map((s, k) => k).filter((k) => spans[k].start <= a && spans[k].end >= b);
    if (!covering.length) { container.append(piece); continue; }
    // the innermost (shortest) span gives the look; a click picks it
    const k = covering.reduce((x, y) => (spans[y].end - spans[y].start < spans[x].end - spans[x].start ? y : x));
    const span = spans[k];
    const mark = document.createElement("mark");
    mark.textContent = piece;
    mark.dataset.span = k;
    mark.className = [span.status, k === state.current ? "current" : "", qualifierText(span) ? "qualified" : ""].join(" ");
    const c = colourOf(span.category);
    mark.style.setProperty("--c", c);
    mark.style.setProperty("--bg", alpha(c, 0.16));
    mark.style.setProperty("--bg-strong", alpha(c, 0.34));
    mark.title = describe(span);
    mark.addEventListener("click", () => { if (!selectedText()) select(k); });
    container.append(mark);
  }
}

function renderRedacted() {
  const container = $("redacted");
  container.replaceChildren();
  const text = state.note.redacted;
  const tag = /<([A-Z][A-Z_]*)(?:[._][A-Za-z0-9_.-]*)?>/g;
  let cursor = 0;
  for (const match of text.matchAll(tag)) {
    container.append(text.slice(cursor, match.index));
    const chip = document.createElement("span");
    chip.className = "tag";
    chip.textContent = match[0];
    chip.style.background = colourOf(match[1]);
    container.append(chip);
    cursor = match.index + match[0].length;
  }
  container.append(text.slice(cursor));
}

function renderTable() {
  const { text, spans } = state.note;
  const u16 = u16Offsets(text);
  const body = document.querySelector("#findings tbody");
  body.replaceChildren(...spans.map((span, k) => {
    const row = document.createElement("tr");
    row.className = [span.status, k === state.current ? "current" : ""].join(" ");
    row.dataset.span = k;
    row.innerHTML = `<td>${k + 1}</td><td class="value"></td><td><span class="swatch"></span><select></select></td>
      <td class="qualifiers"></td><td class="muted"></td>
      <td><button class="accept" title="Accept (a)">✓ accept</button> <button class="reject" title="Reject (r)">✗ reject</button>
      <span class="status"></span></td>`;
    const value = text.slice(u16[span.start], u16[span.end]);
    row.querySelector(".value").textContent = value;
    row.querySelector(".value").title = value;
    row.querySelector(".swatch").style.background = colourOf(span.category);
    const select = row.querySelector("select");
    select.replaceChildren(...state.categories.map((c) => new Option(c.name, c.name, false, c.name === span.category)));
    select.addEventListener("change", () => setCategory(k, select.value));
    select.addEventListener("focus", () => { state.current = k; highlightCurrent(); });
    row.querySelector(".qualifiers").textContent = qualifierText(span);
    row.querySelectorAll("td")[4].textContent = span.status === "added" ? "added by you" : `${span.detector} ${Number(span.score).toFixed(2)}`;
    row.querySelector(".accept").classList.toggle("on-accepted", span.status === "accepted" || span.status === "added");
    row.querySelector(".reject").classList.toggle("on-rejected", span.status === "rejected");
    row.querySelector(".accept").addEventListener("click", () => decide(k, "accepted"));
    row.querySelector(".reject").addEventListener("click", () => decide(k, "rejected"));
    row.querySelector(".status").textContent = span.status === "pending" ? "pending" : "";
    row.addEventListener("click", (event) => { if (event.target === row || event.target.tagName === "TD") select(k); });
    return row;
  }));
}

function select(k) {
  state.current = k;
  highlightCurrent();
}

function highlightCurrent() {
  document.querySelectorAll("mark.current, #findings tr.current").forEach((e) => e.classList.remove("current"));
  document.querySelectorAll(`mark[data-span="${state.current}"], #findings tr[data-span="${state.current}"]`)
    .forEach((e) => { e.classList.add("current"); e.scrollIntoView({ block: "nearest" }); });
}

function move(step) {
  const count = state.note.spans.length;
  if (!count) return;
  select((state.current + step + count) % count);
}

function decide(k, status) {
  const span = state.note.spans[k];
  if (!span) return;
  if (span.status === "added") { if (status === "rejected") remove(k); return; }
  span.status = span.status === status ? "pending" : status;
  state.current = k;
  save();
}

function setCategory(k, category) {
  const span = state.note.spans[k];
  if (!span || span.category === category) return;
  if (span.status !== "added") {
    if (!span.original_category) span.original_category = span.category;
    if (span.original_category === category) delete span.original_category;
    span.status = "accepted";
  }
  span.category = category;
  state.current = k;
  save();
}

function remove(k) {
  state.note.spans.splice(k, 1);
  state.current = Math.min(k, state.note.spans.length - 1);
  save();
}

// ---------------------------------------------------------------- adding a missed span
function selectedText() {
  const selection = getSelection();
  if (!selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const container = $("original");
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const text = state.note.text;
  let start = before.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  return { start: cpLength(text.slice(0, start)), end: cpLength(text.slice(0, end)), value: text.slice(start, end), rect: range.getBoundingClientRect() };
}

function showAdd() {
  const chosen = selectedText();
  if (!chosen) { showError("Select some text of the original note first."); return; }
  state.adding = chosen;
  $("add-text").textContent = chosen.value.length > 60 ? chosen.value.slice(0, 57) + "…" : chosen.value;
  const box = $("add-box");
  box.hidden = false;
  box.style.left = `${Math.max(8, Math.min(chosen.rect.left, innerWidth - box.offsetWidth - 8))}px`;
  box.style.top = `${Math.min(chosen.rect.bottom + 8, innerHeight - box.offsetHeight - 8)}px`;
  $("add-category").focus();
}

function hideAdd() {
  $("add-box").hidden = true;
  state.adding = null;
}

function confirmAdd() {
  const chosen = state.adding;
  if (!chosen) return;
  const span = { start: chosen.start, end: chosen.end, category: $("add-category").value, status: "added", score: 1, detector: "review" };
  state.note.spans.push(span);
  state.note.spans.sort((x, y) => x.start - y.start || x.end - y.end);
  state.current = state.note.spans.indexOf(span);
  hideAdd();
  getSelection().removeAllRanges();
  save();
}

// ---------------------------------------------------------------- saving
function save(reviewed = state.note.reviewed) {
  const note = state.note;
  render();
  state.busy = state.busy.then(async () => {
    $("saved").textContent = "saving…";
    try {
      const answer = await api(`/api/notes/${note.index}`, { method: "PUT", body: JSON.stringify({ spans: note.spans, reviewed }) });
      const entry = state.notes[note.index];
      entry.reviewed = answer.reviewed;
      entry.findings = answer.spans.filter((s) => s.status !== "rejected").length;
      if (state.note.index === note.index) {
        Object.assign(state.note, { reviewed: answer.reviewed, redacted: answer.redacted, spans: answer.spans });
        render();
      }
      renderList();
      $("saved").textContent = answer.reviewed
        ? `saved to ${state.index.gold} ✓`
        : `kept; goes to ${state.index.gold} once marked reviewed`;
    } catch (error) {
      $("saved").textContent = "not saved";
      showError(error);
    }
  });
  return state.busy;
}

function navigate(step) {
  state.queue = state.queue.then(step).catch(showError);
  return state.queue;
}

const goTo = (index) => navigate(() => openNote(index));
const goBy = (step) => navigate(() => openNote(state.note.index + step));

function markReviewed() {
  return navigate(async () => {
    // what the reviewer left pending, they saw and kept: it goes to the gold file as accepted
    state.note.spans.forEach((span) => { if (span.status === "pending") span.status = "accepted"; });
    await save(true);
    const next = state.notes.findIndex((n, i) => i > state.note.index && !n.reviewed);
    if (next >= 0) await openNote(next);
  });
}

// ---------------------------------------------------------------- views and keys
async function showSummary(on) {
  $("notes-view").hidden = on;
  $("summary-view").hidden = !on;
  $("show-summary").classList.toggle("active", on);
  $("show-notes").classList.toggle("active", !on);
  if (on) {
    await state.busy;
    try {
      $("summary-frame").srcdoc = await api("/api/summary");
    } catch (error) {
      showError(error);
    }
  }
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const inForm = ["SELECT", "INPUT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (event.key === "Escape") { hideAdd(); $("help").hidden = true; document.activeElement.blur(); return; }
  if (!$("add-box").hidden) {
    if (event.key === "Enter") { event.preventDefault(); confirmAdd(); }
    return;
  }
  if (document.activeElement.tagName === "BUTTON" && (event.key === "Enter" || event.key === " ")) return;
  if (inForm && event.key !== "Enter") return;
  if (inForm) { document.activeElement.blur(); return; }
  const onNotes = !$("notes-view").hidden;
  const actions = {
    s: () => showSummary(onNotes),
    "?": () => { $("help").hidden = !$("help").hidden; },
  };
  if (onNotes && state.note) {
    Object.assign(actions, {
      j: () => goBy(1), ArrowRight: () => goBy(1),
      k: () => goBy(-1), ArrowLeft: () => goBy(-1),
      n: () => move(1), p: () => move(-1),
      a: () => decide(state.current, "accepted"), r: () => decide(state.current, "rejected"),
      x: () => { if (state.note.spans[state.current]?.status === "added") remove(state.current); },
      c: () => document.querySelector(`#findings tr[data-span="${state.current}"] select`)?.focus(),
      m: showAdd,
      Enter: markReviewed,
      u: () => save(false),
    });
  }
  const action = actions[event.key];
  if (action) { event.preventDefault(); action(); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("prev").addEventListener("click", () => goBy(-1));
  $("next").addEventListener("click", () => goBy(1));
  $("mark-reviewed").addEventListener("click", markReviewed);
  // buttons do not keep the focus: the keyboard drives the page, and Enter is "reviewed"
  document.querySelectorAll("button").forEach((b) => b.addEventListener("mouseup", () => b.blur()));
  $("show-summary").addEventListener("click", () => showSummary(true));
  $("show-notes").addEventListener("click", () => showSummary(false));
  $("show-help").addEventListener("click", () => { $("help").hidden = false; });
  $("help-close").addEventListener("click", () => { $("help").hidden = true; });
  $("add-confirm").addEventListener("click", confirmAdd);
  $("add-cancel").addEventListener("click", hideAdd);
  document.addEventListener("keydown", onKey);
  start();
});
