// End-to-end: a reporting campaign in a real Chromium (Debian's), driven by
// playwright-core. The office creates the campaign and its codes with the CLI; three
// units log in with their codes on /c/ID and submit (one dated after the deadline, one
// first with an invalid figure whose Vietnamese error shows next to the field); the
// dashboard /c/ID/admin shows 2 on time, 1 late and the missing units; the summary
// downloaded from the dashboard equals `vanban summarize` on the stored reports, byte
// for byte. Screenshots go to OUT_DIR.
//
//   node campaign.test.js BUILD/vanban OUT_DIR
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [vanbanArg, outDir = path.join(__dirname, 'out')] = process.argv.slice(2);
const vanban = vanbanArg && path.resolve(vanbanArg);
const CHROMIUM = process.env.VANBAN_CHROMIUM || '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const FORM = path.join(ROOT, 'templates', 'so-ket-nq20', 'form.json');

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `\n     ${detail}` : ''}`);
  if (!ok) failures += 1;
}

function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const proc = spawn(vanban, ['serve', '--port', '0', '--quiet', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stderr.on('data', (d) => { if (process.env.VANBAN_VERBOSE) process.stderr.write(d); });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ proc, url: m[0].replace(/\/$/, '') });
    });
    proc.on('exit', (code) => reject(new Error(`vanban serve exited with ${code} before listening: ${out}`)));
    setTimeout(() => reject(new Error('vanban serve did not print its address in 20 s')), 20000);
  });
}

function stopServer(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) { resolve(proc.exitCode); return; }
    proc.removeAllListeners('exit');
    proc.on('exit', (code, signal) => resolve(code === null ? signal : code));
    proc.kill('SIGTERM');
  });
}

const sample = (unit) => JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'so-ket-nq20', `bc-${unit}.json`), 'utf8'));

// Fills the unit page from a sample report, as a clerk would type it.
async function fillReport(page, doc) {
  const signer = doc.signers[0];
  await page.fill('#f-parent', doc.issuer.parent || '');
  await page.fill('#f-issuer', doc.issuer.name);
  await page.fill('#f-number', String(doc.number));
  await page.fill('#f-symbol', doc.symbol);
  await page.fill('#f-date', doc.date);
  await page.fill('#f-place', doc.place);
  await page.fill('#f-unit-name', doc.data.unit.name);
  await page.fill('#f-subject', doc.subject);
  await page.fill('#f-recipients', doc.recipients.join('\n'));
  await page.fill('#f-authority', signer.authority || '');
  await page.fill('#f-signer-title', signer.title);
  await page.fill('#f-signer-name', signer.name);
  await page.fill('#f-distribution', doc.distribution.join('\n'));
  for (const [code, v] of Object.entries(doc.data.indicators)) {
    if (v === null) await page.check(`#ind-${code}-none`);
    else await page.fill(`#ind-${code}`, String(v));
  }
  // The narrative: paragraphs under each heading go to their section's box.
  let section = -1;
  const texts = [];
  for (const b of doc.body) {
    if (typeof b === 'object' && b.heading) { section += 1; texts[section] = []; continue; }
    if (section >= 0) texts[section].push(b); else await page.fill('#f-intro', b);
  }
  for (let i = 0; i < texts.length; i += 1) await page.fill(`#sec-${i}`, texts[i].join('\n'));
}

async function login(browser, url, code) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.fill('#login-code', code);
  await page.getByRole('button', { name: 'Vào' }).click();
  await page.waitForSelector('#page:not([hidden])');
  return { context, page, errors };
}

