// vanban web form — errors and hints: every error at once (the form's own checks,
// lint's refusals, the engine's error), each next to its field and listed at the top
// with the field's Vietnamese name; never a raw JSON pointer or an English message.
'use strict';

import { $, $$, el, uid } from './form-util.js';
import { fieldName } from './form-doc.js';

const GENERIC = 'Giá trị này không hợp lệ; hãy kiểm tra lại.';

// The engine's or lint's message, in Vietnamese only.
function vietnamese(err) {
  const m = (err && (err.message_vi || '')) || '';
  if (err && err.file) return `Mẫu văn bản bị lỗi (${err.file}); hãy chọn mẫu khác.`;
  if (!m || m.startsWith('Dữ liệu không hợp lệ') || /JSON|\b(the|must|expected|got|field|should|cannot|missing|unknown|invalid|greater|than|line|column)\b/i.test(m)) return GENERIC;
  return m;
}

// The element for a pointer, or for its nearest ancestor that has one.
function elementFor(pointer) {
  let p = pointer;
  const all = $$('[data-pointer]');
  while (p) {
    const found = all.find((x) => x.dataset.pointer === p);
    if (found) return found;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

function clearMarks() {
  for (const e of $$('.field-error, .field-hint.auto')) e.remove();
  for (const e of $$('[aria-invalid="true"]')) { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); }
}

function isField(e) { return /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName); }

// Puts a note under the field (a table's notes go under the table, naming the cell).
function mark(target, message, kind, where) {
  const note = el('div', { class: kind === 'error' ? 'field-error' : 'field-hint auto', id: uid(kind) });
  const grid = target.closest('.table-ed');
  note.textContent = grid && where ? `${where}: ${message}` : message;
  const anchor = grid || target.closest('li.row, .field, li.block, li.signer, li.appendix, fieldset') || target;
  if (anchor === target && isField(target)) target.after(note);
  else if (anchor.classList.contains('block') && $(':scope > .block-body', anchor)) $(':scope > .block-body', anchor).append(note);
  else anchor.append(note);
  if (kind === 'error' && isField(target)) {
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', note.id);
  }
}

// Shows the issues; returns how many errors are shown.
export function showIssues(issues, engineError, findings, state) {
  clearMarks();
  const errors = [];   // {el, message, where}
  const taken = new Set();  // elements that already have an error (shown or not yet)
  for (const i of issues) {
    if (!i.error) continue;
    taken.add(i.el);
    if (i.blank && !state.showAll && !state.touched.has(i.el)) continue;  // a new document starts without red
    errors.push({ el: i.el, message: i.error, where: fieldName(i.el.dataset.pointer) });
  }
  const fromServer = [];
  if (engineError) fromServer.push(engineError);
  for (const f of findings || []) if (f.action === 'refuse') fromServer.push(f);
  for (const e of fromServer) {
    const target = e.pointer ? elementFor(e.pointer) : null;
    if (target && taken.has(target)) continue;
    if (target) taken.add(target);
    errors.push({ el: target, message: vietnamese(e), where: fieldName(e.pointer || '') });
  }
  for (const e of errors) if (e.el && e.el.id !== 'form-error') mark(e.el, e.message, 'error', e.where);
  for (const i of issues) if (i.hint) mark(i.el, i.hint, 'hint');
  for (const f of findings || []) {
    // Only what a careful clerk would fix: silent fixes ("change") are not hints.
    if (!f.pointer || f.action !== 'check') continue;
    const target = elementFor(f.pointer);
    if (!target || taken.has(target)) continue;
    const text = f.message_vi || 'Nên kiểm tra lại chỗ này.';
    mark(target, `Gợi ý: ${text}${f.suggestion ? ` → “${f.suggestion}”` : ''}`, 'hint', fieldName(f.pointer));
  }

  const box = $('#form-error');
  box.replaceChildren();
  box.hidden = errors.length === 0;
  if (!errors.length) return 0;
  box.append(el('strong', {}, errors.length === 1 ? 'Văn bản còn 1 lỗi:' : `Văn bản còn ${errors.length} lỗi:`));
  const list = el('ul', { class: 'error-list' });
  for (const e of errors) {
    const item = el('li', {}, e.el && e.el.id === 'form-error' ? e.message : `${e.where} — ${e.message}`);
    if (e.el && e.el.id !== 'form-error') {
      const go = el('button', { type: 'button', class: 'link' }, 'Đến chỗ lỗi');
      go.addEventListener('click', () => {
        const f = isField(e.el) ? e.el : $('input, textarea, select, button', e.el) || e.el;
        f.scrollIntoView({ block: 'center' });
        f.focus();
      });
      item.append(' ', go);
    }
    list.append(item);
  }
  box.append(list);
  return errors.length;
}

export function setStatus(text, kind = '') {
  const s = $('#status');
  s.textContent = text;
  s.className = kind;
}

let toastTimer = 0;
// A short message at the bottom, with an optional action ("Hoàn tác").
export function toast(text, action, onAction) {
  const t = $('#toast');
  t.replaceChildren(el('span', {}, text));
  if (action) {
    const b = el('button', { type: 'button', class: 'link' }, action);
    b.addEventListener('click', () => { t.hidden = true; onAction(); });
    t.append(' ', b);
  }
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 8000);
}
