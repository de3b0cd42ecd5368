// vanban web form — the block editors: the body (ô 6) and each appendix hold the same
// blocks — đoạn văn, đề mục (cấp 1–3), danh sách, bảng, điều (quyết định), ngắt trang —
// each with its own fields; no block is ever typed as JSON.
'use strict';

import { $, $$, el, hooks, stripPrefix, DASH_PREFIX, ARTICLE_PREFIX, toJson, parseJson, isRawNumber } from './form-util.js';
import { tableEditor, readTable, clipboardGrid, tableFromGrid, renumberTable } from './form-table.js';

const KIND_NAMES = {
  paragraph: 'Đoạn văn', heading: 'Đề mục', list: 'Danh sách', table: 'Bảng', article: 'Điều', page_break: 'Ngắt trang', raw: 'Khối giữ nguyên',
};
const TEXT_KINDS = ['paragraph', 'heading', 'list'];
const MARKERS = [['-', '- gạch đầu dòng'], ['+', '+ dấu cộng'], ['1.', '1. 2. 3.'], ['a)', 'a) b) c)'], ['I.', 'I. II. III.']];
const LEVELS = [['1', 'Cấp 1 (I., II.)'], ['2', 'Cấp 2 (1., 2.)'], ['3', 'Cấp 3 (a, b)']];

const only = (o, keys) => o && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).every((k) => keys.includes(k));
const strings = (a) => Array.isArray(a) && a.every((x) => typeof x === 'string');

// Which editor a block of the document JSON gets.
function kindOf(b) {
  if (typeof b === 'string') return 'paragraph';
  if (only(b, ['heading', 'level']) && typeof b.heading === 'string' && [undefined, 1, 2, 3].includes(b.level)) return 'heading';
  if (only(b, ['list', 'marker']) && strings(b.list) && (b.marker === undefined || MARKERS.some(([m]) => m === b.marker))) return 'list';
  if (only(b, ['table']) && only(b.table, ['columns', 'rows', 'header_rows', 'total_row']) && Array.isArray(b.table.columns) &&
      Array.isArray(b.table.rows) && b.table.rows.every((r) => Array.isArray(r) && r.length === b.table.columns.length) &&
      b.table.columns.every((c) => only(c, ['title', 'width', 'align']) && typeof (c.title ?? '') === 'string') &&
      b.table.rows.every((r) => r.every((x) => typeof x === 'string' || typeof x === 'number' || isRawNumber(x)))) return 'table';
  if (only(b, ['article', 'text']) && typeof b.article === 'string' && typeof (b.text ?? '') === 'string') return 'article';
  if (only(b, ['page_break']) && b.page_break === true) return 'page_break';
  return 'raw';
}

function tool(cls, text) { return el('button', { type: 'button', class: `icon ${cls}` }, text); }

function selectOf(cls, options, value, label) {
  const s = el('select', { class: cls, 'aria-label': label }, ...options.map(([v, t]) => el('option', { value: v }, t)));
  s.value = value;
  return s;
}

// The editor of one block's content (below its head).
function blockBody(kind, b) {
  const body = el('div', { class: 'block-body' });
  if (kind === 'paragraph') body.append(el('textarea', { class: 'text', rows: 3, value: b, placeholder: 'Xuống dòng (Enter) để sang đoạn mới' }));
  else if (kind === 'heading') body.append(el('textarea', { class: 'text', rows: 1, value: b.heading, placeholder: 'VD: I. KẾT QUẢ THỰC HIỆN' }));
  else if (kind === 'list') body.append(el('textarea', { class: 'text', rows: 3, value: b.list.join('\n'), placeholder: 'Mỗi dòng một mục' }));
  else if (kind === 'table') body.append(tableEditor(b.table));
  else if (kind === 'article') {
    body.append(el('input', { class: 'article-title', value: b.article, placeholder: 'Tên điều (có thể để trống), VD: Phạm vi điều chỉnh' }),
      el('textarea', { class: 'text', rows: 3, value: b.text || '', placeholder: 'Nội dung điều' }));
  } else if (kind === 'raw') {
    body.append(el('p', { class: 'hint' }, 'Khối này đến từ tệp đã mở và không có ô sửa riêng; nó được giữ nguyên khi xem trước, tải về và lưu.'),
      el('pre', { class: 'raw' }, toJson(b, 2)));
    body.dataset.raw = toJson(b);
  }
  return body;
}

