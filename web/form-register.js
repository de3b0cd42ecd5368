// vanban web form — "Cấp số": the next number of the server's register of outgoing
// documents (sổ đăng ký văn bản đi, `vanban serve --data DIR`). The button shows only
// when the server says a register is there; a number given is never given again, so
// the form refuses to ask for a second one while the Số field already has one.
'use strict';

import { $, hooks, readDate, showDate } from './form-util.js';
import { collect, currentTemplate } from './form-doc.js';

const register = { books: [] };

function say(text, bad) {
  const note = $('#number-note');
  note.textContent = text;
  note.classList.toggle('bad', Boolean(bad));
  note.hidden = false;
}

// The book of the document: confidential ones have their own sequence (Điều 15.2).
function bookOf(doc) {
  return doc.confidentiality && register.books.some((b) => b.name === 'mat') ? 'mat' : 'chung';
}

async function allocate(button) {
  const { doc } = collect({ all: true });
  const symbol = ($('#f-symbol').value || '').trim();
  if (!symbol) { say('Nhập ký hiệu (ví dụ LĐLĐ-TG) trước khi cấp số.', true); $('#f-symbol').focus(); return; }
  const current = ($('#f-number').value || '').trim();
  if (current) { say(`Văn bản đã có số ${current}. Xóa số đó nếu cần cấp số mới (số đã cấp không dùng lại).`, true); return; }
  const date = readDate($('#f-date').value);
  if (date.error) { say(`${date.error} Sửa ngày hoặc để trống rồi cấp số.`, true); return; }
  const t = currentTemplate();
  const request = {
    symbol,
    book: bookOf(doc),
    type: doc.kind || (t && t.title) || '',
    subject: doc.subject || '',
    signer: (doc.signers || []).map((s) => s.name).filter(Boolean).join('; '),
    recipients: (doc.recipients || []).join('; '),
  };
  if (date.iso) request.date = date.iso;
  button.disabled = true;
  try {
    const res = await fetch('/api/register/next', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
    });
    const reply = await res.json().catch(() => ({}));
    if (!res.ok) { say(reply.message_vi || `Máy chủ trả lời lỗi (mã ${res.status}); chưa cấp số.`, true); return; }
    hooks.before('cấp số');
    $('#f-number').value = reply.number_text;
    if (!date.iso) $('#f-date').value = showDate(reply.date);
    say(reply.message_vi);
    hooks.changed();
  } catch (e) {
    say('Không kết nối được với máy chủ; chưa cấp số.', true);
  } finally {
    button.disabled = false;
  }
}

// Shows the button when the server has a register (404 without --data, 401 without a token).
export async function registerButton() {
  let info = null;
  try {
    const res = await fetch('/api/register');
    if (res.ok) info = await res.json();
  } catch (e) { info = null; }
  if (!info || !info.available) return;
  register.books = info.books || [];
  const button = $('#btn-number');
  button.title = `Lấy số tiếp theo trong sổ đăng ký văn bản đi của ${info.organisation}`;
  button.addEventListener('click', () => allocate(button));
  button.hidden = false;
}