async function submitAndWait(page) {
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await page.waitForFunction(() => !document.querySelector('#submitted').hidden ||
    document.querySelector('.field-error:not([hidden])') || !document.querySelector('#form-error').hidden);
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const data = path.join(outDir, 'data');
  const id = execFileSync(vanban, ['campaign', 'create', FORM, '--data', data], { encoding: 'utf8' }).trim();
  check(id === 'so-ket-nq20', 'the office creates the campaign', id);
  const csv = path.join(outDir, 'codes.csv');
  execFileSync(vanban, ['campaign', 'tokens', id, '--units', '27,01,31', '--admin', '-o', csv, '--data', data]);
  const codes = {};
  for (const line of fs.readFileSync(csv, 'utf8').split(/\r?\n/).slice(1).filter(Boolean)) {
    const [, unit, , role, code] = line.split(',');
    codes[role === 'admin' ? 'admin' : unit] = code;
  }

  const { proc, url } = await startServer(data);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // A wrong code is refused in Vietnamese.
    {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${url}/c/${id}`);
      await page.fill('#login-code', 'sai-ma');
      await page.getByRole('button', { name: 'Vào' }).click();
      await page.waitForSelector('#login-error:not([hidden])');
      check((await page.textContent('#login-error')).includes('Mã truy cập không đúng'), 'a wrong code is refused');
      await context.close();
    }

    // Bắc Ninh (27): on time.
    {
      const { context, page, errors } = await login(browser, `${url}/c/${id}`, codes['27']);
      check((await page.textContent('#title')).includes('Bắc Ninh'), "the unit's page names the unit");
      await fillReport(page, sample('27'));
      await submitAndWait(page);
      check((await page.textContent('#submitted')).includes('phiên bản 1'), 'Bắc Ninh submits version 1', await page.textContent('#submitted'));
      await page.waitForSelector('#versions tbody tr');
      check(await page.locator('#versions tbody tr a').first().getAttribute('href') !== null, 'its versions list links the PDF');
      await page.screenshot({ path: path.join(outDir, 'campaign-unit-1366x768.png') });
      check(errors.length === 0, 'no JavaScript errors on the unit page', errors.join('\n'));
      await context.close();
    }
    // Hà Nội (01): dated after the deadline.
    {
      const { context, page } = await login(browser, `${url}/c/${id}`, codes['01']);
      const doc = sample('01');
      doc.date = '2010-01-27';
      await fillReport(page, doc);
      await submitAndWait(page);
      check((await page.textContent('#submitted')).includes('nộp muộn'), 'Hà Nội submits late', await page.textContent('#submitted'));
      await context.close();
    }
    // Hải Phòng (31): an invalid figure first.
    {
      const { context, page } = await login(browser, `${url}/c/${id}`, codes['31']);
      await fillReport(page, sample('31'));
      await page.fill('#ind-doan_vien_moi', '12a');
      await submitAndWait(page);
      const err = page.locator('#ind-doan_vien_moi-err');
      check(await err.isVisible(), 'the invalid figure shows an error next to its field');
      const text = await err.textContent();
      check(text.includes('Phải là số nguyên') && text.includes('12a'), 'the error is in Vietnamese and quotes the value', text);
      check(await page.getAttribute('#ind-doan_vien_moi', 'aria-invalid') === 'true', 'the field is marked invalid');
      await page.screenshot({ path: path.join(outDir, 'campaign-error-1366x768.png') });
      await page.fill('#ind-doan_vien_moi', '500');
      await submitAndWait(page);
      check((await page.textContent('#submitted')).includes('phiên bản 1'), 'Hải Phòng submits after the fix');
      await context.close();
    }

    // The dashboard.
    const { context, page, errors } = await login(browser, `${url}/c/${id}/admin`, codes.admin);
    await page.waitForFunction(() => Number(document.body.dataset.polls || 0) >= 1);
    check(await page.textContent('#count-on-time') === '2', 'the dashboard shows 2 on time', await page.textContent('#count-on-time'));
    check(await page.textContent('#count-late') === '1', 'the dashboard shows 1 late');
    check(await page.textContent('#count-missing') === '60', 'the dashboard shows 60 missing');
    const statusOf = (u) => page.getAttribute(`tr[data-unit="${u}"]`, 'data-status');
    check(await statusOf('27') === 'submitted' && await statusOf('31') === 'submitted' && await statusOf('01') === 'late',
      'each unit has its status');
    check(await statusOf('02') === 'missing', 'a unit that did not report is listed as chưa nộp');
    // Reports sent as JSON carry no digital signature yet: the column says so, and a unit
    // that has not reported has no signature state at all.
    const sigOf = (u) => page.getAttribute(`tr[data-unit="${u}"] td[data-signature]`, 'data-signature');
    const sigText = await page.textContent('tr[data-unit="27"] td[data-signature]');
    check(await sigOf('27') === 'unsigned' && sigText === 'Chưa ký', 'a submitted unit\'s signature column says Chưa ký', sigText);
    check(await sigOf('02') === '', 'a missing unit has no signature state');
    const first = await page.locator('#units tbody tr td:nth-child(3)').first().textContent();
    check(first === 'An Giang', 'units are in Vietnamese order', first);
    await page.screenshot({ path: path.join(outDir, 'campaign-admin-1366x768.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sum-pdf')]);
    const got = path.join(outDir, 'summary-browser.pdf');
    await download.saveAs(got);

    // The CLI on the stored reports.
    const dir = path.join(outDir, 'cli');
    fs.mkdirSync(dir, { recursive: true });
    const files = [];
    for (const u of ['01', '27', '31']) {
      const res = await fetch(`${url}/api/campaigns/${id}/reports/${u}`, { headers: { Authorization: `Bearer ${codes.admin}` } });
      fs.writeFileSync(path.join(dir, `bc-${u}.json`), Buffer.from(await res.arrayBuffer()));
      files.push(`bc-${u}.json`);
    }
    execFileSync(vanban, ['summarize', '--form', FORM, ...files, '-o', 'cli.pdf'], { cwd: dir, stdio: 'ignore' });
    const cli = fs.readFileSync(path.join(dir, 'cli.pdf'));
    check(Buffer.compare(cli, fs.readFileSync(got)) === 0, "the downloaded summary equals the CLI's bytes");
    check(errors.length === 0, 'no JavaScript errors on the dashboard', errors.join('\n'));
    await context.close();
  } finally {
    await browser.close();
    const status = await stopServer(proc);
    check(status === 0, 'vanban serve stops cleanly on SIGTERM', String(status));
  }
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
}

if (!vanban) {
  console.error('usage: node campaign.test.js BUILD/vanban [OUT_DIR]');
  process.exit(2);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
