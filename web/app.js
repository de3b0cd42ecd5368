// vanban — the clerk's web form. Plain JavaScript modules, no libraries, works offline.
// The form is the source of truth: collect() (form-doc.js) builds the document JSON and
// records on every input the JSON Pointer its value went to, so every error — the form's
// own, lint's refusals and the engine's — lands next to the right field, all at once.
'use strict';

import { $, hooks, toJson, parseJson, readDate, showDate } from './form-util.js';
import { blocksEditor } from './form-blocks.js';
import {
  form, populate, collect, applyTemplate, fillable, addLine, lineListTools, addSigner, addAppendix, renumberAppendices,
} from './form-doc.js';
import { drafts, undo } from './form-drafts.js';
import { showIssues, setStatus, toast } from './form-errors.js';
import { registerButton } from './form-register.js';

const DEBOUNCE_MS = 150;

const STARTER = {
  template: 'cong-van',
  issuer: { parent: 'TỔNG LĐLĐ VIỆT NAM', name: 'LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG NGÃI' },
  number: 5,
  symbol: 'LĐLĐ-TG',
  place: 'Quảng Ngãi',
  date: new Date().toISOString().slice(0, 10),
  subject: 'tổ chức các hoạt động chăm lo Tết cho đoàn viên',
  recipients: ['Ban Thường vụ Công đoàn cơ sở trực thuộc'],
  body: [
    'Thực hiện chương trình công tác năm, Ban Thường vụ Liên đoàn Lao động tỉnh đề nghị các đơn vị triển khai các nội dung sau:',
    { list: ['Tổ chức thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn.', 'Báo cáo kết quả về Liên đoàn Lao động tỉnh trước ngày 20 tháng 01.'], marker: '1.' },
  ],
  signers: [{ authority: 'TM. BAN THƯỜNG VỤ', acting: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' }],
  distribution: ['Như trên', 'Lưu: VT, TG'],
};

const BLANK = {
  template: 'cong-van', issuer: { name: '' }, symbol: '', place: '', subject: '',
  recipients: [''], body: [''], signers: [{ title: '', name: '' }], distribution: ['Như trên', 'Lưu: VT'],
};

const state = {
  timer: 0,
  seq: 0,             // the newest preview request
  controller: null,
  previewUrl: '',
  renders: 0,         // previews shown (tests wait on it)
  pages: 0,
  page: 1,            // the page the clerk is looking at, kept across updates
  showAll: true,      // show "required" errors for untouched fields too
  touched: new WeakSet(),
  lastInputAt: 0,
  template: '',       // the template chosen, for undoing a change of template
};

// ---------- edits ----------

function changed() {
  drafts.dirty = true;
  state.lastInputAt = performance.now();
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, DEBOUNCE_MS);
  setStatus('Đang chờ gõ xong…');
  $('#btn-undo').disabled = undo.past.length === 0;
}

function snapshot() { return toJson(collect({ all: true }).doc); }

hooks.before = (label, announce = false) => {
  undo.record(snapshot(), label);
  $('#btn-undo').disabled = false;
  if (announce) toast(`Đã ${label}.`, 'Hoàn tác', doUndo);
};
hooks.changed = changed;

function restore(json) {
  populate(parseJson(json));
  state.template = $('#f-template').value;
  changed();
}

function doUndo() {
  const s = undo.back(snapshot());
  if (!s) { toast('Không còn gì để hoàn tác.'); return; }
  restore(s.json);
  undo.lastWasBlock = undo.past.length > 0;
  toast(`Đã hoàn tác: ${s.label}.`, 'Làm lại', doRedo);
}

function doRedo() {
  const s = undo.forward(snapshot());
  if (s) { restore(s.json); toast(`Đã làm lại: ${s.label}.`); }
}

// ---------- preview ----------

async function post(path, doc, signal) {
  return fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: toJson(doc), signal,
  });
}

// The error of a failed reply, in Vietnamese whatever went wrong.
async function errorOf(res) {
  if (res.status === 413) return { message_vi: 'Văn bản quá lớn để gửi lên máy chủ; hãy bớt bảng hoặc phụ lục rất lớn, hoặc chia thành nhiều văn bản.' };
  try { return await res.json(); } catch (e) { return { message_vi: `Máy chủ trả lời lỗi (mã ${res.status}); hãy thử lại.` }; }
}

async function check(doc, signal) {
  try {
    const res = await post('/api/check', doc, signal);
    return res.ok ? await res.json() : { findings: [], error: await errorOf(res) };
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return { findings: [] };
  }
}

