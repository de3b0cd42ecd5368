// No silent loss or garbling in the web form (issue 14, point 4 and 5), each as seen in
// the browser: the issuer's line break is kept; impossible dates are refused in
// Vietnamese (and typing over a date gives that date); a too-long trích yếu is refused
// at the field; "- Như trên;" and "Kính gửi: X" do not print twice; two tabs keep two
// drafts; a deleted block comes back with Ctrl+Z; every error is listed at once with
// Vietnamese field names; a new document starts without red; the preview is marked stale.
//
//   node form-safety.test.js BUILD/vanban OUT_DIR
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { check, run, openPage, waitForPreview, renders, pdfText } = require('./lib');

async function downloadPdf(page, file) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  await d.saveAs(file);
  return pdfText(file);
}

async function savedJson(page, file) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu tệp' }).click()]);
  await d.saveAs(file);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const fieldError = (page, id) => page.locator(`.field:has(#${id}) .field-error`);

run('form-safety.test.js', async ({ browser, url, outDir }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await openPage(context, url);

  // A new document starts without a wall of red.
  await page.getByRole('button', { name: 'Văn bản mới' }).click();
  await page.waitForTimeout(600);
  check(await page.locator('.field-error').count() === 0 && await page.locator('#form-error').isHidden(), 'a new document shows no errors before anything is typed');
  check((await page.locator('#status').textContent()).includes('Điền các mục có dấu *'), 'and the status says what to fill', await page.locator('#status').textContent());

  // Every error at once, with Vietnamese field names, no pointers, no English.
  await page.getByLabel('Ký hiệu').fill('LĐLĐ/TG');
  await page.getByLabel('Ngày ban hành').fill('31/02/2026');
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await page.locator('#form-error li').nth(2).waitFor({ timeout: 15000 });
  const summary = await page.locator('#form-error').innerText();
  const items = await page.locator('#form-error li').count();
  check(items >= 6, 'every error is listed at once (issuer, symbol, place, date, subject, signer…)', summary);
  for (const name of ['Cơ quan ban hành', 'Ký hiệu', 'Địa danh', 'Ngày ban hành', 'Trích yếu', 'Người ký 1 — họ và tên']) {
    check(summary.includes(name), `the list names “${name}”`, summary);
  }
  check(!/\/issuer|\/signers|\/symbol|expected|must|field|JSON/.test(summary), 'no JSON pointers and no English in the list', summary);
  check((await fieldError(page, 'f-symbol').textContent()).includes("'/'"), 'the slash in the symbol is explained at the field');

  // Dates: an impossible one is refused in Vietnamese; typing over a date gives that date.
  const dateError = await fieldError(page, 'f-date').textContent();
  check(dateError.includes('không có trên lịch') && dateError.includes('28 ngày'), '31/02/2026 is refused: February 2026 has 28 days', dateError);
  const date = page.getByLabel('Ngày ban hành');
  await date.fill('3/12/22026');
  await page.waitForFunction(() => (document.querySelector('.field:has(#f-date) .field-error') || {}).textContent?.includes('chữ số'), null, { timeout: 10000 }).catch(() => {});
  check((await fieldError(page, 'f-date').textContent()).includes('4 chữ số'), 'a five-digit year is refused', await fieldError(page, 'f-date').textContent());

  // Fill in the rest: a letter with a two-line issuer and words the engine adds itself.
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI');
  await page.getByLabel('Ký hiệu').fill('LĐLĐ-TG');
  await page.getByLabel('Địa danh').fill('Hà Nội');
  await date.fill('03/12/2026');
  await date.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('05/12/2026');
  check(await date.inputValue() === '05/12/2026', 'typing over a date replaces it', await date.inputValue());
  await page.getByLabel('Trích yếu nội dung').fill('triển khai Tháng Công nhân năm 2026');
  await page.getByLabel('Kính gửi 1', { exact: true }).fill('Kính gửi: Công đoàn cơ sở trực thuộc');
  await page.getByLabel('Đoạn văn, khối 1').fill('Liên đoàn Lao động Thành phố đề nghị các đơn vị triển khai Tháng Công nhân.\nĐề nghị các đơn vị báo cáo kết quả trước ngày 30/5.');
  await page.getByLabel('Chức vụ').fill('CHỦ TỊCH');
  await page.getByLabel('Họ và tên').fill('Phạm Văn Bình');
  await page.getByLabel('Nơi nhận 1', { exact: true }).fill('- Như trên;');
  await page.getByLabel('Nơi nhận 2', { exact: true }).fill('- Lưu: VT, TG.');
  await waitForPreview(page, await renders(page) - 1);
  check(await page.locator('.field-error').count() === 0, 'the letter has no errors once filled in', await page.locator('#form-error').innerText());
  check(await page.locator('#preview-stale').isHidden(), 'the preview is not marked stale');
  const hints = await page.locator('#distribution .field-hint, [data-field="recipients"] .field-hint:not(.unusual)').allTextContents();
  check(hints.some((h) => h.includes('“-”')) && hints.some((h) => h.includes('Kính gửi')), 'stripping "- " and "Kính gửi:" is said next to the fields', hints.join(' | '));

  const text = await downloadPdf(page, path.join(outDir, 'safety.pdf'));
  const lines = text.split('\n').map((l) => l.trim());
  check(lines.some((l) => /^LIÊN ĐOÀN LAO ĐỘNG(\s{2,}|$)/.test(l)) && lines.some((l) => /^THÀNH PHỐ HÀ NỘI/.test(l)),
    "the issuer's line break is kept: two lines in the PDF", lines.slice(0, 6).join('\n'));
  check(!/ĐỘN\s|GTHÀNH/.test(text), 'no word of the issuer is cut', text.slice(0, 400));
  check(text.includes('Hà Nội, ngày 05 tháng 12 năm 2026'), 'the PDF has the date typed last', text.slice(0, 600));
  check(text.includes('Kính gửi: Công đoàn cơ sở trực thuộc.') && !text.includes('Kính gửi: Kính gửi'), '“Kính gửi:” is printed once', text);
  check(text.includes('- Như trên;') && !/-\s+-\s+Như trên/.test(text), '“- Như trên;” is printed once, not “- - Như trên;”', text);
  check(text.includes('- Lưu: VT, TG.') && !text.includes('TG..'), 'the last item ends with one full stop');
  const saved = await savedJson(page, path.join(outDir, 'safety.json'));
  check(saved.issuer.name === 'LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI', 'the saved file keeps the line break (\\n)', JSON.stringify(saved.issuer));
  check(saved.date === '2026-12-05', 'the saved date is 2026-12-05', saved.date);
  check(saved.body.length === 2 && saved.body[1].startsWith('Đề nghị các đơn vị báo cáo'), 'Enter in a paragraph starts a new paragraph (not a run-on line)', JSON.stringify(saved.body));
  check(lines.some((l) => l.startsWith('Đề nghị các đơn vị báo cáo')), 'the second paragraph starts its own line in the PDF', lines.join('\n').slice(0, 1500));

  // An impossible date blocks the download and marks the preview stale.
  await date.fill('31/02/2026');
  await page.locator('#preview-stale').waitFor({ timeout: 10000 }).catch(() => {});
  check(await page.locator('#preview-stale').isVisible(), 'with an error the preview is marked stale');
  let downloaded = false;
  page.once('download', () => { downloaded = true; });
  await page.getByRole('button', { name: 'Tải PDF' }).click();
  await page.waitForTimeout(1500);
  check(!downloaded, 'no PDF is downloaded with an impossible date (no blanks printed silently)');
  check((await page.locator('#status').textContent()).includes('Chưa tải được'), 'the status says why', await page.locator('#status').textContent());
  await date.fill('05/12/2026');

  // A too-long trích yếu is refused at the field (the PDF would cut it).
  const subject = page.getByLabel('Trích yếu nội dung');
  await subject.fill('triển khai Tháng Công nhân năm 2026 '.repeat(60));
  await fieldError(page, 'f-subject').waitFor({ timeout: 10000 });
  check((await fieldError(page, 'f-subject').textContent()).includes('quá dài'), 'a 2,000-character trích yếu is refused at the field', await fieldError(page, 'f-subject').textContent());
  await subject.fill('triển khai Tháng Công nhân năm 2026');

  // Undo: a deleted block comes back with Ctrl+Z, and with the "Hoàn tác" button.
  await page.getByLabel('Đoạn văn, khối 1').fill('Liên đoàn Lao động Thành phố đề nghị các đơn vị triển khai Tháng Công nhân.');
  await page.locator('#body-section').getByRole('button', { name: '+ Đề mục' }).click();
  await page.keyboard.type('I. MỤC ĐÍCH');
  await page.getByRole('button', { name: 'Xóa khối 1 (Đoạn văn)' }).click();
  check(await page.locator('#body > li').count() === 1, 'the paragraph is deleted');
  check((await page.locator('#toast').textContent()).includes('Hoàn tác'), 'a message offers to undo the deletion');
  await page.keyboard.press('Control+z');
  const restored = await page.locator('#body > li').first().locator('textarea').inputValue();
  check(await page.locator('#body > li').count() === 2 && restored.startsWith('Liên đoàn Lao động Thành phố'), 'Ctrl+Z brings the paragraph back with its words', restored);
  await page.getByRole('button', { name: 'Xóa khối 2 (Đề mục)' }).click();
  await page.locator('#toast').getByRole('button', { name: 'Hoàn tác' }).click();
  check(await page.locator('#body > li').count() === 2, 'the “Hoàn tác” button brings a deleted heading back');

  // A file that is not a saved document is explained in Vietnamese (no JSON.parse text).
  await page.locator('#file-open').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"template": "cong-van",') });
  await page.locator('#form-error').waitFor({ timeout: 10000 });
  const bad = await page.locator('#form-error').innerText();
  check(bad.includes('hong.json') && !/JSON|Unexpected|position/.test(bad), 'an unreadable file is explained in Vietnamese', bad);
  check(await page.getByLabel('Trích yếu nội dung').inputValue() === 'triển khai Tháng Công nhân năm 2026', 'and the form keeps what was typed');

  // Two tabs keep two drafts.
  const a = page;
  await waitForPreview(a, await renders(a) - 1);
  const b = await openPage(context, url);
  await b.getByLabel('Trích yếu nội dung').fill('văn bản của tab thứ hai');
  await waitForPreview(b, await renders(b) - 1);
  await a.getByLabel('Trích yếu nội dung').fill('văn bản của tab thứ nhất');
  await waitForPreview(a, await renders(a) - 1);
  await a.reload(); await waitForPreview(a, 0);
  await b.reload(); await waitForPreview(b, 0);
  const sa = await a.getByLabel('Trích yếu nội dung').inputValue();
  const sb = await b.getByLabel('Trích yếu nội dung').inputValue();
  check(sa === 'văn bản của tab thứ nhất' && sb === 'văn bản của tab thứ hai', 'after a reload each tab has its own document', `${sa} | ${sb}`);
  await b.getByRole('button', { name: 'Bản nháp' }).click();
  const listed = await b.locator('#drafts-list').innerText();
  check(listed.includes('văn bản của tab thứ nhất') && listed.includes('văn bản của tab thứ hai'), 'the drafts list has both documents', listed);
  await b.screenshot({ path: path.join(outDir, 'drafts-dialog.png') });
  check(a.errors.length === 0 && b.errors.length === 0, 'no JavaScript errors on the pages', [...a.errors, ...b.errors].join('\n'));
  await context.close();
});
