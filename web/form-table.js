// vanban web form — the table editor ("Bảng"): a grid of cells with column titles,
// widths and alignment, header rows and a total row; a table copied from Excel,
// LibreOffice Calc, Word or Google Sheets is pasted as a grid (HTML or TSV clipboard).
// Numbers are read the Vietnamese way (28.450, 98,5) and shown as the PDF prints them.
'use strict';

import { $, $$, el, hooks, readNumber, formatNumber, readNumberEnglish, rawNumber, numberText, isRawNumber } from './form-util.js';

const ALIGNS = [['left', 'Trái'], ['center', 'Giữa'], ['right', 'Phải']];

// ---------- the clipboard ----------

// Tab-separated text as spreadsheets copy it: cells with tabs, line breaks or quotes
// are quoted ("a ""b"""), rows end with CR LF or LF.
export function parseTsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i <= s.length) {
    if (cell === '' && s[i] === '"') {
      const end = findQuoteEnd(s, i + 1);
      if (end > 0 && (end + 1 >= s.length || s[end + 1] === '\t' || s[end + 1] === '\n')) {
        cell = s.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        continue;
      }
    }
    const c = s[i];
    if (c === '\t') { row.push(cell); cell = ''; } else if (c === '\n' || c === undefined) {
      row.push(cell); cell = '';
      rows.push(row); row = [];
    } else cell += c;
    i += 1;
  }
  while (rows.length && rows[rows.length - 1].every((x) => x === '')) rows.pop();
  return rows.map((r) => r.map((t) => ({ text: t.replace(/\s+/g, ' ').trim() })));
}

function findQuoteEnd(s, from) {
  for (let i = from; i < s.length; i += 1) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') { i += 1; continue; }
      return i;
    }
  }
  return -1;
}

// The raw value a spreadsheet puts beside the shown text: Excel's x:num, LibreOffice's
// sdval, Google Sheets' data-sheets-value ({"1":3,"3":28450}).
function rawValue(td) {
  const x = td.getAttribute('x:num') ?? td.getAttribute('sdval');
  if (x !== null && x !== '' && Number.isFinite(Number(x))) return Number(x);
  const g = td.getAttribute('data-sheets-value');
  if (g) { try { const v = JSON.parse(g); if (typeof v['3'] === 'number') return v['3']; } catch (e) { /* not a number */ } }
  return null;
}

