// The form's "Cấp số" button against `vanban serve --data DIR` with a register: it
// shows only when the server has one, fills Số (and the date when empty), says which
// number was issued, refuses to take a second number for a numbered document, and the
// preview (the PDF the form shows) prints the number. Without --data there is no button.
//
//   node register.test.js BUILD/vanban OUT_DIR
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { check, startServer, stopServer, launch, waitForPreview, failures } = require('./lib');

const [vanbanArg, outDir = path.join(__dirname, 'out')] = process.argv.slice(2);
const vanban = vanbanArg && path.resolve(vanbanArg);

// Today in Vietnam (UTC+07:00) as dd/mm/yyyy, the way the form shows dates.
function todayVn() {
  const d = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

// The PDF the preview shows, read back with pdftotext.
async function previewText(page, file) {
  const b64 = await page.evaluate(async () => {
    const src = document.querySelector('#preview').src.split('#')[0];
    const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function registered(data) {
  return JSON.parse(execFileSync(vanban, ['register', 'list', '--json', '--data', data], { encoding: 'utf8' }));
}

async function withServer(extra, body) {
  const { proc, url } = await startServer(vanban, ['--quiet', ...extra]);
  try { await body(url); } finally {
    const status = await stopServer(proc);
    check(status === 0, 'vanban serve stops cleanly on SIGTERM', String(status));
  }
}

(async () => {
  if (!vanban) { console.error('usage: node register.test.js BUILD/vanban [OUT_DIR]'); process.exit(2); }
  fs.mkdirSync(outDir, { recursive: true });
  const data = path.join(outDir, 'register-data');
  fs.rmSync(data, { recursive: true, force: true });
  execFileSync(vanban, ['register', 'init', '--data', data, '--org', 'Liên đoàn Lao động tỉnh Quảng Ngãi']);
  const browser = await launch();
  try {
    await withServer(['--data', data], async (url) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      let renders = await waitForPreview(page, 0);
      const button = page.getByRole('button', { name: 'Cấp số' });
      await button.waitFor({ state: 'visible', timeout: 10000 });
      check(await button.isVisible(), 'the Cấp số button shows when the server has a register');

      // The starter letter has a number: the button does not take a second one.
      await button.click();
      const note = page.locator('#number-note');
      await note.waitFor({ state: 'visible' });
      check((await note.textContent()).includes('đã có số'), 'a numbered document gets no new number', await note.textContent());
      check(registered(data).length === 0, 'no number was taken for it');

      // An unnumbered, undated letter gets 01 and today's date.
      await page.getByLabel('Số', { exact: true }).fill('');
      await page.getByLabel('Ngày ban hành').fill('');
      renders = await waitForPreview(page, renders);
      await button.click();
      await page.waitForFunction(() => document.querySelector('#f-number').value !== '', null, { timeout: 10000 });
      check(await page.getByLabel('Số', { exact: true }).inputValue() === '01', 'Số is filled with the issued number',
        await page.getByLabel('Số', { exact: true }).inputValue());
      check(await page.getByLabel('Ngày ban hành').inputValue() === todayVn(), 'the empty date is filled with today',
        await page.getByLabel('Ngày ban hành').inputValue());
      const said = await note.textContent();
      check(said.startsWith('Đã cấp số 01/LĐLĐ-TG'), 'the form says which number was issued', said);
      renders = await waitForPreview(page, renders);
      const text = await previewText(page, path.join(outDir, 'register-preview.pdf'));
      check(/Số:\s*01\/LĐLĐ-TG/.test(text), 'the preview prints the issued number', text.slice(0, 600));
      const list = registered(data);
      check(list.length === 1 && list[0].number === 1 && list[0].symbol === 'LĐLĐ-TG', 'the register has entry 01/LĐLĐ-TG',
        JSON.stringify(list));
      check(list.length === 1 && list[0].subject === await page.getByLabel('Trích yếu nội dung').inputValue(),
        'the entry has the letter’s trích yếu', list.length && list[0].subject);

      // A date typed by the clerk is kept; the next number is 02.
      await page.getByLabel('Số', { exact: true }).fill('');
      await page.getByLabel('Ngày ban hành').fill(todayVn());
      await button.click();
      await page.waitForFunction(() => document.querySelector('#f-number').value === '02', null, { timeout: 10000 });
      check(await page.getByLabel('Ngày ban hành').inputValue() === todayVn(), 'a date already there is kept');
      check(registered(data).length === 2, 'the second click took number 02');
      await page.screenshot({ path: path.join(outDir, 'register-cap-so.png') });
      check(errors.length === 0, 'no JavaScript errors', errors.join('\n'));
      await context.close();
    });

    await withServer([], async (url) => {
      const page = await browser.newPage();
      await page.goto(url);
      await waitForPreview(page, 0);
      // The answer to /api/register (404 here) has come when the preview is ready.
      await page.waitForTimeout(300);
      check(await page.locator('#btn-number').isHidden(), 'without --data the form has no Cấp số button');
      await page.close();
    });
  } finally {
    await browser.close();
  }
  console.log(failures() ? `${failures()} check(s) failed` : 'all checks passed');
  process.exit(failures() ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