function blockItem(b) {
  const kind = kindOf(b);
  const li = el('li', { class: 'block', 'data-kind': kind });
  const head = el('div', { class: 'block-head' });
  if (TEXT_KINDS.includes(kind)) head.append(selectOf('kind', TEXT_KINDS.map((k) => [k, KIND_NAMES[k]]), kind, 'Loại khối'));
  else head.append(el('span', { class: 'block-label' }, KIND_NAMES[kind]));
  if (kind === 'heading') head.append(selectOf('level', LEVELS, String(b.level || 1), 'Cấp đề mục'));
  if (kind === 'list') head.append(selectOf('marker', MARKERS, b.marker || '-', 'Kiểu đánh dấu'));
  head.append(el('span', { class: 'tools' }, tool('up', '↑'), tool('down', '↓'), tool('remove', '✕')));
  li.append(head, blockBody(kind, b));
  if (kind === 'raw') li.dataset.raw = toJson(b);
  return li;
}

// Accessible names that say which block: "Đoạn văn, khối 2", "Xóa khối 2 (Bảng)".
export function renumberBlocks(list) {
  let articles = 0;
  $$(':scope > li', list).forEach((li, i) => {
    const n = i + 1;
    const name = KIND_NAMES[li.dataset.kind];
    if (li.dataset.kind === 'article') { articles += 1; $(':scope > .block-head .block-label', li).textContent = `Điều ${articles}`; }
    const where = list.dataset.where ? ` ${list.dataset.where}` : '';
    for (const [c, w] of [['up', `Chuyển khối ${n}${where} lên`], ['down', `Chuyển khối ${n}${where} xuống`], ['remove', `Xóa khối ${n}${where} (${name})`]]) {
      const b = $(`:scope > .block-head .${c}`, li);
      b.setAttribute('aria-label', w); b.title = w;
    }
    const text = $(':scope > .block-body > .text', li);
    if (text) text.setAttribute('aria-label', `${li.dataset.kind === 'article' ? 'Nội dung điều' : name}, khối ${n}${where}`);
    const title = $(':scope > .block-body > .article-title', li);
    if (title) title.setAttribute('aria-label', `Tên điều, khối ${n}${where}`);
  });
}

export function addBlock(list, b, { after = null, focus = false } = {}) {
  const li = blockItem(b);
  list.insertBefore(li, after ? after.nextElementSibling : null);
  renumberBlocks(list);
  if (focus) { const f = $('.block-body input, .block-body textarea, .block-body select', li); if (f) f.focus(); }
  return li;
}

function textOf(li) { const t = $(':scope > .block-body > .text', li); return t ? t.value : ''; }

// Changes a paragraph/heading/list into another of them, keeping the words.
function changeKind(li, kind) {
  const text = textOf(li);
  const lines = text.split('\n').map((s) => s.trim()).filter((s) => s);
  const b = kind === 'paragraph' ? lines.join(' ') : kind === 'heading' ? { heading: lines.join(' ') } : { list: lines.length ? lines : [''] };
  const fresh = blockItem(b);
  li.replaceWith(fresh);
  return fresh;
}