// The first <table> of clipboard HTML as rows of {text, raw}; spans are filled with "".
export function parseHtmlTable(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return null;
  const rows = [];
  const pending = [];  // rowspans: pending[col] = rows still covered
  for (const tr of table.querySelectorAll('tr')) {
    if (tr.closest('table') !== table) continue;
    const row = [];
    let col = 0;
    const skip = () => { while (pending[col] > 0) { pending[col] -= 1; row.push({ text: '' }); col += 1; } };
    for (const td of tr.children) {
      if (!/^T[DH]$/.test(td.tagName)) continue;
      skip();
      for (const br of td.querySelectorAll('br')) br.replaceWith(' ');
      const text = td.textContent.replace(/\s+/g, ' ').trim();
      const span = Math.max(1, Number(td.getAttribute('colspan')) || 1);
      const down = Math.max(1, Number(td.getAttribute('rowspan')) || 1);
      for (let k = 0; k < span; k += 1) {
        row.push(k === 0 ? { text, raw: rawValue(td) } : { text: '' });
        if (down > 1) pending[col] = down - 1;
        col += 1;
      }
    }
    skip();
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push({ text: '' });
  return rows.length && width ? rows : null;
}

// The grid on the clipboard of a paste event, or null when it holds plain words.
export function clipboardGrid(e, { columnsOnly = false } = {}) {
  const data = e.clipboardData;
  if (!data) return null;
  const html = data.getData('text/html');
  if (html && /<table/i.test(html)) {
    const g = parseHtmlTable(html);
    if (g && (g.length > 1 || g[0].length > 1)) return g;
  }
  const text = data.getData('text/plain');
  if (!text) return null;
  const multiLine = /\n./.test(text.replace(/\r/g, '').replace(/\n+$/, ''));
  if (!text.includes('\t') && (columnsOnly || !multiLine)) return null;
  const g = parseTsv(text);
  return g.length && (g.length > 1 || g[0].length > 1) ? g : null;
}

// What a pasted cell should hold: the shown text when it is a Vietnamese number (or
// words); an English-locale number confirmed by the raw value is rewritten the
// Vietnamese way ("28,450" with raw 28450 → "28.450").
function pastedText({ text, raw }) {
  if (raw === null || raw === undefined) return text;
  const vn = readNumber(text);
  if (vn !== null && Number(vn) === raw) return formatNumber(vn);
  const en = readNumberEnglish(text);
  if (en !== null && Number(en) === raw) return formatNumber(en);
  return text;
}

// ---------- the editor ----------

function tool(cls, label, text) { return el('button', { type: 'button', class: `icon ${cls}`, 'aria-label': label, title: label }, text); }

function cellInput(value = '') {
  const input = el('input', { class: 'cell', value });
  classify(input);
  return input;
}

// Marks a cell that will print as a number, with how it prints.
function classify(input) {
  const n = readNumber(input.value);
  input.classList.toggle('num', n !== null);
  input.title = n !== null ? `Số: in là ${formatNumber(n)}` : input.value.startsWith("'") ? 'Chữ (dấu \' giữ nguyên là chữ)' : '';
}

function columnHead(col = {}) {
  const th = el('th', { class: 'col-head', scope: 'col' });
  const title = el('input', { class: 'col-title', value: col.title || '', placeholder: 'Tiêu đề cột' });
  const width = el('input', { class: 'col-width', value: col.width === undefined ? '1' : numberText(col.width), inputmode: 'decimal' });
  const align = el('select', { class: 'col-align' }, ...ALIGNS.map(([v, t]) => el('option', { value: v }, t)));
  align.value = col.align || 'left';
  th.append(title, el('div', { class: 'col-opts' },
    el('label', { class: 'mini' }, 'Rộng ', width), align,
    el('span', { class: 'tools' }, tool('col-left', '', '←'), tool('col-right', '', '→'), tool('col-remove', '', '✕'))));
  return th;
}

function rowHead() {
  return el('th', { class: 'row-head', scope: 'row' }, el('span', { class: 'row-no' }),
    el('span', { class: 'tools' }, tool('row-up', '', '↑'), tool('row-down', '', '↓'), tool('row-remove', '', '✕')));
}

function addRow(tbody, values, width, before = null) {
  const tr = el('tr', {}, rowHead());
  for (let j = 0; j < width; j += 1) tr.append(el('td', {}, cellInput(values[j] || '')));
  tbody.insertBefore(tr, before);
  return tr;
}

// Accessible names that say where: "Tiêu đề cột 2", "Ô dòng 3, cột 2", "Xóa dòng 3".
export function renumberTable(box) {
  $$('.col-head', box).forEach((th, j) => {
    const n = j + 1;
    $('.col-title', th).setAttribute('aria-label', `Tiêu đề cột ${n}`);
    $('.col-width', th).setAttribute('aria-label', `Độ rộng cột ${n}`);
    $('.col-align', th).setAttribute('aria-label', `Căn lề cột ${n}`);
    for (const [c, w] of [['col-left', 'Chuyển cột ' + n + ' sang trái'], ['col-right', 'Chuyển cột ' + n + ' sang phải'], ['col-remove', 'Xóa cột ' + n]]) {
      $(`.${c}`, th).setAttribute('aria-label', w); $(`.${c}`, th).title = w;
    }
  });
  $$('tbody tr', box).forEach((tr, i) => {
    const n = i + 1;
    $('.row-no', tr).textContent = String(n);
    for (const [c, w] of [['row-up', `Chuyển dòng ${n} lên`], ['row-down', `Chuyển dòng ${n} xuống`], ['row-remove', `Xóa dòng ${n}`]]) {
      $(`.${c}`, tr).setAttribute('aria-label', w); $(`.${c}`, tr).title = w;
    }
    $$('input.cell', tr).forEach((input, j) => input.setAttribute('aria-label', `Ô dòng ${n}, cột ${j + 1}`));
  });
}

const width = (box) => $$('.col-head', box).length;

function addColumn(box, at = width(box), col = {}) {
  const heads = $('.col-row', box);
  heads.insertBefore(columnHead(col), heads.children[at + 1] || null);
  for (const tr of $$('tbody tr', box)) tr.insertBefore(el('td', {}, cellInput()), tr.children[at + 1] || null);
}

// Puts a pasted grid at (row, col) of the data rows; row -1 = the column titles.
function pasteGrid(box, grid, row, col) {
  hooks.before('dán bảng');
  const tbody = $('tbody', box);
  let rows = grid;
  if (row < 0) {
    const titles = rows[0];
    while (width(box) < col + titles.length) addColumn(box);
    titles.forEach((c, j) => { $$('.col-title', box)[col + j].value = c.text; });
    rows = rows.slice(1);
    row = 0;
    // A fresh table's blank rows make way for the pasted ones.
    for (const tr of $$('tr', tbody)) if ($$('input.cell', tr).every((i) => !i.value.trim())) tr.remove();
  }
  const w = Math.max(0, ...rows.map((r) => r.length));
  while (width(box) < col + w) addColumn(box);
  while (tbody.rows.length < row + rows.length) addRow(tbody, [], width(box));
  rows.forEach((r, i) => r.forEach((c, j) => {
    const input = $$('input.cell', tbody.rows[row + i])[col + j];
    input.value = pastedText(c);
    classify(input);
  }));
  // Columns of numbers are right-aligned, as reports print them.
  for (let j = col; j < col + w; j += 1) {
    const cells = $$('tbody tr', box).map((tr) => $$('input.cell', tr)[j].value.trim()).filter((v) => v);
    if (cells.length && cells.every((v) => readNumber(v) !== null)) $$('.col-align', box)[j].value = 'right';
  }
  renumberTable(box);
  hooks.changed();
}

export function tableEditor(t = {}) {
  const columns = t.columns && t.columns.length ? t.columns : [{ title: '' }, { title: '' }, { title: '' }];
  const box = el('div', { class: 'table-ed' });
  const headerRows = el('select', { class: 'header-rows' }, ...[0, 1, 2, 3, 4].map((n) => el('option', { value: String(n) }, String(n))));
  headerRows.value = String(t.header_rows === undefined ? 1 : t.header_rows);
  const total = el('input', { type: 'checkbox', class: 'total-row', checked: !!t.total_row });
  box.append(el('div', { class: 'table-opts' },
    el('label', {}, 'Số dòng tiêu đề (lặp lại mỗi trang) ', headerRows),
    el('label', {}, total, ' Dòng cuối là dòng tổng cộng')));
  const table = el('table', { class: 'grid' }, el('thead', {}, el('tr', { class: 'col-row' }, el('th', { class: 'corner' }, '#'))), el('tbody'));
  for (const c of columns) $('.col-row', table).append(columnHead(c));
  const rows = t.rows && t.rows.length ? t.rows : [[], []];
  for (const r of rows) {
    addRow($('tbody', table), r.map((v) => {
      if (typeof v === 'number' || isRawNumber(v)) return formatNumber(numberText(v));
      const s = String(v);
      return readNumber(s) !== null || s.startsWith("'") ? `'${s}` : s;  // a number-like text stays text
    }), columns.length);
  }
  box.append(el('div', { class: 'grid-wrap' }, table), el('div', { class: 'add-row' },
    el('button', { type: 'button', class: 'add add-table-row' }, '+ Thêm dòng'),
    el('button', { type: 'button', class: 'add add-table-col' }, '+ Thêm cột')),
  el('p', { class: 'hint' }, 'Dán cả bảng từ Excel, LibreOffice, Word hoặc Google Sheets vào một ô (hoặc vào tiêu đề cột để dòng đầu làm tiêu đề). Số viết kiểu Việt Nam: 28.450 và 98,5; gõ dấu \' ở đầu để giữ là chữ (\'2026).'));
  renumberTable(box);

  box.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const tbody = $('tbody', box);
    const tr = b.closest('tr');
    const th = b.closest('th.col-head');
    const j = th ? $$('.col-head', box).indexOf(th) : -1;
    if (b.classList.contains('add-table-row')) { hooks.before('thêm dòng'); $('input', addRow(tbody, [], width(box))).focus(); }
    else if (b.classList.contains('add-table-col')) { hooks.before('thêm cột'); addColumn(box); $$('.col-title', box).at(-1).focus(); }
    else if (b.classList.contains('row-up') && tr.previousElementSibling) { hooks.before('chuyển dòng'); tbody.insertBefore(tr, tr.previousElementSibling); }
    else if (b.classList.contains('row-down') && tr.nextElementSibling) { hooks.before('chuyển dòng'); tbody.insertBefore(tr.nextElementSibling, tr); }
    else if (b.classList.contains('row-remove')) { hooks.before('xóa dòng'); tr.remove(); }
    else if (b.classList.contains('col-remove') && width(box) > 1) {
      hooks.before('xóa cột');
      for (const row of $$('tr', table)) row.children[j + 1].remove();
    } else if ((b.classList.contains('col-left') && j > 0) || (b.classList.contains('col-right') && j < width(box) - 1)) {
      hooks.before('chuyển cột');
      const k = b.classList.contains('col-left') ? j - 1 : j + 1;
      for (const row of $$('tr', table)) {
        const [a, c] = [row.children[Math.min(j, k) + 1], row.children[Math.max(j, k) + 1]];
        row.insertBefore(c, a);
      }
    } else return;
    renumberTable(box);
    hooks.changed();
    b.focus();
  });
  box.addEventListener('input', (e) => { if (e.target.classList.contains('cell')) classify(e.target); });
  box.addEventListener('focusout', (e) => {
    // Shown as the PDF prints it: "28450" → "28.450".
    const input = e.target;
    if (!input.classList.contains('cell')) return;
    const n = readNumber(input.value);
    if (n !== null && formatNumber(n) !== input.value.trim()) { input.value = formatNumber(n); classify(input); hooks.changed(); }
  });
  box.addEventListener('paste', (e) => {
    const target = e.target;
    if (!target.matches('input.cell, input.col-title')) return;
    const grid = clipboardGrid(e);
    if (!grid) return;
    e.preventDefault();
    const th = target.closest('th.col-head');
    if (th) { pasteGrid(box, grid, -1, $$('.col-head', box).indexOf(th)); return; }
    const tr = target.closest('tr');
    pasteGrid(box, grid, $$('tbody tr', box).indexOf(tr), $$('input.cell', tr).indexOf(target));
  });
  return box;
}

