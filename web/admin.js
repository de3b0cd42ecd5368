// The national office's dashboard /c/ID/admin: every expected unit in Vietnamese order
// with its status, live totals, the summary downloads and the archive export. Polls
// the status every few seconds.
'use strict';

const { $, el } = Camp;
const POLL_MS = 4000;
let polls = 0;

// Figures as a Vietnamese reader writes them: 18.121 and 603,08 (the data stays exact;
// this is display only).
function vnNumber(v) {
  if (v === null || v === undefined) return '–';
  const [i, f] = String(v).split('.');
  const neg = i.startsWith('-');
  const digits = neg ? i.slice(1) : i;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (f ? `,${f}` : '');
}

// The latest version's digital signature (PUT …/reports/UNIT.pdf, verified by the server
// against its --trust anchors): who signed, or why it failed — the office sums only what
// it can trust (NĐ 30, Điều 17.2).
function signatureCell(sig) {
  if (!sig) return { state: '', cls: '', title: '', text: '' };
  if (sig.signature === 'valid') {
    return { state: 'valid', cls: 'sig-valid', title: sig.detail || '', text: `Hợp lệ${sig.signer ? ` — ${sig.signer}` : ''}` };
  }
  if (sig.signature === 'invalid') {
    return { state: 'invalid', cls: 'sig-invalid', title: sig.detail || '', text: 'Không hợp lệ' };
  }
  return { state: 'unsigned', cls: 'sig-unsigned', title: '', text: 'Chưa ký' };
}

function render(s) {
  $('#meta').textContent = `${s.title} — hạn nộp ${Camp.vnDate(s.deadline)}`;
  $('#counts').replaceChildren(
    el('span', {}, 'Đã nộp ', el('b', { text: `${s.received}/${s.expected}` })),
    el('span', {}, 'Đúng hạn ', el('b', { id: 'count-on-time', text: String(s.received - s.late) })),
    el('span', {}, 'Nộp muộn ', el('b', { id: 'count-late', text: String(s.late) })),
    el('span', {}, 'Chưa nộp ', el('b', { id: 'count-missing', text: String(s.missing) })),
    ...(s.merged ? [el('span', {}, 'Sáp nhập ', el('b', { text: String(s.merged) }))] : []));
  const rows = [];
  let stt = 0;
  for (const u of s.units) {
    const pdf = u.version ? el('a', { href: `${Camp.api}/reports/${encodeURIComponent(u.code)}.pdf`, target: '_blank', text: 'PDF' }) : '';
    const status = u.status === 'merged' ? `sáp nhập vào ${u.merged_into.name}` : u.status_vi;
    const sig = signatureCell(u.signature);
    rows.push(el('tr', { 'data-unit': u.code, 'data-status': u.status },
      el('td', { class: 'num', text: String(++stt) }), el('td', { text: u.code }), el('td', { text: u.name }),
      el('td', { class: `st-${u.status}`, text: status }), el('td', { text: Camp.when(u.received_at) }),
      el('td', { class: 'num', text: u.version ? String(u.version) : '' }), el('td', { text: u.submitted_by || '' }),
      el('td', { class: sig.cls, title: sig.title, 'data-signature': sig.state, text: sig.text }), el('td', {}, pdf)));
  }
  $('#units tbody').replaceChildren(...rows);
  $('#totals tbody').replaceChildren(...s.totals.map((t) => el('tr', {},
    el('td', { text: t.label }), el('td', { text: t.unit }), el('td', { class: 'num', text: vnNumber(t.total) }),
    el('td', { class: 'num', text: String(t.reported_by) }))));
  polls += 1;
  $('#updated').textContent = `Cập nhật lúc ${Camp.when(new Date().toISOString())}`;
  document.body.dataset.polls = String(polls);
}

async function refresh() {
  const r = await Camp.getJson('/status');
  if (r.status === 200) render(r.body);
  else if (r.status === 401) location.reload();
}

// Upward reporting: POST the parent form and unit list, download bc-CODE.json.
async function upward() {
  const err = $('#up-error');
  err.hidden = true;
  try {
    const [form, units] = [$('#up-form').files[0], $('#up-units').files[0]];
    if (!form || !units) throw new Error('Hãy chọn biểu mẫu và danh sách đơn vị của cấp trên.');
    const body = JSON.stringify({ form: JSON.parse(await form.text()), units: JSON.parse(await units.text()) });
    const code = $('#up-code').value.trim();
    const res = await fetch(`${Camp.api}/unit-report?unit=${encodeURIComponent(code)}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body });
    if (res.status !== 200) {
      const e = await res.json().catch(() => ({}));
      throw new Error(e.message_vi || e.error || `Lỗi ${res.status}`);
    }
    const a = el('a', { href: URL.createObjectURL(await res.blob()), download: `bc-${code}.json` });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    err.textContent = e instanceof SyntaxError ? 'Tệp không phải JSON hợp lệ.' : e.message;
    err.hidden = false;
  }
}

async function start(who) {
  if (who.role !== 'admin') { location.href = `/c/${encodeURIComponent(Camp.id)}`; return; }
  for (const f of ['pdf', 'docx', 'xlsx']) $(`#sum-${f}`).href = `${Camp.api}/summary?format=${f}`;
  $('#export').href = `${Camp.api}/export`;
  $('#actions').hidden = false;
  $('#page').hidden = false;
  $('#btn-logout').addEventListener('click', Camp.logout);
  $('#btn-up').addEventListener('click', upward);
  await refresh();
  setInterval(refresh, POLL_MS);
}

document.addEventListener('DOMContentLoaded', () => Camp.session(start));
