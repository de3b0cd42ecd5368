// vanban web form — the document: populate(doc) fills the form from the document JSON,
// collect() builds it back and records, on every input, the JSON Pointer its value went
// to (so the engine's errors land at the right field). Each template shows only the
// fields it prints; a field it does not print is neither shown nor sent, and the form
// says so when it holds words.
'use strict';

import { $, $$, el, hooks, uid, readDate, showDate, stripPrefix, DASH_PREFIX, RECIPIENT_PREFIX, numberText } from './form-util.js';
import { blocksEditor, addBlock, readBlocks, renumberBlocks } from './form-blocks.js';

// The document keys the form has fields for; anything else a file has is kept as is.
const FORM_KEYS = ['template', 'issuer', 'number', 'symbol', 'place', 'date', 'kind', 'subject', 'recipients',
  'enacting_authority', 'bases', 'body', 'signers', 'distribution', 'urgency', 'confidentiality', 'draft', 'appendices'];

// What a template usually has, beyond what it can print: a quyết định has thẩm quyền,
// căn cứ and Điều but no Kính gửi; other documents no căn cứ.
const LIST_KEYS = ['recipients', 'bases', 'body', 'signers', 'distribution', 'appendices'];
const arr = (v) => (Array.isArray(v) ? v : []);

const USUAL = {
  'quyet-dinh': { without: ['recipients'], articles: true },
  default: { without: ['enacting_authority', 'bases'], articles: false },
};
const FIELD_TITLES = { kind: 'Tên loại', recipients: 'Kính gửi', enacting_authority: 'Thẩm quyền ban hành', bases: 'Căn cứ', distribution: 'Nơi nhận', appendices: 'Phụ lục' };

export const form = { templates: [], extra: {}, body: null };

// ---------- line lists (Kính gửi, căn cứ, nơi nhận) ----------

function lineItem(list, value) {
  const input = el(list.dataset.multiline ? 'textarea' : 'input', { class: 'grow', value, placeholder: list.dataset.placeholder || '', rows: 1 });
  const li = el('li', { class: 'row' }, input, el('span', { class: 'tools' },
    el('button', { type: 'button', class: 'icon up' }, '↑'), el('button', { type: 'button', class: 'icon down' }, '↓'),
    el('button', { type: 'button', class: 'icon remove' }, '✕')));
  return li;
}

export function renumberLines(list) {
  const noun = list.dataset.noun;
  $$(':scope > li', list).forEach((li, i) => {
    const n = `${noun} ${i + 1}`;
    $('.grow', li).setAttribute('aria-label', n);
    for (const [c, w] of [['up', `Chuyển ${n} lên`], ['down', `Chuyển ${n} xuống`], ['remove', `Xóa ${n}`]]) {
      $(`.${c}`, li).setAttribute('aria-label', w); $(`.${c}`, li).title = w;
    }
  });
}

export function addLine(list, value = '', focus = false) {
  const li = lineItem(list, value);
  list.appendChild(li);
  renumberLines(list);
  if (focus) $('.grow', li).focus();
  return li;
}

export function lineListTools(list) {
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    const li = b && b.closest('li');
    if (!li || li.parentElement !== list) return;
    if (b.classList.contains('up') && li.previousElementSibling) { hooks.before('chuyển dòng'); list.insertBefore(li, li.previousElementSibling); } else if (b.classList.contains('down') && li.nextElementSibling) { hooks.before('chuyển dòng'); list.insertBefore(li.nextElementSibling, li); } else if (b.classList.contains('remove')) {
      hooks.before(`xóa ${list.dataset.noun}`, true);
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove(); renumberLines(list); hooks.changed();
      const f = next ? $('.grow', next) : list.parentElement.querySelector('button.add');
      if (f) f.focus();
      return;
    } else return;
    renumberLines(list); hooks.changed(); b.focus();
  });
}

// ---------- signers and appendices ----------

