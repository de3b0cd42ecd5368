// Shared by the campaign pages: the campaign id from the address, the cookie login
// (the access code is sent once; the server answers with an HttpOnly cookie), and
// JSON fetches. No framework, no CDN.
'use strict';

const Camp = (() => {
  const parts = location.pathname.split('/').filter(Boolean);  // ["c", ID] or ["c", ID, "admin"]
  const id = parts[1] || '';
  const api = `/api/campaigns/${encodeURIComponent(id)}`;
  const $ = (sel, root = document) => root.querySelector(sel);

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  async function getJson(path) {
    const res = await fetch(api + path, { credentials: 'same-origin' });
    let body = null;
    try { body = await res.json(); } catch (_) { body = null; }
    return { status: res.status, body };
  }

  // Shows the login box until a code is accepted; resolves with the session.
  async function session(onReady) {
    const me = await getJson('/session');
    if (me.status === 200) { onReady(me.body); return; }
    const box = $('#login');
    box.hidden = false;
    $('#login-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const code = $('#login-code').value.trim();
      const res = await fetch(api + '/session', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
      });
      if (res.status === 200) {
        box.hidden = true;
        onReady(await res.json());
      } else {
        $('#login-error').hidden = false;
        $('#login-error').textContent = res.status === 404
          ? 'Không có đợt báo cáo này.' : 'Mã truy cập không đúng hoặc đã bị thu hồi.';
        $('#login-code').setAttribute('aria-invalid', 'true');
      }
    });
  }

  async function logout() {
    await fetch(api + '/session', { method: 'DELETE', credentials: 'same-origin' });
    location.reload();
  }

  // "2026-12-02T08:15:30.123Z" → "15:15 02/12/2026" (the browser's time zone).
  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
  }

  function vnDate(iso) { return iso && iso.length === 10 ? `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : ''; }

  return { id, api, $, el, getJson, session, logout, when, vnDate };
})();