function markStale(stale) {
  $('#preview-stale').hidden = !stale || $('#preview').dataset.state !== 'ready';
  $('#preview-frame').classList.toggle('stale', stale);
}

function showPage() {
  $('#pager').hidden = state.pages < 2;
  $('#page-no').textContent = `Trang ${state.page}/${state.pages}`;
  $('#page-prev').disabled = state.page <= 1;
  $('#page-next').disabled = state.page >= state.pages;
}

function setPreview(blob) {
  const url = URL.createObjectURL(blob);
  const frame = $('#preview');
  frame.src = `${url}#page=${state.page}&navpanes=0&view=FitH`;
  if (state.previewUrl) setTimeout(URL.revokeObjectURL, 5000, state.previewUrl);
  state.previewUrl = url;
  frame.dataset.state = 'ready';
  $('#preview-empty').hidden = true;
}

async function refresh() {
  clearTimeout(state.timer);
  const { doc, issues } = collect();
  drafts.save(collect({ all: true }).doc);
  const seq = ++state.seq;
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  const { signal } = state.controller;
  const ownErrors = issues.filter((i) => i.error);
  const started = performance.now();
  try {
    if (ownErrors.length) {
      // Not worth rendering: still ask the engine and lint, for every error at once.
      const c = await check(doc, signal);
      if (seq !== state.seq) return;
      const shown = showIssues(issues, c.error, c.findings, state);
      markStale(true);
      const onlyBlank = ownErrors.every((i) => i.blank) && !shown;
      setStatus(onlyBlank ? 'Điền các mục có dấu * để xem trước.' : `Có ${shown} lỗi, chưa cập nhật bản xem trước.`, onlyBlank ? '' : 'bad');
      return;
    }
    setStatus('Đang tạo bản xem trước…');
    const t1 = performance.now();
    // The preview first; lint's hints (and refusals) right after, not competing with it.
    const res = await post('/api/render?format=pdf', doc, signal);
    if (seq !== state.seq) return;
    if (!res.ok) {
      const error = await errorOf(res);
      const c = await check(doc, signal);
      if (seq !== state.seq) return;
      const shown = showIssues(issues, error, c.findings, state);
      markStale(true);
      setStatus(`Có ${shown || 1} lỗi, chưa cập nhật bản xem trước.`, 'bad');
      return;
    }
    const blob = await res.blob();
    if (seq !== state.seq) return;
    const t2 = performance.now();
    state.pages = Number(res.headers.get('X-Vanban-Pages')) || 1;
    state.page = Math.min(state.page, state.pages);
    setPreview(blob);
    showPage();
    state.renders += 1;
    const frame = $('#preview');
    frame.dataset.renders = String(state.renders);
    frame.dataset.latency = String(Math.round(performance.now() - state.lastInputAt));
    frame.dataset.timing = `collect ${Math.round(t1 - started)} · render ${Math.round(t2 - t1)} · show ${Math.round(performance.now() - t2)}`;
    showIssues(issues, null, [], state);
    markStale(false);
    const ms = Math.round(performance.now() - started);
    setStatus(`Đã cập nhật bản xem trước (${state.pages} trang) · ${ms} ms`, 'ok');
    const c = await check(doc, signal);
    if (seq === state.seq) showIssues(issues, null, c.findings, state);
  } catch (e) {
    if (e.name === 'AbortError') return;
    setStatus('Không kết nối được với máy chủ vanban.', 'bad');
  }
}

// ---------- downloads and files ----------

function fileNameOf(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const star = cd.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ } }
  const plain = cd.match(/filename="([^"]+)"/);
  return plain ? plain[1] : fallback;
}

function saveBlob(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(URL.revokeObjectURL, 10000, a.href);
}

async function download(format) {
  const F = format.toUpperCase();
  state.showAll = true;
  const { doc, issues } = collect();
  if (issues.some((i) => i.error)) {
    await refresh();
    setStatus(`Chưa tải được ${F}: văn bản còn lỗi (xem danh sách ở đầu biểu mẫu).`, 'bad');
    $('#form-error').focus();
    return;
  }
  setStatus(`Đang tạo tệp ${F}…`);
  try {
    const res = await post(`/api/render?format=${format}`, doc);
    if (!res.ok) {
      showIssues(issues, await errorOf(res), [], state);
      setStatus(`Chưa tải được ${F}: văn bản còn lỗi.`, 'bad');
      return;
    }
    const name = fileNameOf(res, `van-ban.${format}`);
    saveBlob(await res.blob(), name);
    setStatus(`Đã tải về ${name}`, 'ok');
  } catch (e) {
    setStatus('Không kết nối được với máy chủ vanban.', 'bad');
  }
}

