// The unit's page /c/ID: log in with the unit's access code once, fill the report
// generated from the campaign's form (header prefilled from the last version), see the
// PDF preview, submit, list the versions; or download/upload the Excel form.
'use strict';

const { $, el } = Camp;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const page = { form: null, base: null, bodyMap: [], previewTimer: 0, previewSeq: 0, previewUrl: '' };

const lines = (s) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const heading = (i) => (i < ROMAN.length ? `${ROMAN[i]}. ` : '') + page.form.sections[i];

// Splits a stored body into the intro and the form's sections (by their headings).
function splitBody(body) {
  const out = { intro: [], sections: page.form.sections.map(() => []) };
  let current = -1;
  for (const b of body || []) {
    if (b && typeof b === 'object' && b.heading !== undefined) {
      const h = String(b.heading).toLocaleLowerCase('vi');
      current = page.form.sections.findIndex((s, i) => h === heading(i).toLocaleLowerCase('vi') || h.endsWith(s.toLocaleLowerCase('vi')));
      continue;
    }
    const text = typeof b === 'string' ? b : (b && b.text) || '';
    if (current < 0) out.intro.push(text); else out.sections[current].push(text);
  }
  return out;
}

function buildIndicators() {
  const box = $('#indicators');
  page.form.indicators.forEach((ind) => {
    const id = `ind-${ind.code}`;
    const input = el('input', { id, 'data-pointer': `/data/indicators/${ind.code}`, 'data-code': ind.code,
      inputmode: ind.type === 'integer' ? 'numeric' : 'decimal', 'aria-describedby': `${id}-err` });
    const none = el('input', { type: 'checkbox', id: `${id}-none`, 'data-none': ind.code });
    none.addEventListener('change', () => { input.disabled = none.checked; schedulePreview(); });
    box.append(el('div', { class: 'indicator' },
      el('label', { for: id, text: ind.label }),
      el('div', {}, input, el('span', { class: 'unit-of', text: ` ${ind.unit}` })),
      el('label', { class: 'nodata', for: `${id}-none` }, none, ' không có số liệu'),
      el('div', { class: 'field-error', id: `${id}-err`, role: 'alert', hidden: true })));
  });
  const sec = $('#sections');
  page.form.sections.forEach((s, i) => {
    sec.append(el('div', { class: 'field' },
      el('label', { for: `sec-${i}`, text: heading(i) }),
      el('textarea', { id: `sec-${i}`, rows: '4', 'data-section': String(i) })));
  });
}

function fill(doc) {
  const set = (sel, v) => { $(sel).value = v === undefined || v === null ? '' : String(v); };
  const signer = (doc.signers && doc.signers[0]) || {};
  set('#f-parent', doc.issuer && doc.issuer.parent);
  set('#f-issuer', doc.issuer && doc.issuer.name);
  set('#f-number', doc.number);
  set('#f-symbol', doc.symbol);
  set('#f-date', doc.date);
  set('#f-place', doc.place);
  set('#f-subject', doc.subject);
  set('#f-recipients', (doc.recipients || []).join('\n'));
  set('#f-authority', signer.authority);
  set('#f-signer-title', signer.title);
  set('#f-signer-name', signer.name);
  set('#f-distribution', (doc.distribution || []).join('\n'));
  set('#f-unit-name', doc.data && doc.data.unit && doc.data.unit.name);
  const values = (doc.data && doc.data.indicators) || {};
  for (const ind of page.form.indicators) {
    const v = values[ind.code];
    $(`#ind-${ind.code}`).value = v === null || v === undefined ? '' : String(v);
    const none = v === null && page.base !== page.form.skeleton;
    $(`#ind-${ind.code}-none`).checked = none;
    $(`#ind-${ind.code}`).disabled = none;
  }
  const parts = splitBody(doc.body);
  $('#f-intro').value = parts.intro.join('\n');
  parts.sections.forEach((p, i) => { $(`#sec-${i}`).value = p.join('\n'); });
}

