// Shared pieces of the browser tests: start `vanban serve` on a free loopback port,
// launch Debian's Chromium through playwright-core, count checks, read PDFs and DOCX
// back with real tools (pdftotext; python3-docx under /usr/bin/python3).
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.VANBAN_CHROMIUM || '/usr/bin/chromium';

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `\n     ${String(detail).slice(0, 3000)}` : ''}`);
  if (!ok) failures += 1;
  return ok;
}

function startServer(vanban, extra = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(vanban, ['serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stderr.on('data', (d) => { if (process.env.VANBAN_VERBOSE) process.stderr.write(d); });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ proc, url: m[0] });
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

// Waits until the preview shows a render newer than `after` and no render is pending.
async function waitForPreview(page, after, timeout = 30000) {
  await page.waitForFunction((n) => {
    const f = document.querySelector('#preview');
    const s = document.querySelector('#status').textContent;
    return f.dataset.state === 'ready' && Number(f.dataset.renders || 0) > n && s.startsWith('Đã cập nhật');
  }, after, { timeout });
  return page.evaluate(() => Number(document.querySelector('#preview').dataset.renders));
}

const renders = (page) => page.evaluate(() => Number(document.querySelector('#preview').dataset.renders || 0));

function pdfText(file, layout = true) {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

// The text of a DOCX as python-docx reads it: paragraphs, then each table's cells.
function docxText(file) {
  const py = [
    'import sys, docx',
    'from docx.oxml.ns import qn',
    'd = docx.Document(sys.argv[1])',
    // Word prints w:noBreakHyphen (12/KH-TLĐ) as "-"; python-docx leaves it out of .text.
    'for h in list(d.element.body.iter(qn("w:noBreakHyphen"))):',
    '    t = h.makeelement(qn("w:t"), {}); t.text = "-"; h.getparent().replace(h, t)',
    'out = [p.text for p in d.paragraphs]',
    'for t in d.tables:',
    '    for r in t.rows:',
    '        out.append("\\t".join(c.text for c in r.cells))',
    'for s in d.sections:',
    '    out.append("SECTION %s" % ("landscape" if s.page_width > s.page_height else "portrait"))',
    'print("\\n".join(out))',
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' });
}

function hasPython3Docx() {
  try { execFileSync('/usr/bin/python3', ['-c', 'import docx'], { stdio: 'ignore' }); return true; } catch (e) { return false; }
}

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

// Runs `body({browser, url, outDir, vanban})` against a fresh server and exits with the result.
function run(name, body) {
  const [vanban, outDir = path.join(__dirname, 'out')] = process.argv.slice(2);
  if (!vanban) { console.error(`usage: node ${name} BUILD/vanban [OUT_DIR]`); process.exit(2); }
  (async () => {
    fs.mkdirSync(outDir, { recursive: true });
    // VANBAN_URL: a server already running (while working on web/ without rebuilding).
    const { proc, url } = process.env.VANBAN_URL ? { proc: null, url: process.env.VANBAN_URL } : await startServer(vanban);
    const browser = await launch();
    try {
      await body({ browser, url, outDir, vanban });
    } finally {
      await browser.close();
      if (proc) {
        const status = await stopServer(proc);
        check(status === 0, 'vanban serve stops cleanly on SIGTERM', String(status));
      }
    }
    console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
    process.exit(failures ? 1 : 0);
  })().catch((e) => { console.error(e); process.exit(1); });
}

// A page that records JavaScript errors and accepts dialogs.
async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await waitForPreview(page, 0);
  return page;
}

// Pastes into the focused element as a clipboard with these types would.
async function paste(locator, data) {
  await locator.focus();
  await locator.evaluate((target, d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

// Starts a blank document of template `name` (the "Văn bản mới" button, then the template).
async function blankDocument(page, title) {
  await page.getByRole('button', { name: 'Văn bản mới' }).click();
  await page.getByLabel('Loại văn bản').selectOption({ label: title });
}

module.exports = { check, run, startServer, stopServer, launch, openPage, waitForPreview, renders, pdfText, docxText, hasPython3Docx, paste, blankDocument, failures: () => failures };
