// End-to-end: the web form of `vanban serve` in a real Chromium (Debian's), driven by
// playwright-core. Starts the server itself on a free loopback port, fills in a
// three-recipient letter with the keyboard-reachable controls, waits for the live
// preview, downloads the PDF (read back with pdftotext) and the DOCX (unzipped), makes
// a validation error and reads the Vietnamese message next to the field, takes a
// 1366×768 screenshot, and stops the server.
//
//   node form.test.js BUILD/vanban OUT_DIR
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { check, run, waitForPreview, pdfText } = require('./lib');

run('form.test.js', async ({ browser, url, outDir }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => d.accept());

  await page.goto(url);
  check(await page.title() === 'Soạn văn bản hành chính — vanban', 'the page loads with its Vietnamese title');
  let renders = await waitForPreview(page, 0);
  check(renders >= 1, 'the starter letter is previewed on load');
  const options = await page.locator('#f-template option').allTextContents();
  check(options.some((o) => o.startsWith('Công văn')), 'the templates come from /api/templates', options.join(' | '));

  // A new, blank letter, filled in field by field through the labels.
  await page.getByRole('button', { name: 'Văn bản mới' }).click();
  await page.getByLabel('Loại văn bản').selectOption('cong-van');
  await page.getByLabel('Cơ quan, tổ chức chủ quản').fill('UBND TỈNH BÌNH ĐỊNH');
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('SỞ NỘI VỤ');
  await page.getByLabel('Số', { exact: true }).fill('127');
  await page.getByLabel('Ký hiệu').fill('SNV-TCBC');
  await page.getByLabel('Địa danh').fill('Bình Định');
  await page.getByLabel('Ngày ban hành').fill('2026-03-16');
  await page.getByLabel('Trích yếu nội dung').fill('góp ý dự thảo quy chế làm việc');
  // Three recipients, typed out of order and put right with "move up".
  await page.getByLabel('Kính gửi 1', { exact: true }).fill('Sở Tài chính');
  await page.getByRole('button', { name: '+ Thêm nơi nhận (Kính gửi)' }).click();
  await page.keyboard.type('Sở Tư pháp');  // the new row has the focus
  await page.getByRole('button', { name: '+ Thêm nơi nhận (Kính gửi)' }).click();
  await page.getByLabel('Kính gửi 3', { exact: true }).fill('Sở Kế hoạch và Đầu tư');
  await page.getByRole('button', { name: 'Chuyển Kính gửi 3 lên' }).click();
  const recipients = await page.locator('#recipients input').evaluateAll((els) => els.map((e) => e.value));
  check(JSON.stringify(recipients) === JSON.stringify(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Tư pháp']),
    'recipients are added and reordered', recipients.join(' | '));
  // Body: a paragraph, a heading and a second paragraph.
  await page.getByLabel('Đoạn văn, khối 1').fill(
    'Sở Nội vụ nhận được dự thảo Quy chế làm việc của Ủy ban nhân dân tỉnh và có ý kiến như sau:');
  await page.locator('#body-section').getByRole('button', { name: '+ Đề mục' }).click();
  await page.keyboard.type('I. Ý KIẾN CHUNG');
  await page.locator('#body-section').getByRole('button', { name: '+ Đoạn văn' }).click();
  await page.keyboard.type('Cơ bản thống nhất với **nội dung dự thảo**.');
  // The signer.
  await page.getByLabel('Thẩm quyền ký (TM., Q.)').fill('');
  await page.getByLabel('Ký thay (KT., TL., TUQ.)').fill('KT. GIÁM ĐỐC');
  await page.getByLabel('Chức vụ').fill('PHÓ GIÁM ĐỐC');
  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await page.getByLabel('Nơi nhận 2', { exact: true }).fill('Lưu: VT, TCBC');

  renders = await waitForPreview(page, renders);
  const preview = await page.evaluate(async () => {
    const src = document.querySelector('#preview').src.split('#')[0];
    const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
    return { src, head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
  });
  check(preview.src.startsWith('blob:') && preview.head === '%PDF-', 'the preview is a PDF from a blob URL',
    JSON.stringify(preview));
  check(await page.locator('.field-error').count() === 0, 'no field errors for a complete letter');

  // A picture of the page to look at (the PDF viewer paints a moment after the blob loads).
  await page.locator('#form').evaluate((f) => { f.scrollTop = 0; });
  for (let i = 0; i < 50 && !page.frames().some((f) => f.url().startsWith('chrome-extension://')); i += 1) {
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(outDir, 'form-1366x768.png') });

  // Download the PDF and read it back.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  const pdfName = pdfDownload.suggestedFilename();
  check(pdfName === '127-SNV-TCBC góp ý dự thảo quy chế làm việc.pdf', 'the PDF has a name from number, symbol and subject', pdfName);
  const pdfFile = path.join(outDir, 'letter.pdf');
  await pdfDownload.saveAs(pdfFile);
  check(fs.readFileSync(pdfFile).subarray(0, 5).toString() === '%PDF-', 'the download is a PDF');
  const text = pdfText(pdfFile);
  for (const s of ['SỞ NỘI VỤ', 'Số: 127/SNV-TCBC', 'V/v góp ý dự thảo quy chế làm việc', 'Bình Định, ngày 16 tháng 3 năm 2026',
    'Kính gửi:', 'Sở Tài chính;', 'Sở Kế hoạch và Đầu tư;', 'Sở Tư pháp.', 'I. Ý KIẾN CHUNG', 'nội dung dự thảo',
    'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Bình', 'Lưu: VT, TCBC']) {
    check(text.includes(s), `the PDF says “${s}”`, text.slice(0, 1500));
  }
  const order = ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Tư pháp'].map((s) => text.indexOf(s));
  check(order[0] < order[1] && order[1] < order[2], 'the recipients print in the order set on the form', order.join(','));
  check(!text.includes('LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI'), 'nothing of the starter letter is left');

  // And the DOCX.
  const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải DOCX' }).click()]);
  check(docxDownload.suggestedFilename().endsWith('.docx'), 'the DOCX download is named .docx', docxDownload.suggestedFilename());
  const docxFile = path.join(outDir, 'letter.docx');
  await docxDownload.saveAs(docxFile);
  check(fs.readFileSync(docxFile).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'the DOCX is a zip');
  const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml'], { encoding: 'utf8' });
  check(xml.includes('Sở Kế hoạch và Đầu tư') && xml.includes('Trần Thị Bình'), 'the DOCX holds the letter');

  // A validation error, in Vietnamese, next to the field; fixing it clears it.
  const symbol = page.getByLabel('Ký hiệu');
  await symbol.fill('SNV/TCBC');
  const error = page.locator('.field:has(#f-symbol) .field-error');
  await error.waitFor({ timeout: 30000 });
  const message = await error.textContent();
  check(message.includes("Ký hiệu không được chứa dấu '/'"), 'a slash in the symbol is explained next to it, in Vietnamese', message);
  check(await symbol.getAttribute('aria-invalid') === 'true', 'the field is marked invalid for screen readers');
  check((await page.locator('#form-error').textContent()).includes('Ký hiệu'), 'the summary names the field');
  await symbol.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, 'form-error-1366x768.png') });
  // A missing signer name points at the signer's name field.
  await symbol.fill('SNV-TCBC');
  await page.getByLabel('Họ và tên').fill('');
  const nameError = page.locator('li.signer .field:has(.name) .field-error');
  await nameError.waitFor({ timeout: 30000 });
  check((await nameError.textContent()).includes('Chưa nhập'), 'a blank signer name is flagged at the name',
    await nameError.textContent());
  check(await page.locator('.field:has(#f-symbol) .field-error').count() === 0, 'the fixed symbol is no longer flagged');
  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await waitForPreview(page, renders);
  check(await page.locator('.field-error').count() === 0, 'fixing the last error clears the messages');

  check(pageErrors.length === 0, 'no JavaScript errors on the page', pageErrors.join('\n'));
  await context.close();
});