function saveFile() {
  const { doc } = collect();
  const stem = [doc.number, doc.symbol].filter((x) => x !== undefined && x !== '').join('-') || 'van-ban';
  saveBlob(new Blob([`${toJson(doc, 2)}\n`], { type: 'application/json' }), `${String(stem).replace(/[\\/:*?"<>|]/g, '-')}.json`);
  setStatus('Đã lưu tệp.', 'ok');
}

async function openFile(file) {
  let doc;
  try {
    doc = parseJson(await file.text());
  } catch (e) {
    showIssues([{ el: $('#form-error'), error: `Tệp “${file.name}” không phải tệp văn bản đã lưu từ trang này (nội dung không đọc được).` }], null, [], state);
    return;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    showIssues([{ el: $('#form-error'), error: `Tệp “${file.name}” không chứa một văn bản.` }], null, [], state);
    return;
  }
  hooks.before('mở tệp');
  drafts.fresh();
  state.showAll = true;
  populate(doc);
  state.template = $('#f-template').value;
  changed();
  setStatus(`Đã mở ${file.name}`, 'ok');
}

// ---------- drafts list ----------

function showDrafts() {
  const list = $('#drafts-list');
  list.replaceChildren();
  const all = drafts.list();
  if (!all.length) list.append(Object.assign(document.createElement('li'), { textContent: 'Chưa có bản nháp nào.' }));
  for (const d of all) {
    const li = document.createElement('li');
    const t = form.templates.find((x) => x.name === d.template);
    const when = new Date(d.saved).toLocaleString('vi-VN');
    const label = document.createElement('span');
    label.className = 'draft-label';
    label.textContent = `${t ? t.title : d.template} — ${d.subject || '(chưa có trích yếu)'} · ${when}${d.id === drafts.id ? ' · đang mở' : ''}`;
    const open = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Mở' });
    open.setAttribute('aria-label', `Mở bản nháp ${d.subject || ''}`);
    open.disabled = d.id === drafts.id;
    open.addEventListener('click', () => {
      const doc = drafts.load(d.id);
      if (!doc) return;
      drafts.save(collect({ all: true }).doc);
      drafts.use(d.id);
      undo.past = []; undo.future = [];
      state.showAll = true;
      populate(doc);
      state.template = $('#f-template').value;
      drafts.dirty = false;
      refresh();
      $('#drafts-dialog').close();
    });
    const del = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Xóa' });
    del.setAttribute('aria-label', `Xóa bản nháp ${d.subject || ''}`);
    del.addEventListener('click', () => { drafts.remove(d.id); showDrafts(); });
    li.append(label, open, del);
    list.append(li);
  }
  const dlg = $('#drafts-dialog');
  if (!dlg.open) dlg.showModal();
}

// ---------- start ----------

async function loadTemplates() {
  const select = $('#f-template');
  try {
    const res = await fetch('/api/templates');
    form.templates = (await res.json()).templates || [];
  } catch (e) {
    form.templates = [{ name: 'cong-van', title: 'Công văn', fields: [] }];
  }
  select.replaceChildren();
  for (const t of form.templates.filter(fillable)) {
    const opt = document.createElement('option');
    opt.value = t.name;
    opt.textContent = t.title || t.name;
    select.appendChild(opt);
  }
}