// The unit report document from the fields (the base keeps what the page does not show).
function collect() {
  const doc = JSON.parse(JSON.stringify(page.base));
  const v = (sel) => $(sel).value.trim();
  doc.issuer = { ...(doc.issuer || {}), name: $('#f-issuer').value.trim() };
  if (v('#f-parent')) doc.issuer.parent = v('#f-parent'); else delete doc.issuer.parent;
  const number = v('#f-number');
  if (number === '') delete doc.number; else doc.number = /^\d+$/.test(number) ? Number(number) : number;
  doc.symbol = v('#f-symbol');
  if (v('#f-date')) doc.date = v('#f-date'); else delete doc.date;
  doc.place = v('#f-place');
  doc.subject = v('#f-subject');
  doc.recipients = lines($('#f-recipients').value);
  doc.distribution = lines($('#f-distribution').value);
  const signer = { ...((doc.signers && doc.signers[0]) || {}) };
  signer.authority = v('#f-authority');
  if (!signer.authority) delete signer.authority;
  signer.title = v('#f-signer-title');
  signer.name = v('#f-signer-name');
  doc.signers = [signer, ...((doc.signers || []).slice(1))];
  // The body: intro paragraphs, then each section's heading and paragraphs; bodyMap
  // remembers which field each body item came from (for /body/N errors).
  page.bodyMap = [];
  const body = [];
  for (const p of lines($('#f-intro').value)) { body.push(p); page.bodyMap.push('#f-intro'); }
  page.form.sections.forEach((s, i) => {
    const paras = lines($(`#sec-${i}`).value);
    body.push({ heading: heading(i).toLocaleUpperCase('vi'), level: 1 });
    page.bodyMap.push(`#sec-${i}`);
    for (const p of (paras.length ? paras : ['Không có nội dung.'])) { body.push(p); page.bodyMap.push(`#sec-${i}`); }
  });
  doc.body = body;
  const indicators = {};
  for (const ind of page.form.indicators) {
    const raw = $(`#ind-${ind.code}`).value.trim();
    if ($(`#ind-${ind.code}-none`).checked) indicators[ind.code] = null;
    else if (ind.type === 'integer' && /^-?\d{1,15}$/.test(raw)) indicators[ind.code] = Number(raw);
    else indicators[ind.code] = raw;  // decimals as their digits; anything else for the server to name
  }
  doc.data = { ...(doc.data || {}), form: page.form.form,
    unit: { code: page.unit.code, name: v('#f-unit-name') }, indicators };
  return doc;
}

function clearErrors() {
  $('#form-error').hidden = true;
  for (const e of document.querySelectorAll('.field-error[data-dynamic], .indicator .field-error')) {
    if (e.dataset.dynamic) e.remove(); else { e.hidden = true; e.textContent = ''; }
  }
  for (const e of document.querySelectorAll('[aria-invalid="true"]')) e.removeAttribute('aria-invalid');
}