// A grid (from a paste into a paragraph) as a table block.
export function tableFromGrid(grid) {
  const [head, ...rest] = grid;
  return { columns: head.map((c) => ({ title: c.text })), rows: rest.map((r) => r.map(pastedText)) };
}

// The table block as the engine reads it; `set(el, pointer)` records where each value went.
export function readTable(box, pointer, set, issues) {
  const columns = $$('.col-head', box).map((th, j) => {
    const c = { title: $('.col-title', th).value.trim() };
    set($('.col-title', th), `${pointer}/table/columns/${j}/title`);
    const wInput = $('.col-width', th);
    set(wInput, `${pointer}/table/columns/${j}/width`);
    const w = wInput.value.trim();
    if (w && w !== '1') {
      const n = readNumber(w);
      if (n === null || !(Number(n) > 0)) issues.push({ el: wInput, error: `Độ rộng cột ${j + 1} phải là một số lớn hơn 0 (ví dụ 1 hoặc 2,5).` });
      else c.width = rawNumber(n);
    }
    const align = $('.col-align', th).value;
    if (align !== 'left') c.align = align;
    set($('.col-align', th), `${pointer}/table/columns/${j}/align`);
    return c;
  });
  const rows = [];
  for (const tr of $$('tbody tr', box)) {
    const inputs = $$('input.cell', tr);
    if (inputs.every((i) => !i.value.trim())) { delete tr.dataset.pointer; continue; }  // blank rows are left out
    const p = `${pointer}/table/rows/${rows.length}`;
    tr.dataset.pointer = p;
    rows.push(inputs.map((input, j) => {
      set(input, `${p}/${j}`);
      const v = input.value.trim();
      const n = readNumber(v);
      if (n !== null) return rawNumber(n);
      return v.startsWith("'") ? v.slice(1) : v;
    }));
  }
  const t = { columns, rows };
  const hr = Number($('.header-rows', box).value);
  if (hr !== 1) t.header_rows = hr;
  const total = $('.total-row', box);
  set(total, `${pointer}/table/total_row`);
  if (total.checked) {
    t.total_row = true;
    if (!rows.length) issues.push({ el: total, error: 'Bảng có dòng tổng cộng cần ít nhất một dòng số liệu.' });
  }
  return t;
}
