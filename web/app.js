// vanban — the clerk's web form. Plain JavaScript, no libraries, works offline.
// The form is the source of truth: collect() builds the document JSON from it, and
// records on every input the JSON Pointer its value went to, so the engine's errors
// ("/signers/0/name: missing required field") land next to the right field.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

const DEBOUNCE_MS = 400;
const STORAGE_KEY = 'vanban.draft';

const STARTER = {
  template: 'cong-van',
  issuer: { parent: 'TỔNG LĐLĐ VIỆT NAM', name: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI' },
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

// Keys the form edits; anything else a loaded file has (appendices, data, …) is kept as is.
const FORM_KEYS = ['template', 'issuer', 'number', 'symbol', 'place', 'date', 'kind', 'subject', 'recipients',
  'body', 'signers', 'distribution', 'urgency', 'confidentiality', 'draft'];

const state = {
  templates: [],
  extra: {},          // top-level keys the form has no fields for
  timer: 0,
  seq: 0,             // the newest preview request
  controller: null,
  previewUrl: '',
  renders: 0,         // previews shown (tests wait on it)
  idCounter: 0,
};

// ---------- building the form ----------

function uid(prefix) { state.idCounter += 1; return `${prefix}-${state.idCounter}`; }

function rowTools(li, list) {
  $('.up', li).addEventListener('click', () => {
    if (li.previousElementSibling) { list.insertBefore(li, li.previousElementSibling); renumber(list); changed(); $('.up', li).focus(); }
  });
  $('.down', li).addEventListener('click', () => {
    if (li.nextElementSibling) { list.insertBefore(li.nextElementSibling, li); renumber(list); changed(); $('.down', li).focus(); }
  });
  $('.remove', li).addEventListener('click', () => {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove(); renumber(list); changed();
    const focus = next ? $('input, textarea, select', next) : list.parentElement.querySelector('button.add');
    if (focus) focus.focus();
  });
}

// Accessible names that say which row: "Kính gửi 2", "Xóa Kính gửi 2".
function renumber(list) {
  const noun = list.dataset.noun;
  $$(':scope > li', list).forEach((li, i) => {
    const n = `${noun} ${i + 1}`;
    const input = $(':scope > input', li);
    if (input) input.setAttribute('aria-label', n);
    $('.up', li).setAttribute('aria-label', `Chuyển ${n} lên`);
    $('.down', li).setAttribute('aria-label', `Chuyển ${n} xuống`);
    $('.remove', li).setAttribute('aria-label', `Xóa ${n}`);
  });
}

function addLine(list, value = '', focus = false) {
  const li = $('#tpl-line').content.firstElementChild.cloneNode(true);
  const input = $('input', li);
  input.value = value;
  input.placeholder = list.dataset.placeholder || '';
  list.appendChild(li);
  rowTools(li, list);
  renumber(list);
  if (focus) input.focus();
  return li;
}

function blockKind(li) { return $('.kind', li).value; }

function showBlockControls(li) {
  const kind = blockKind(li);
  $('.level', li).hidden = kind !== 'heading';
  $('.marker', li).hidden = kind !== 'list';
  const text = $('.text', li);
  text.rows = kind === 'heading' ? 1 : kind === 'paragraph' ? 3 : 4;
  text.classList.toggle('mono', kind === 'raw');
  text.setAttribute('aria-label', {
    paragraph: 'Nội dung đoạn văn', heading: 'Tên đề mục', list: 'Các mục của danh sách, mỗi dòng một mục', raw: 'Khối dạng JSON',
  }[kind]);
  text.placeholder = kind === 'list' ? 'Mỗi dòng một mục' : kind === 'heading' ? 'VD: I. KẾT QUẢ THỰC HIỆN' : '';
}

function addBlock(block, focus = false) {
  const list = $('#body');
  const li = $('#tpl-block').content.firstElementChild.cloneNode(true);
  const kind = $('.kind', li);
  const text = $('.text', li);
  if (typeof block === 'string') {
    kind.value = 'paragraph'; text.value = block;
  } else if (block && typeof block.heading === 'string' && Object.keys(block).every((k) => k === 'heading' || k === 'level')) {
    kind.value = 'heading'; text.value = block.heading; $('.level', li).value = String(block.level || 1);
  } else if (block && Array.isArray(block.list) && block.list.every((x) => typeof x === 'string') &&
             Object.keys(block).every((k) => k === 'list' || k === 'marker')) {
    kind.value = 'list'; text.value = block.list.join('\n'); $('.marker', li).value = block.marker || '-';
  } else {
    kind.value = 'raw'; text.value = JSON.stringify(block, null, 2);
  }
  kind.addEventListener('change', () => {
    // Keep the words when the kind changes: a list's lines become one paragraph, and back.
    showBlockControls(li); changed();
  });
  list.appendChild(li);
  rowTools(li, list);
  showBlockControls(li);
  if (focus) text.focus();
  return li;
}

function addSigner(s = {}, focus = false) {
  const list = $('#signers');
  const li = $('#tpl-signer').content.firstElementChild.cloneNode(true);
  for (const key of ['authority', 'acting', 'title', 'name']) {
    const input = $(`.${key}`, li);
    input.id = uid(`signer-${key}`);
    input.previousElementSibling.htmlFor = input.id;
    input.value = s[key] || '';
  }
  list.appendChild(li);
  rowTools(li, list);
  if (focus) $('.authority', li).focus();
  return li;
}

function populate(doc) {
  $('#f-template').value = doc.template || 'cong-van';
  if ($('#f-template').value !== (doc.template || 'cong-van')) {
    // A template this server does not have: keep it selectable, the engine will say so.
    const opt = document.createElement('option');
    opt.value = doc.template; opt.textContent = doc.template;
    $('#f-template').appendChild(opt);
    $('#f-template').value = doc.template;
  }
  $('#f-kind').value = doc.kind || '';
  $('#f-parent').value = (doc.issuer && doc.issuer.parent) || '';
  $('#f-issuer').value = (doc.issuer && doc.issuer.name) || '';
  $('#f-number').value = doc.number === undefined || doc.number === null ? '' : String(doc.number);
  $('#f-symbol').value = doc.symbol || '';
  $('#f-place').value = doc.place || '';
  $('#f-date').value = doc.date || '';
  $('#f-subject').value = doc.subject || '';
  $('#f-urgency').value = doc.urgency === 'Hoả tốc' ? 'Hỏa tốc' : (doc.urgency || '');
  $('#f-confidentiality').value = doc.confidentiality || '';
  $('#f-draft').checked = !!doc.draft;
  for (const id of ['recipients', 'distribution']) {
    const list = $(`#${id}`);
    list.replaceChildren();
    for (const v of doc[id] || []) addLine(list, typeof v === 'string' ? v : JSON.stringify(v));
  }
  $('#body').replaceChildren();
  for (const b of doc.body || []) addBlock(b);
  $('#signers').replaceChildren();
  for (const s of doc.signers || []) addSigner(s);
  state.extra = {};
  for (const [k, v] of Object.entries(doc)) if (!FORM_KEYS.includes(k)) state.extra[k] = v;
  const extra = Object.keys(state.extra);
  $('#extra-note').hidden = extra.length === 0;
  $('#extra-note').textContent = extra.length
    ? `Tệp có thêm các mục không sửa được trên biểu mẫu (${extra.join(', ')}); chúng được giữ nguyên khi xem trước, tải về và lưu.`
    : '';
  updateKindField();
}

function updateKindField() {
  const t = state.templates.find((x) => x.name === $('#f-template').value);
  const usesKind = !!t && Array.isArray(t.fields) && t.fields.includes('kind');
  $('#kind-field').hidden = !usesKind;
  $('#f-kind').placeholder = t && t.kind ? `để trống: ${t.kind}` : 'để trống: theo mẫu';
}

// ---------- collecting the document ----------

// Builds the document and sets data-pointer on every input to where its value went.
function collect() {
  const doc = {};
  const set = (el, pointer) => { el.dataset.pointer = pointer; };
  const text = (el) => el.value.trim();

  doc.template = $('#f-template').value;
  if (!$('#kind-field').hidden && text($('#f-kind'))) doc.kind = text($('#f-kind'));
  doc.issuer = {};
  if (text($('#f-parent'))) doc.issuer.parent = text($('#f-parent'));
  doc.issuer.name = text($('#f-issuer'));
  const number = text($('#f-number'));
  if (number) doc.number = /^[0-9]+$/.test(number) && number.length < 15 ? Number(number) : number;
  doc.symbol = text($('#f-symbol'));
  doc.place = text($('#f-place'));
  if ($('#f-date').value) doc.date = $('#f-date').value;
  doc.subject = text($('#f-subject'));

  for (const id of ['recipients', 'distribution']) {
    const values = [];
    for (const input of $$(`#${id} > li > input`)) {
      if (!text(input)) { delete input.dataset.pointer; continue; }  // empty rows are left out
      set(input, `/${id}/${values.length}`);
      values.push(text(input));
    }
    if (values.length || id === 'recipients') doc[id] = values;
  }
  if (!doc.recipients.length) delete doc.recipients;

  doc.body = [];
  for (const li of $$('#body > li')) {
    const area = $('.text', li);
    const kind = blockKind(li);
    const pointer = `/body/${doc.body.length}`;
    if (!text(area)) { delete li.dataset.pointer; delete area.dataset.pointer; continue; }  // empty blocks are left out
    li.dataset.pointer = pointer;
    if (kind === 'paragraph') {
      set(area, pointer);
      doc.body.push(text(area));
    } else if (kind === 'heading') {
      set(area, `${pointer}/heading`);
      const level = Number($('.level', li).value);
      doc.body.push(level === 1 ? { heading: text(area) } : { heading: text(area), level });
    } else if (kind === 'list') {
      set(area, `${pointer}/list`);
      const items = area.value.split('\n').map((s) => s.trim()).filter((s) => s);
      const marker = $('.marker', li).value;
      doc.body.push(marker === '-' ? { list: items } : { list: items, marker });
    } else {
      set(area, pointer);
      try {
        doc.body.push(JSON.parse(area.value));
      } catch (e) {
        throw Object.assign(new Error('Khối JSON viết sai cú pháp.'), { pointer });
      }
    }
  }

  doc.signers = [];
  for (const li of $$('#signers > li')) {
    const s = {};
    const pointer = `/signers/${doc.signers.length}`;
    const fields = ['authority', 'acting', 'title', 'name'].map((k) => [k, $(`.${k}`, li)]);
    if (fields.every(([, el]) => !text(el))) { delete li.dataset.pointer; continue; }
    li.dataset.pointer = pointer;
    for (const [k, el] of fields) {
      set(el, `${pointer}/${k}`);
      if (text(el) || k === 'title' || k === 'name') s[k] = text(el);
    }
    doc.signers.push(s);
  }

  if ($('#f-urgency').value) doc.urgency = $('#f-urgency').value;
  if ($('#f-confidentiality').value) doc.confidentiality = $('#f-confidentiality').value;
  if ($('#f-draft').checked) doc.draft = true;
  return Object.assign(doc, state.extra);
}

// ---------- errors next to fields ----------

const FIELD_NAMES = {
  '/template': 'Loại văn bản', '/kind': 'Tên loại', '/issuer/parent': 'Cơ quan chủ quản',
  '/issuer/name': 'Cơ quan ban hành', '/number': 'Số', '/symbol': 'Ký hiệu', '/place': 'Địa danh',
  '/date': 'Ngày ban hành', '/subject': 'Trích yếu', '/recipients': 'Kính gửi', '/body': 'Nội dung',
  '/signers': 'Người ký', '/distribution': 'Nơi nhận', '/urgency': 'Độ khẩn', '/confidentiality': 'Độ mật',
};

// The element for a pointer, or for its nearest ancestor that has one.
function elementFor(pointer) {
  let p = pointer;
  while (p) {
    const el = $$('[data-pointer]').find((x) => x.dataset.pointer === p);
    if (el) return el;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

function clearMarks(kind) {
  for (const el of $$(`.field-${kind}`)) el.remove();
  if (kind === 'error') for (const el of $$('[aria-invalid="true"]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
}

function fieldName(pointer) {
  const top = pointer.split('/').slice(0, 2).join('/');
  const m = pointer.match(/^\/(recipients|distribution|body|signers)\/(\d+)/);
  const base = FIELD_NAMES[top] || pointer;
  return m ? `${base} ${Number(m[2]) + 1}` : base;
}

// Puts `message` under the field at `pointer`; returns the field (or null).
function mark(pointer, message, kind) {
  const el = pointer ? elementFor(pointer) : null;
  const note = document.createElement('div');
  note.className = `field-${kind}`;
  note.id = uid(kind);
  note.textContent = message;
  if (!el) return null;
  const anchor = el.closest('li.row, .field, li.block, li.signer') || el;
  if (anchor.tagName === 'OL') anchor.after(note); else anchor.appendChild(note);
  if (kind === 'error' && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', note.id);
  }
  return el;
}

function showError(err) {
  clearMarks('error');
  const box = $('#form-error');
  if (!err) { box.hidden = true; box.replaceChildren(); return; }
  const message = err.message_vi || err.error || String(err);
  const where = err.pointer ? fieldName(err.pointer) : '';
  const el = mark(err.pointer || '', message, 'error');
  box.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = 'Chưa tạo được văn bản: ';
  box.append(strong, where ? `${where} — ${message}` : message);
  if (el) {
    const go = document.createElement('button');
    go.type = 'button'; go.className = 'link'; go.textContent = 'Đến chỗ lỗi';
    go.addEventListener('click', () => { el.focus(); el.scrollIntoView({ block: 'center' }); });
    box.append(' ', go);
  }
  box.hidden = false;
}

function showHints(findings) {
  clearMarks('hint');
  for (const f of findings || []) {
    // Only what a careful clerk would fix: silent fixes ("change") and refusals (errors) are not hints.
    if (!f.pointer || f.action !== 'check') continue;
    mark(f.pointer, `Gợi ý: ${f.message_vi || f.message}${f.suggestion ? ` → “${f.suggestion}”` : ''}`, 'hint');
  }
}

// ---------- talking to the server ----------

function setStatus(text, kind = '') {
  const s = $('#status');
  s.textContent = text;
  s.className = kind;
}

async function post(path, doc, signal) {
  return fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc), signal,
  });
}

async function errorOf(res) {
  try { return await res.json(); } catch (e) { return { message_vi: `Lỗi máy chủ (${res.status}).` }; }
}

function changed() {
  saveDraft();
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, DEBOUNCE_MS);
  setStatus('Đang chờ gõ xong…');
}

async function refresh() {
  let doc;
  try {
    doc = collect();
  } catch (e) {
    showError({ message_vi: e.message, pointer: e.pointer });
    setStatus('Có lỗi, chưa cập nhật bản xem trước.', 'bad');
    return;
  }
  const seq = ++state.seq;
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  setStatus('Đang tạo bản xem trước…');
  const started = performance.now();
  try {
    const res = await post('/api/render?format=pdf', doc, state.controller.signal);
    if (seq !== state.seq) return;
    if (!res.ok) {
      showError(await errorOf(res));
      setStatus('Có lỗi, chưa cập nhật bản xem trước.', 'bad');
      $('#preview').dataset.state = 'error';
      return;
    }
    const blob = await res.blob();
    if (seq !== state.seq) return;
    showError(null);
    const url = URL.createObjectURL(blob);
    const frame = $('#preview');
    frame.src = `${url}#navpanes=0&view=FitH`;
    if (state.previewUrl) setTimeout(URL.revokeObjectURL, 5000, state.previewUrl);
    state.previewUrl = url;
    state.renders += 1;
    frame.dataset.state = 'ready';
    frame.dataset.renders = String(state.renders);
    $('#preview-empty').hidden = true;
    const pages = res.headers.get('X-Vanban-Pages');
    const ms = Math.round(performance.now() - started);
    setStatus(`Đã cập nhật bản xem trước${pages ? ` (${pages} trang)` : ''} · ${ms} ms`, 'ok');
    lint(doc, seq);
  } catch (e) {
    if (e.name === 'AbortError') return;
    setStatus('Không kết nối được với máy chủ vanban.', 'bad');
  }
}

async function lint(doc, seq) {
  try {
    const res = await post('/api/check', doc);
    if (!res.ok || seq !== state.seq) return;
    showHints((await res.json()).findings);
  } catch (e) { /* hints are optional */ }
}

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
  let doc;
  try { doc = collect(); } catch (e) { showError({ message_vi: e.message, pointer: e.pointer }); return; }
  setStatus(`Đang tạo tệp ${format.toUpperCase()}…`);
  try {
    const res = await post(`/api/render?format=${format}`, doc);
    if (!res.ok) {
      showError(await errorOf(res));
      setStatus(`Chưa tải được ${format.toUpperCase()}: văn bản còn lỗi.`, 'bad');
      return;
    }
    const name = fileNameOf(res, `van-ban.${format}`);
    saveBlob(await res.blob(), name);
    showError(null);
    setStatus(`Đã tải về ${name}`, 'ok');
  } catch (e) {
    setStatus('Không kết nối được với máy chủ vanban.', 'bad');
  }
}

// ---------- files and drafts ----------

function saveJson() {
  let doc;
  try { doc = collect(); } catch (e) { showError({ message_vi: e.message, pointer: e.pointer }); return; }
  const stem = [doc.number, doc.symbol].filter((x) => x !== undefined && x !== '').join('-') || 'van-ban';
  saveBlob(new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }), `${stem.replace(/[\\/:*?"<>|]/g, '-')}.json`);
  setStatus('Đã lưu tệp JSON.', 'ok');
}