export function addSigner(s = {}, focus = false) {
  const list = $('#signers');
  const li = $('#tpl-signer').content.firstElementChild.cloneNode(true);
  for (const key of ['authority', 'acting', 'title', 'name']) {
    const input = $(`.${key}`, li);
    input.id = uid(`signer-${key}`);
    input.previousElementSibling.htmlFor = input.id;
    input.value = s[key] || '';
  }
  list.appendChild(li);
  if (focus) $('.authority', li).focus();
  return li;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export function renumberAppendices() {
  $$('#appendices > li').forEach((li, i) => {
    const n = `Phụ lục ${i + 1}`;
    li.setAttribute('aria-label', n);
    $('.appendix-no', li).textContent = n;
    $('.blocks', li).dataset.where = `của ${n.toLowerCase()}`;
    renumberBlocks($('.blocks', li));
    for (const [c, w] of [['up', `Chuyển ${n.toLowerCase()} lên`], ['down', `Chuyển ${n.toLowerCase()} xuống`], ['remove', `Xóa ${n.toLowerCase()}`]]) {
      const b = $(`:scope > .appendix-head .${c}`, li); b.setAttribute('aria-label', w); b.title = w;
    }
  });
}

export function addAppendix(a = {}, focus = false) {
  const list = $('#appendices');
  const n = list.children.length;
  const li = $('#tpl-appendix').content.firstElementChild.cloneNode(true);
  for (const key of ['title', 'subtitle', 'orientation']) {
    const input = $(`.ap-${key}`, li);
    input.id = uid(`appendix-${key}`);
    input.previousElementSibling.htmlFor = input.id;
  }
  $('.ap-title', li).value = a.title ?? `PHỤ LỤC ${ROMAN[n] || n + 1}`;
  $('.ap-subtitle', li).value = a.subtitle || '';
  $('.ap-orientation', li).value = a.orientation === 'landscape' ? 'landscape' : 'portrait';
  const { list: blocks, buttons } = blocksEditor();
  $('.ap-blocks', li).append(blocks, buttons);
  for (const b of arr(a.body)) addBlock(blocks, b);
  list.appendChild(li);
  renumberAppendices();
  for (const b of $$('.add-article', li)) b.hidden = !(USUAL[$('#f-template').value] || USUAL.default).articles;
  if (focus) $('.ap-title', li).focus();
  return li;
}

// ---------- templates ----------

export function currentTemplate() { return form.templates.find((x) => x.name === $('#f-template').value); }

function prints(field) {
  const t = currentTemplate();
  return !t || !Array.isArray(t.fields) || t.fields.includes(field);
}

function hasContent(field) {
  if (field === 'kind' || field === 'enacting_authority') return !!$(`[data-key="${field}"]`).value.trim();
  if (field === 'appendices') return $('#appendices').children.length > 0;
  return $$(`[data-key="${field}"] .grow`).some((i) => i.value.trim());
}

// Shows the fields the chosen template prints (and is meant to have, unless they hold
// words); says which filled fields it would not print.
export function applyTemplate() {
  const name = $('#f-template').value;
  const usual = USUAL[name] || USUAL.default;
  const dropped = [];
  for (const section of $$('[data-field]')) {
    const field = section.dataset.field;
    const printed = prints(field);
    const content = hasContent(field);
    section.hidden = !printed || (usual.without.includes(field) && !content);
    if (!printed && content) dropped.push(FIELD_TITLES[field] || field);
    const note = $(':scope > .unusual', section);
    if (note) note.hidden = !(printed && usual.without.includes(field) && content);
  }
  for (const b of $$('.add-article')) b.hidden = !usual.articles;
  const t = currentTemplate();
  $('#f-kind').placeholder = t && t.kind ? `để trống: ${t.kind}` : 'để trống: theo mẫu';
  const note = $('#template-note');
  note.hidden = dropped.length === 0;
  note.textContent = dropped.length ? `Mẫu này không in: ${dropped.join(', ')}. Nội dung đã nhập vẫn được giữ trên biểu mẫu nếu đổi lại mẫu khác, nhưng không có trong văn bản.` : '';
}

// The templates the form can fill: not those built from campaign data (the campaign
// pages handle them) nor those that fail to load.
export function fillable(t) { return !t.error && !(t.fields || []).includes('data') && !(t.data_fields || []).length; }

// ---------- populate ----------

export function populate(doc) {
  const select = $('#f-template');
  const name = doc.template || 'cong-van';
  if (!$$('option', select).some((o) => o.value === name)) {
    // A template the form does not offer (a user template, or a campaign's): keep it.
    select.append(el('option', { value: name }, name));
  }
  select.value = name;
  $('#f-kind').value = doc.kind || '';
  $('#f-parent').value = (doc.issuer && doc.issuer.parent) || '';
  $('#f-issuer').value = (doc.issuer && doc.issuer.name) || '';
  $('#f-number').value = doc.number === undefined || doc.number === null ? '' : numberText(doc.number);
  $('#f-symbol').value = doc.symbol || '';
  $('#f-place').value = doc.place || '';
  $('#f-date').value = showDate(doc.date);
  $('#f-subject').value = doc.subject || '';
  $('#f-authority').value = doc.enacting_authority || '';
  $('#f-urgency').value = doc.urgency === 'Hoả tốc' ? 'Hỏa tốc' : (doc.urgency || '');
  $('#f-confidentiality').value = doc.confidentiality || '';
  $('#f-draft').checked = !!doc.draft;
  for (const id of ['recipients', 'bases', 'distribution']) {
    const list = $(`#${id}`);
    list.replaceChildren();
    for (const v of arr(doc[id])) addLine(list, typeof v === 'string' ? v : String(v));
    if (id === 'recipients' && !list.children.length) addLine(list, '');
  }
  form.body.replaceChildren();
  for (const b of arr(doc.body)) addBlock(form.body, b);
  $('#signers').replaceChildren();
  for (const s of arr(doc.signers)) addSigner(s && typeof s === 'object' ? s : {});
  $('#appendices').replaceChildren();
  for (const a of arr(doc.appendices)) addAppendix(a && typeof a === 'object' ? a : {});
  form.extra = {};
  for (const [k, v] of Object.entries(doc)) if (!FORM_KEYS.includes(k)) form.extra[k] = v;
  // A list that is not a list has no fields here: it is kept as is (the engine says what is wrong).
  for (const k of LIST_KEYS) if (doc[k] !== undefined && !Array.isArray(doc[k])) form.extra[k] = doc[k];
  const extra = Object.keys(form.extra);
  $('#extra-note').hidden = extra.length === 0;
  $('#extra-note').textContent = extra.length
    ? `Tệp có thêm các mục không sửa được trên biểu mẫu (${extra.join(', ')}); chúng được giữ nguyên khi xem trước, tải về và lưu.`
    : '';
  applyTemplate();
}

// ---------- collect ----------

const REQUIRED = 'Chưa nhập: đây là mục bắt buộc.';

// Builds the document; `issues` gets {el, error|hint, blank} for what the form itself
// can tell (blank required fields, impossible dates, words the engine prints itself).
// With `all`, fields the template does not print are included too (undo and drafts keep
// them; what is rendered, downloaded or saved as a file has only what prints).
export function collect({ all = false } = {}) {
  const doc = {};
  const issues = [];
  const set = (e, pointer) => { e.dataset.pointer = pointer; };
  const text = (e) => e.value.trim();
  const need = (e, pointer) => { set(e, pointer); if (!text(e)) issues.push({ el: e, error: REQUIRED, blank: true }); return text(e); };
  const visible = (field) => all || !$(`[data-field="${field}"]`).hidden;

  doc.template = $('#f-template').value;
  if (visible('kind') && text($('#f-kind'))) doc.kind = text($('#f-kind'));
  doc.issuer = {};
  // Line breaks in the issuer's names are kept: they force a break in the header.
  const lines = (e) => e.value.split('\n').map((s) => s.trim()).filter((s) => s).join('\n');
  if (lines($('#f-parent'))) doc.issuer.parent = lines($('#f-parent'));
  set($('#f-parent'), '/issuer/parent');
  need($('#f-issuer'), '/issuer/name');
  doc.issuer.name = lines($('#f-issuer'));
  const number = text($('#f-number'));
  set($('#f-number'), '/number');
  if (number) {
    if (!/^[0-9]+$/.test(number)) issues.push({ el: $('#f-number'), error: 'Số văn bản chỉ gồm chữ số (ví dụ 127), hoặc để trống để điền tay.' });
    else if (/^0+$/.test(number)) issues.push({ el: $('#f-number'), error: 'Số văn bản phải từ 1 trở lên.' });
    doc.number = /^[0-9]+$/.test(number) && number.length < 15 ? Number(number) : number;
  }
  doc.symbol = need($('#f-symbol'), '/symbol');
  doc.place = need($('#f-place'), '/place');
  set($('#f-date'), '/date');
  const date = readDate($('#f-date').value);
  if (date.error) issues.push({ el: $('#f-date'), error: date.error });
  if (date.iso) doc.date = date.iso;
  doc.subject = need($('#f-subject'), '/subject').replace(/\s*\n\s*/g, ' ');
  // The engine cuts a công văn's "V/v" box at one page without a word (seen at ~1,800
  // characters): refuse well before that.
  if (doc.template === 'cong-van' && doc.subject.length > 1200) {
    issues.push({ el: $('#f-subject'), error: `Trích yếu quá dài (${doc.subject.length} ký tự) để in trong ô “V/v” của công văn; hãy viết ngắn gọn, dưới 1.200 ký tự.` });
  } else if (doc.subject.length > 400) {
    issues.push({ el: $('#f-subject'), hint: `Trích yếu dài ${doc.subject.length} ký tự; trích yếu nên ngắn gọn.` });
  }
  if (visible('enacting_authority') && text($('#f-authority'))) doc.enacting_authority = text($('#f-authority')).replace(/\s*\n\s*/g, ' ');
  set($('#f-authority'), '/enacting_authority');

  const lineList = (id, prefixes, why) => {
    const values = [];
    for (const input of $$(`#${id} > li > .grow`)) {
      if (!text(input)) { delete input.dataset.pointer; continue; }  // empty rows are left out
      const [clean, cut] = stripPrefix(text(input), prefixes);
      if (cut) issues.push({ el: input, hint: `Phần mềm tự in ${why}; phần “${cut}” gõ ở đầu đã được bỏ.` });
      set(input, `/${id}/${values.length}`);
      values.push(clean.replace(/\s*\n\s*/g, ' '));
    }
    return values;
  };
  if (visible('bases')) { const v = lineList('bases', DASH_PREFIX, 'dấu “;” và “.” cuối mỗi căn cứ'); if (v.length) doc.bases = v; }
  if (visible('recipients')) { const v = lineList('recipients', RECIPIENT_PREFIX, '“Kính gửi:” và dấu “-” trước mỗi nơi nhận'); if (v.length) doc.recipients = v; }

  $('#body-section').dataset.pointer = '/body';
  doc.body = readBlocks(form.body, '/body', set, issues);
  if (!doc.body.length) issues.push({ el: $('#body-section'), error: 'Nội dung cần ít nhất một đoạn văn (hoặc đề mục, bảng…).', blank: true });

  doc.signers = [];
  for (const li of $$('#signers > li')) {
    const fields = ['authority', 'acting', 'title', 'name'].map((k) => [k, $(`.${k}`, li)]);
    if (fields.every(([, e]) => !text(e)) && $$('#signers > li').length > 1) { delete li.dataset.pointer; continue; }
    const pointer = `/signers/${doc.signers.length}`;
    li.dataset.pointer = pointer;
    const s = {};
    for (const [k, e] of fields) {
      if (k === 'title' || k === 'name') s[k] = need(e, `${pointer}/${k}`);
      else { set(e, `${pointer}/${k}`); if (text(e)) s[k] = text(e); }
    }
    doc.signers.push(s);
  }

  if (visible('distribution')) {
    const v = lineList('distribution', [/^nơi\s+nhận\s*:\s*/iu, ...DASH_PREFIX], 'dấu “-” trước mỗi nơi nhận và “;”, “.” cuối dòng');
    if (v.length) doc.distribution = v;
  }
  if ($('#f-urgency').value) doc.urgency = $('#f-urgency').value;
  if ($('#f-confidentiality').value) doc.confidentiality = $('#f-confidentiality').value;
  if ($('#f-draft').checked) doc.draft = true;

  if (visible('appendices')) {
    const appendices = [];
    $$('#appendices > li').forEach((li, i) => {
      const p = `/appendices/${i}`;
      li.dataset.pointer = p;
      const a = { title: need($('.ap-title', li), `${p}/title`) };
      set($('.ap-subtitle', li), `${p}/subtitle`);
      if (text($('.ap-subtitle', li))) a.subtitle = text($('.ap-subtitle', li));
      if ($('.ap-orientation', li).value === 'landscape') a.orientation = 'landscape';
      a.body = readBlocks($('.blocks', li), `${p}/body`, set, issues);
      appendices.push(a);
    });
    if (appendices.length) doc.appendices = appendices;
  }
  return { doc: Object.assign(doc, form.extra), issues };
}

// ---------- names of fields, for messages ----------

const NAMES = {
  template: 'Loại văn bản', kind: 'Tên loại', number: 'Số', symbol: 'Ký hiệu', place: 'Địa danh', date: 'Ngày ban hành',
  subject: 'Trích yếu', enacting_authority: 'Thẩm quyền ban hành', urgency: 'Độ khẩn', confidentiality: 'Độ mật', draft: 'Dự thảo',
};
const SUB = {
  parent: 'cơ quan chủ quản', name: 'họ và tên', authority: 'thẩm quyền ký', acting: 'ký thay', title: 'chức vụ',
  heading: 'tên đề mục', list: 'các mục', article: 'tên điều', text: 'nội dung', subtitle: 'tên phụ lục', orientation: 'hướng trang',
  total_row: 'dòng tổng cộng', header_rows: 'số dòng tiêu đề', width: 'độ rộng', align: 'căn lề',
};

function blocksName(parts) {
  // body/3/table/rows/2/1 → "khối 4 (bảng), dòng 3, cột 2"
  let s = `khối ${Number(parts[0]) + 1}`;
  if (parts[1] === 'table') {
    s += ' (bảng)';
    if (parts[2] === 'rows' && parts[3] !== undefined) s += `, dòng ${Number(parts[3]) + 1}${parts[4] !== undefined ? `, cột ${Number(parts[4]) + 1}` : ''}`;
    else if (parts[2] === 'columns' && parts[3] !== undefined) s += `, cột ${Number(parts[3]) + 1}${parts[4] ? ` — ${parts[4] === 'title' ? 'tiêu đề' : SUB[parts[4]] || parts[4]}` : ''}`;
    else if (parts[2]) s += `, ${SUB[parts[2]] || parts[2]}`;
  } else if (parts[1] === 'list' && parts[2] !== undefined) s += `, mục ${Number(parts[2]) + 1}`;
  else if (parts[1]) s += `, ${SUB[parts[1]] || parts[1]}`;
  return s;
}

// "/signers/0/name" → "Người ký 1 — họ và tên"; never a raw pointer.
export function fieldName(pointer) {
  const parts = String(pointer || '').split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [top, i, ...rest] = parts;
  const n = Number(i) + 1;
  if (!top) return 'Văn bản';
  if (top === 'issuer') return i === 'parent' ? 'Cơ quan chủ quản' : 'Cơ quan ban hành';
  if (top === 'recipients') return i === undefined ? 'Kính gửi' : `Kính gửi ${n}`;
  if (top === 'bases') return i === undefined ? 'Căn cứ' : `Căn cứ ${n}`;
  if (top === 'distribution') return i === undefined ? 'Nơi nhận' : `Nơi nhận ${n}`;
  if (top === 'signers') return i === undefined ? 'Người ký' : `Người ký ${n}${rest[0] ? ` — ${SUB[rest[0]] || rest[0]}` : ''}`;
  if (top === 'body') return i === undefined ? 'Nội dung' : `Nội dung, ${blocksName([i, ...rest])}`;
  if (top === 'appendices') {
    if (i === undefined) return 'Phụ lục';
    if (rest[0] === 'body' && rest[1] !== undefined) return `Phụ lục ${n}, ${blocksName(rest.slice(1))}`;
    return `Phụ lục ${n}${rest[0] ? ` — ${rest[0] === 'title' ? 'tiêu đề' : SUB[rest[0]] || rest[0]}` : ''}`;
  }
  return NAMES[top] || 'Văn bản';
}