function wire() {
  const { list, buttons } = blocksEditor();
  list.id = 'body';
  form.body = list;
  $('#body-editor').append(list, buttons);
  for (const [id, noun, placeholder] of [['recipients', 'Kính gửi', 'VD: Bộ Nội vụ'], ['bases', 'Căn cứ', 'VD: Căn cứ Điều lệ Công đoàn Việt Nam'],
    ['distribution', 'Nơi nhận', 'VD: Lưu: VT, TG']]) {
    const l = $(`#${id}`);
    l.dataset.noun = noun;
    l.dataset.placeholder = placeholder;
    lineListTools(l);
  }
  $('#bases').dataset.multiline = '1';
  const rowMoves = (listSel, noun, after) => $(listSel).addEventListener('click', (e) => {
    const b = e.target.closest('.tools > button');
    const li = b && b.closest('li');
    if (!li || li.parentElement !== $(listSel)) return;
    const l = $(listSel);
    if (b.classList.contains('up') && li.previousElementSibling) { hooks.before(`chuyển ${noun}`); l.insertBefore(li, li.previousElementSibling); } else if (b.classList.contains('down') && li.nextElementSibling) { hooks.before(`chuyển ${noun}`); l.insertBefore(li.nextElementSibling, li); } else if (b.classList.contains('remove')) { hooks.before(`xóa ${noun}`, true); li.remove(); } else return;
    if (after) after();
    changed();
  });
  rowMoves('#signers', 'người ký');
  rowMoves('#appendices', 'phụ lục', renumberAppendices);

  $('#form').addEventListener('input', (e) => {
    state.touched.add(e.target);
    if (/^(INPUT|TEXTAREA)$/.test(e.target.tagName)) undo.lastWasBlock = false;
    changed();
  });
  $('#form').addEventListener('focusout', (e) => {
    if (e.target.value) state.touched.add(e.target);
    // A date typed as 2026-03-16 or 5/3/2026 is shown the way the form writes dates.
    if (e.target.id === 'f-date') {
      const d = readDate(e.target.value);
      if (d.iso && showDate(d.iso) !== e.target.value) e.target.value = showDate(d.iso);
    }
  });
  $('#form').addEventListener('change', (e) => {
    if (e.target.id === 'f-template') {
      // The state before the change has the template chosen before.
      const before = collect({ all: true }).doc;
      before.template = state.template;
      undo.record(toJson(before), 'đổi mẫu văn bản');
      state.template = e.target.value;
      applyTemplate();
    }
    changed();
  });
  $('#form').addEventListener('submit', (e) => e.preventDefault());
  $('#add-recipient').addEventListener('click', () => { hooks.before('thêm Kính gửi'); addLine($('#recipients'), '', true); changed(); });
  $('#add-basis').addEventListener('click', () => { hooks.before('thêm căn cứ'); addLine($('#bases'), '', true); changed(); });
  $('#add-distribution').addEventListener('click', () => { hooks.before('thêm nơi nhận'); addLine($('#distribution'), '', true); changed(); });
  $('#add-signer').addEventListener('click', () => { hooks.before('thêm người ký'); addSigner({}, true); changed(); });
  $('#add-appendix').addEventListener('click', () => { hooks.before('thêm phụ lục'); addAppendix({}, true); changed(); });
  $('#add-appendix').setAttribute('aria-label', 'Thêm phụ lục');
  $('#btn-pdf').addEventListener('click', () => download('pdf'));
  $('#btn-docx').addEventListener('click', () => download('docx'));
  $('#btn-preview').addEventListener('click', () => { state.showAll = true; refresh(); });
  $('#btn-save').addEventListener('click', saveFile);
  $('#btn-undo').addEventListener('click', doUndo);
  $('#btn-drafts').addEventListener('click', showDrafts);
  $('#page-prev').addEventListener('click', () => { state.page = Math.max(1, state.page - 1); showPage(); goPage(); });
  $('#page-next').addEventListener('click', () => { state.page = Math.min(state.pages, state.page + 1); showPage(); goPage(); });
  $('#btn-new').addEventListener('click', () => {
    drafts.save(collect({ all: true }).doc);
    drafts.fresh();
    undo.past = []; undo.future = [];
    state.showAll = false;
    state.touched = new WeakSet();
    populate(BLANK);
    state.template = $('#f-template').value;
    refresh();
    $('#f-issuer').focus();
    toast('Văn bản trước vẫn nằm trong “Bản nháp”.');
  });
  $('#file-open').addEventListener('change', (e) => {
    const f = e.target.files[0];
    if (f) openFile(f);
    e.target.value = '';
  });
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') { e.preventDefault(); saveFile(); return; }
    if (!mod || e.key.toLowerCase() !== 'z' && e.key.toLowerCase() !== 'y') return;
    // In a text field the browser undoes typing; a block edit made since is ours.
    const typing = /^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName) && !undo.lastWasBlock;
    if (typing) return;
    e.preventDefault();
    if (e.key.toLowerCase() === 'y' || e.shiftKey) doRedo(); else doUndo();
  });
  window.addEventListener('pagehide', () => drafts.save(collect({ all: true }).doc));
}

function goPage() {
  if (!state.previewUrl) return;
  $('#preview').src = `${state.previewUrl}#page=${state.page}&navpanes=0&view=FitH`;
}

async function start() {
  wire();
  await loadTemplates();
  registerButton();  // "Cấp số" when the server has a register; the form works without it
  const draft = await drafts.start();
  populate(draft || STARTER);
  state.template = $('#f-template').value;
  refresh();
}

document.addEventListener('DOMContentLoaded', start);