// Puts the server's Vietnamese message next to the field its pointer names.
function showError(err) {
  const ptr = err.pointer || '';
  let field = document.querySelector(`[data-pointer="${CSS.escape(ptr)}"]`);
  const m = /^\/body\/(\d+)/.exec(ptr);
  if (!field && m && page.bodyMap[Number(m[1])]) field = $(page.bodyMap[Number(m[1])]);
  if (!field && /^\/signers\/0\//.test(ptr)) field = $('#f-signer-name');
  const text = err.message_vi || err.error;
  if (!field) {
    $('#form-error').hidden = false;
    $('#form-error').textContent = text + (err.diagnostic ? ` (${err.diagnostic})` : '');
    return;
  }
  field.setAttribute('aria-invalid', 'true');
  let slot = field.id ? document.getElementById(`${field.id}-err`) : null;
  if (!slot) {
    slot = el('div', { class: 'field-error', role: 'alert', 'data-dynamic': '1' });
    field.insertAdjacentElement('afterend', slot);
  }
  slot.textContent = text;
  slot.hidden = false;
  field.focus();
}

function schedulePreview() {
  clearTimeout(page.previewTimer);
  page.previewTimer = setTimeout(preview, 700);
}

async function preview() {
  const seq = ++page.previewSeq;
  const res = await fetch('/api/render?format=pdf', { method: 'POST', body: JSON.stringify(collect()),
    headers: { 'Content-Type': 'application/json' } });
  if (seq !== page.previewSeq) return;
  if (res.status !== 200) { $('#status').textContent = 'Chưa xem trước được: còn thông tin chưa hợp lệ.'; return; }
  const url = URL.createObjectURL(await res.blob());
  $('#preview').src = url;
  if (page.previewUrl) setTimeout(URL.revokeObjectURL, 5000, page.previewUrl);
  page.previewUrl = url;
  $('#status').textContent = 'Xem trước bản PDF';
}

function showSubmitted(v, created) {
  const note = $('#submitted');
  note.hidden = false;
  note.textContent = `${created ? 'Đã nộp' : 'Báo cáo này đã được nộp trước đó'}: phiên bản ${v.version}, lúc ${Camp.when(v.received_at)}` +
    (v.late ? ' (nộp muộn: ngày báo cáo sau hạn nộp).' : '.');
}

async function upload(body, type) {
  clearErrors();
  $('#submitted').hidden = true;
  const res = await fetch(`${Camp.api}/reports/${encodeURIComponent(page.unit.code)}`, {
    method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': type }, body });
  const reply = await res.json().catch(() => ({}));
  if (res.status === 201 || res.status === 200) {
    showSubmitted(reply, res.status === 201);
    await loadLatest();
    await loadVersions();
  } else {
    showError(reply);
  }
}

async function loadVersions() {
  const r = await Camp.getJson(`/reports/${encodeURIComponent(page.unit.code)}/versions`);
  const tbody = $('#versions tbody');
  tbody.replaceChildren();
  for (const v of (r.body && r.body.versions) || []) {
    const pdf = `${Camp.api}/reports/${encodeURIComponent(page.unit.code)}.pdf?version=${v.version}`;
    tbody.prepend(el('tr', {},
      el('td', { text: String(v.version) }), el('td', { text: Camp.when(v.received_at) }),
      el('td', { text: Camp.vnDate(v.report_date) }), el('td', { text: v.late ? 'nộp muộn' : 'đúng hạn' }),
      el('td', {}, el('a', { href: pdf, target: '_blank', text: `bc-${page.unit.code}-v${v.version}.pdf` }))));
  }
}

async function loadLatest() {
  const r = await fetch(`${Camp.api}/reports/${encodeURIComponent(page.unit.code)}`, { credentials: 'same-origin' });
  page.base = r.status === 200 ? await r.json() : page.form.skeleton;
  fill(page.base);
  schedulePreview();
}

async function start(who) {
  if (who.role !== 'unit') { location.href = `/c/${encodeURIComponent(Camp.id)}/admin`; return; }
  const f = await Camp.getJson('/form');
  page.form = f.body;
  page.unit = f.body.unit;
  document.title = `${f.body.title} — ${f.body.unit.name}`;
  $('#title').textContent = `${f.body.title}: ${f.body.unit.name}`;
  $('#meta').textContent = `Kỳ báo cáo ${Camp.vnDate(f.body.period.from)} – ${Camp.vnDate(f.body.period.to)}; hạn nộp ${Camp.vnDate(f.body.deadline)}. Mã đơn vị: ${f.body.unit.code}.`;
  $('#btn-xlsx').href = `${Camp.api}/form.xlsx`;
  buildIndicators();
  $('#actions').hidden = false;
  $('#page').hidden = false;
  await loadLatest();
  await loadVersions();
  $('#form').addEventListener('input', schedulePreview);
  $('#btn-submit').addEventListener('click', () => upload(JSON.stringify(collect()), 'application/json'));
  $('#xlsx-upload').addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    if (file) await upload(await file.arrayBuffer(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ev.target.value = '';
  });
  $('#btn-logout').addEventListener('click', Camp.logout);
}

document.addEventListener('DOMContentLoaded', () => Camp.session(start));