async function openJson(file) {
  let doc;
  try {
    doc = JSON.parse(await file.text());
  } catch (e) {
    showError({ message_vi: `Tệp “${file.name}” không phải JSON hợp lệ: ${e.message}` });
    return;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    showError({ message_vi: `Tệp “${file.name}” không phải một văn bản (cần một đối tượng JSON { … }).` });
    return;
  }
  populate(doc);
  changed();
  setStatus(`Đã mở ${file.name}`, 'ok');
}

function saveDraft() {
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify(collect())); } catch (e) { /* a bad raw block, or no storage */ }
}

function loadDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    return d && typeof d === 'object' && !Array.isArray(d) ? d : null;
  } catch (e) { return null; }
}

// ---------- start ----------

async function loadTemplates() {
  const select = $('#f-template');
  try {
    const res = await fetch('/api/templates');
    state.templates = (await res.json()).templates || [];
  } catch (e) {
    state.templates = [{ name: 'cong-van', title: 'Công văn', fields: [] }];
  }
  select.replaceChildren();
  for (const t of state.templates) {
    if (t.error) continue;
    const opt = document.createElement('option');
    opt.value = t.name;
    opt.textContent = t.title && t.title !== t.name ? `${t.title} (${t.name})` : t.name;
    select.appendChild(opt);
  }
}

