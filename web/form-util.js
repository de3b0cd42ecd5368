// vanban web form — small helpers shared by the form's modules: DOM shortcuts, the
// Vietnamese way of reading numbers and dates, and JSON that keeps numbers as written.
'use strict';

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

let idCounter = 0;
export function uid(prefix) { idCounter += 1; return `${prefix}-${idCounter}`; }

// el('button', { class: 'icon', 'aria-label': 'Xóa' }, '✕')
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'value') e.value = String(v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// ---------- numbers, the Vietnamese way ----------

// "28.450" → "28450", "98,5" → "98.5", "1.234.567,50" → "1234567.50", "-3" → "-3";
// null when the text is not a number written the Vietnamese way ("1.5", "12,5%", "007",
// "'2026": an apostrophe keeps a cell as text, as in Excel).
export function readNumber(text) {
  const s = String(text).trim();
  let m = s.match(/^(-?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/);
  if (!m) m = s.match(/^(-?)(0|[1-9]\d*)(?:,(\d+))?$/);
  if (!m) return null;
  const whole = m[2].replace(/\./g, '');
  return `${m[1]}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}`;
}

// The inverse, as the PDF prints it (ICU "vi"): "28450" → "28.450", "98.5" → "98,5".
export function formatNumber(jsonText) {
  const m = String(jsonText).match(/^(-?)(\d+)(?:\.(\d+))?$/);
  if (!m) return String(jsonText);
  const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${m[1]}${whole}${m[3] !== undefined ? `,${m[3]}` : ''}`;
}

// An English-locale spreadsheet's "28,450.5" → "28450.5" (only used when the
// clipboard also carries the cell's raw value to confirm the reading).
export function readNumberEnglish(text) {
  const s = String(text).trim();
  const m = s.match(/^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/);
  if (!m) return null;
  return `${m[1]}${m[2].replace(/,/g, '')}${m[3] !== undefined ? `.${m[3]}` : ''}`;
}

// ---------- JSON that keeps "98.50" as written ----------

const hasRaw = typeof JSON.rawJSON === 'function';

// A JSON number whose text is kept exactly (the engine prints the decimals written).
export function rawNumber(text) { return hasRaw ? JSON.rawJSON(text) : Number(text); }
export function isRawNumber(v) { return hasRaw && JSON.isRawJSON(v); }
// The text of a number read from JSON (plain or kept as written).
export function numberText(v) { return isRawNumber(v) ? v.rawJSON : String(v); }

// JSON.parse, keeping the text of numbers whose value would print differently ("98.50").
export function parseJson(text) {
  return JSON.parse(text, (k, v, ctx) => (typeof v === 'number' && hasRaw && ctx && ctx.source !== undefined &&
    ctx.source !== String(v) ? JSON.rawJSON(ctx.source) : v));
}

export function toJson(value, indent) { return JSON.stringify(value, null, indent); }

// ---------- dates ----------

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(month, year) {
  return month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1];
}

// The date a clerk typed ("5/2/2026", "05-02-2026", "2026-02-05") → {iso} or {error} in
// Vietnamese; {} when blank (the clerk writes the date by hand).
export function readDate(text) {
  const s = String(text).trim();
  if (!s) return {};
  let d, m, y;
  let r = s.match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/);
  if (r) [d, m, y] = [r[1], r[2], r[3]];
  else if ((r = s.match(/^(\d+)-(\d{1,2})-(\d{1,2})$/))) [y, m, d] = [r[1], r[2], r[3]];
  else return { error: 'Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/02/2026.' };
  if (y.length !== 4) return { error: `Năm “${y}” phải có đúng 4 chữ số, ví dụ 2026.` };
  [d, m, y] = [Number(d), Number(m), Number(y)];
  if (y < 1900 || y > 2200) return { error: `Năm ${y} không hợp lý cho một văn bản.` };
  if (m < 1 || m > 12) return { error: `Tháng ${m} không có (chỉ từ 1 đến 12).` };
  if (d < 1 || d > daysIn(m, y)) {
    return { error: `Ngày ${d}/${m}/${y} không có trên lịch: tháng ${m} năm ${y} chỉ có ${daysIn(m, y)} ngày.` };
  }
  return { iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

// "2026-02-05" → "05/02/2026" (how the form shows a date).
export function showDate(iso) {
  const r = String(iso || '').trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return r ? `${r[3]}/${r[2]}/${r[1]}` : String(iso || '');
}

// ---------- what the engine prints itself ----------

// Strips a prefix the engine adds on its own; returns [clean, what was stripped or ''].
export function stripPrefix(value, patterns) {
  for (const p of patterns) {
    const m = value.match(p);
    if (m && m[0].length < value.length) return [value.slice(m[0].length).trim(), m[0].trim()];
  }
  return [value, ''];
}

export const DASH_PREFIX = [/^[-–—+•*]\s+/];
export const RECIPIENT_PREFIX = [/^kính\s+gửi\s*:?\s*/iu, /^[-–—+•*]\s+/u];
export const ARTICLE_PREFIX = [/^điều\s+\d+\s*[.:]?\s*/iu];

// Hooks the app sets: before(what) is called before a block edit (undo keeps the state
// before it), changed() after any edit.
export const hooks = { before() {}, changed() {} };