// The block editor for the body or an appendix: an <ol> and its "add" buttons.
export function blocksEditor(where = '') {
  const list = el('ol', { class: 'rows blocks' });
  list.dataset.where = where;
  const add = (label, cls, b) => {
    const btn = el('button', { type: 'button', class: `add ${cls}` }, label);
    btn.addEventListener('click', () => { hooks.before(`thêm ${label}`); addBlock(list, b(), { focus: true }); hooks.changed(); });
    return btn;
  };
  const buttons = el('div', { class: 'add-row' },
    add('+ Đoạn văn', 'add-paragraph', () => ''),
    add('+ Đề mục', 'add-heading', () => ({ heading: '' })),
    add('+ Danh sách', 'add-list', () => ({ list: [''] })),
    add('Thêm bảng', 'add-table', () => ({ table: { columns: [{ title: '' }, { title: '' }, { title: '' }], rows: [] } })),
    add('Thêm điều', 'add-article', () => ({ article: '', text: '' })),
    add('+ Ngắt trang', 'add-page-break', () => ({ page_break: true })));
  $('.add-table', buttons).textContent = '+ Thêm bảng';
  $('.add-table', buttons).setAttribute('aria-label', 'Thêm bảng');
  $('.add-article', buttons).textContent = '+ Thêm điều';
  $('.add-article', buttons).setAttribute('aria-label', 'Thêm điều');

  list.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b || b.closest('ol.blocks') !== list) return;
    const li = b.closest('li.block');
    if (!li || li.parentElement !== list || b.closest('.block-head') !== $(':scope > .block-head', li)) return;
    if (b.classList.contains('up') && li.previousElementSibling) { hooks.before('chuyển khối'); list.insertBefore(li, li.previousElementSibling); } else if (b.classList.contains('down') && li.nextElementSibling) { hooks.before('chuyển khối'); list.insertBefore(li.nextElementSibling, li); } else if (b.classList.contains('remove')) {
      hooks.before(`xóa ${KIND_NAMES[li.dataset.kind].toLowerCase()}`, true);
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumberBlocks(list);
      hooks.changed();
      const f = next ? $('input, textarea, select', next) : $('button', buttons);
      if (f) f.focus();
      return;
    } else return;
    renumberBlocks(list);
    hooks.changed();
    b.focus();
  });
  list.addEventListener('change', (e) => {
    if (!e.target.classList.contains('kind')) return;
    const li = e.target.closest('li.block');
    hooks.before('đổi loại khối');
    const fresh = changeKind(li, e.target.value);
    renumberBlocks(list);
    $('.kind', fresh).focus();
    hooks.changed();
  });
  // A table pasted into a paragraph becomes a table, not one run-on paragraph.
  list.addEventListener('paste', (e) => {
    if (!e.target.matches('textarea.text')) return;
    const li = e.target.closest('li.block');
    if (!['paragraph', 'list', 'heading'].includes(li.dataset.kind)) return;
    const grid = clipboardGrid(e, { columnsOnly: true });
    if (!grid) return;
    e.preventDefault();
    hooks.before('dán bảng');
    const t = addBlock(list, { table: tableFromGrid(grid) }, { after: li });
    if (!e.target.value.trim()) li.remove();
    renumberTable($('.table-ed', t));
    renumberBlocks(list);
    $('.col-title', t).focus();
    hooks.changed();
  });
  return { list, buttons };
}

// The blocks as the engine reads them; empty ones are left out.
export function readBlocks(list, base, set, issues) {
  const out = [];
  for (const li of $$(':scope > li', list)) {
    const kind = li.dataset.kind;
    const p = `${base}/${out.length}`;
    const area = $(':scope > .block-body > .text', li);
    const value = area ? area.value.trim() : '';
    li.dataset.pointer = p;
    if (kind === 'paragraph') {
      if (!value) { delete li.dataset.pointer; continue; }
      set(area, p);
      // Enter starts a new paragraph, as in Word (the engine would print a space).
      for (const para of value.split(/\s*\n\s*/)) out.push(para);
    } else if (kind === 'heading') {
      if (!value) { delete li.dataset.pointer; continue; }
      set(area, `${p}/heading`);
      const level = Number($('.level', li).value);
      out.push(level === 1 ? { heading: value } : { heading: value, level });
    } else if (kind === 'list') {
      const items = [];
      let stripped = '';
      for (const line of area.value.split('\n').map((s) => s.trim()).filter((s) => s)) {
        const [clean, cut] = stripPrefix(line, DASH_PREFIX);
        if (cut) stripped = cut;
        items.push(clean);
      }
      if (!items.length) { delete li.dataset.pointer; continue; }
      set(area, `${p}/list`);
      const marker = $('.marker', li).value;
      if (stripped) issues.push({ el: area, hint: `Phần mềm tự in dấu đánh dấu mục (“${marker}”); dấu “${stripped}” gõ ở đầu dòng đã được bỏ.` });
      out.push(marker === '-' ? { list: items } : { list: items, marker });
    } else if (kind === 'table') {
      out.push({ table: readTable($('.table-ed', li), p, set, issues) });
    } else if (kind === 'article') {
      const titleInput = $('.article-title', li);
      if (!titleInput.value.trim() && !value) { delete li.dataset.pointer; continue; }  // an empty Điều is left out
      const [title, cut] = stripPrefix(titleInput.value.trim(), ARTICLE_PREFIX);
      if (cut) issues.push({ el: titleInput, hint: `Phần mềm tự đánh số “Điều 1.”, “Điều 2.”…; phần “${cut}” đã được bỏ.` });
      set(titleInput, `${p}/article`);
      set(area, `${p}/text`);
      const a = { article: title };
      if (value) a.text = value.replace(/\s*\n\s*/g, ' ');
      out.push(a);
    } else if (kind === 'page_break') {
      out.push({ page_break: true });
    } else {
      out.push(parseJson(li.dataset.raw));
    }
  }
  return out;
}