async function start() {
  $('#recipients').dataset.noun = 'Kính gửi';
  $('#recipients').dataset.placeholder = 'VD: Bộ Nội vụ';
  $('#distribution').dataset.noun = 'Nơi nhận';
  $('#distribution').dataset.placeholder = 'VD: Lưu: VT, TG';
  await loadTemplates();
  populate(loadDraft() || STARTER);

  $('#form').addEventListener('input', changed);
  $('#form').addEventListener('change', (e) => { if (e.target.id === 'f-template') updateKindField(); changed(); });
  $('#form').addEventListener('submit', (e) => e.preventDefault());
  $('#add-recipient').addEventListener('click', () => { addLine($('#recipients'), '', true); });
  $('#add-distribution').addEventListener('click', () => { addLine($('#distribution'), '', true); });
  $('#add-paragraph').addEventListener('click', () => { addBlock('', true); });
  $('#add-heading').addEventListener('click', () => { addBlock({ heading: '' }, true); });
  $('#add-list').addEventListener('click', () => { addBlock({ list: [''] }, true); });
  $('#add-signer').addEventListener('click', () => { addSigner({}, true); });
  $('#btn-pdf').addEventListener('click', () => download('pdf'));
  $('#btn-docx').addEventListener('click', () => download('docx'));
  $('#btn-save').addEventListener('click', saveJson);
  $('#btn-new').addEventListener('click', () => {
    if (!window.confirm('Xóa nội dung đang soạn để bắt đầu văn bản mới?')) return;
    populate(BLANK); changed(); $('#f-issuer').focus();
  });
  $('#file-open').addEventListener('change', (e) => {
    const f = e.target.files[0];
    if (f) openJson(f);
    e.target.value = '';
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); saveJson(); }
  });
  refresh();
}

document.addEventListener('DOMContentLoaded', start);
