// Whole documents made in the web form without JSON: a báo cáo with two headings, a list,
// a table and a landscape appendix, downloaded as PDF and DOCX and compared with what was
// typed (pdftotext; python3-docx); a quyết định with thẩm quyền, căn cứ and three Điều;
// the template list offers only what the form can fill, without slugs, and each
// template shows only the fields it prints.
//
//   node form-documents.test.js BUILD/vanban OUT_DIR
'use strict';

const path = require('node:path');
const { check, run, openPage, waitForPreview, renders, pdfText, docxText, hasPython3Docx, paste, blankDocument } = require('./lib');

const norm = (s) => s.replace(/\s+/g, ' ');

run('form-documents.test.js', async ({ browser, url, outDir }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await openPage(context, url);

  // The template list: titles only, no campaign templates.
  const options = await page.locator('#f-template option').allTextContents();
  check(options.includes('Báo cáo') && options.includes('Quyết định') && options.includes('Công văn'), 'the shipped templates are offered by title', options.join('|'));
  check(!options.some((o) => /\(|tổng hợp|[a-z]+-[a-z]+/.test(o)), 'no slugs, no summary or campaign-unit template', options.join('|'));
  check(!(await page.locator('body').innerText()).includes('JSON'), 'the word JSON is not on the page');

  // ---------- a báo cáo ----------
  await blankDocument(page, 'Báo cáo');
  check(await page.locator('[data-field="bases"]').isHidden(), 'a báo cáo does not show căn cứ');
  check(await page.getByLabel('Tên loại (in trên văn bản)').isVisible(), 'a báo cáo shows the tên loại');
  await page.getByLabel('Cơ quan, tổ chức chủ quản').fill('TỔNG LĐLĐ VIỆT NAM');
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('LIÊN ĐOÀN LAO ĐỘNG\nTỈNH BÌNH ĐỊNH');
  await page.getByLabel('Số', { exact: true }).fill('42');
  await page.getByLabel('Ký hiệu').fill('BC-LĐLĐ');
  await page.getByLabel('Địa danh').fill('Bình Định');
  await page.getByLabel('Ngày ban hành').fill('15/01/2026');
  await page.getByLabel('Trích yếu nội dung').fill('kết quả công tác công đoàn năm 2025');
  await page.getByLabel('Kính gửi 1', { exact: true }).fill('Tổng Liên đoàn Lao động Việt Nam');
  const body = page.locator('#body-section');
  await page.getByLabel('Đoạn văn, khối 1').fill('Năm 2025, Liên đoàn Lao động tỉnh đạt được các kết quả sau.');
  await body.getByRole('button', { name: '+ Đề mục' }).click();
  await page.keyboard.type('I. KẾT QUẢ ĐẠT ĐƯỢC');
  await body.getByRole('button', { name: '+ Danh sách' }).click();
  await page.keyboard.type('Phát triển đoàn viên mới.\nThành lập công đoàn cơ sở.');
  await body.getByRole('button', { name: 'Thêm bảng', exact: true }).click();
  const table = page.locator('#body > li.block[data-kind="table"]');
  await paste(table.getByLabel('Tiêu đề cột 1'), { 'text/plain': 'Chỉ tiêu\tKế hoạch\tThực hiện\nĐoàn viên mới\t5.000\t5.312\nCĐCS mới\t40\t38,5\n' });
  await body.getByRole('button', { name: '+ Đề mục' }).click();
  await page.keyboard.type('2. Phương hướng năm 2026');
  await page.locator('#body > li.block').last().getByLabel('Cấp đề mục').selectOption('2');
  await body.getByRole('button', { name: '+ Đoạn văn' }).click();
  await page.keyboard.type('Tiếp tục đổi mới nội dung hoạt động.');

  // A landscape appendix with its own table.
  await page.getByRole('button', { name: 'Thêm phụ lục' }).click();
  const ap = page.getByRole('group', { name: 'Phụ lục 1' });
  await ap.getByLabel('Tên phụ lục').fill('Số liệu chi tiết theo đơn vị');
  await ap.getByLabel('Hướng trang').selectOption('landscape');
  await ap.getByRole('button', { name: 'Thêm bảng', exact: true }).click();
  await paste(ap.getByLabel('Tiêu đề cột 1'), { 'text/plain': 'Đơn vị\tĐoàn viên\tTỷ lệ\nLĐLĐ thành phố Quy Nhơn\t28.450\t98,5\nCĐ ngành Giáo dục\t12.003\t87,25\n' });
  await page.getByLabel('Chức vụ').fill('CHỦ TỊCH');
  await page.getByLabel('Họ và tên').fill('Lê Văn Minh');
  await page.getByLabel('Nơi nhận 2', { exact: true }).fill('Lưu: VT, VP');
  let n = await waitForPreview(page, await renders(page) - 1);
  check(await page.locator('.field-error').count() === 0, 'the báo cáo has no errors', await page.locator('#form-error').innerText());
  await page.screenshot({ path: path.join(outDir, 'bao-cao-1366.png') });

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  const pdfFile = path.join(outDir, 'bao-cao.pdf');
  await pdf.saveAs(pdfFile);
  const text = norm(pdfText(pdfFile));
  const typed = ['TỔNG LĐLĐ VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BÌNH ĐỊNH', 'Số: 42/BC-LĐLĐ', 'Bình Định, ngày 15 tháng 01 năm 2026',
    'BÁO CÁO', 'Kết quả công tác công đoàn năm 2025', 'Tổng Liên đoàn Lao động Việt Nam', 'Năm 2025, Liên đoàn Lao động tỉnh đạt được các kết quả sau.',
    'I. KẾT QUẢ ĐẠT ĐƯỢC', 'Phát triển đoàn viên mới', 'Thành lập công đoàn cơ sở', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Đoàn viên mới', '5.000', '5.312',
    '38,5', '2. Phương hướng năm 2026', 'Tiếp tục đổi mới nội dung hoạt động.', 'PHỤ LỤC I', 'Số liệu chi tiết theo đơn vị',
    'LĐLĐ thành phố Quy Nhơn', '28.450', '98,5', '12.003', '87,25', 'CHỦ TỊCH', 'Lê Văn Minh', 'Lưu: VT, VP'];
  const missing = typed.filter((s) => !text.toLowerCase().includes(s.toLowerCase()));
  check(missing.length === 0, 'every word typed in the form is in the PDF', `missing: ${missing.join(' | ')}\n${text.slice(0, 2500)}`);
  const sizes = require('node:child_process').execFileSync('pdfinfo', ['-f', '1', '-l', '9', pdfFile], { encoding: 'utf8' });
  check(/Page\s+\d+ size:\s+841\.\d+ x 59\d/.test(sizes), 'the appendix page is landscape (pdfinfo)', sizes);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải DOCX' }).click()]);
  const docxFile = path.join(outDir, 'bao-cao.docx');
  await docx.saveAs(docxFile);
  if (hasPython3Docx()) {
    const dtext = norm(docxText(docxFile));
    const dmissing = typed.filter((s) => !dtext.toLowerCase().includes(s.toLowerCase()));
    check(dmissing.length === 0, 'every word typed in the form is in the DOCX (python-docx)', `missing: ${dmissing.join(' | ')}\n${dtext.slice(0, 2500)}`);
    check(/SECTION landscape/.test(dtext), 'the DOCX has a landscape section for the appendix');
  } else {
    console.log('SKIP python3-docx is not installed: the DOCX text is not compared');
  }

  // ---------- a quyết định ----------
  await blankDocument(page, 'Quyết định');
  check(await page.locator('[data-field="recipients"]').isHidden(), 'a quyết định does not show Kính gửi');
  check(await page.getByLabel('Thẩm quyền ban hành (in đậm, chữ hoa, trên các căn cứ)').isVisible(), 'a quyết định shows the thẩm quyền ban hành');
  await page.getByLabel('Cơ quan, tổ chức chủ quản').fill('TỔNG LĐLĐ VIỆT NAM');
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('LIÊN ĐOÀN LAO ĐỘNG\nTỈNH BÌNH ĐỊNH');
  await page.getByLabel('Số', { exact: true }).fill('17');
  await page.getByLabel('Ký hiệu').fill('QĐ-LĐLĐ');
  await page.getByLabel('Địa danh').fill('Bình Định');
  await page.getByLabel('Ngày ban hành').fill('2/3/2026');
  await page.getByLabel('Trích yếu nội dung').fill('về việc khen thưởng tập thể có thành tích xuất sắc');
  await page.getByLabel('Thẩm quyền ban hành (in đậm, chữ hoa, trên các căn cứ)').fill('BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH');
  await page.getByRole('button', { name: '+ Thêm căn cứ' }).click();
  await page.keyboard.type('Căn cứ Điều lệ Công đoàn Việt Nam');
  await page.getByRole('button', { name: '+ Thêm căn cứ' }).click();
  await page.keyboard.type('Xét đề nghị của Ban Tổ chức');
  await page.getByLabel('Đoạn văn, khối 1').fill('');
  await page.locator('#body > li.block').first().getByRole('button', { name: /^Xóa khối/ }).click();
  const articles = [['', 'Khen thưởng 05 tập thể có thành tích xuất sắc năm 2025.'], ['Kinh phí', 'Kinh phí khen thưởng trích từ quỹ khen thưởng.'],
    ['Điều 3. Tổ chức thực hiện', 'Văn phòng và các tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.']];
  for (const [title, words] of articles) {
    await body.getByRole('button', { name: 'Thêm điều', exact: true }).click();
    const li = page.locator('#body > li.block[data-kind="article"]').last();
    await li.locator('.article-title').fill(title);
    await li.locator('textarea').fill(words);
  }
  await page.getByLabel('Thẩm quyền ký (TM., Q.)').fill('TM. BAN THƯỜNG VỤ');
  await page.getByLabel('Chức vụ').fill('CHỦ TỊCH');
  await page.getByLabel('Họ và tên').fill('Lê Văn Minh');
  await page.getByLabel('Nơi nhận 1', { exact: true }).fill('Như Điều 3');
  n = await waitForPreview(page, await renders(page) - 1);
  const hint = await page.locator('#body > li.block[data-kind="article"]').last().locator('.field-hint').textContent().catch(() => '');
  check(hint.includes('Điều 3.'), 'a typed “Điều 3.” is stripped with a hint (the engine numbers the Điều)', hint);
  await page.screenshot({ path: path.join(outDir, 'quyet-dinh-1366.png') });
  const [qd] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  const qdFile = path.join(outDir, 'quyet-dinh.pdf');
  await qd.saveAs(qdFile);
  const qtext = norm(pdfText(qdFile));
  for (const s of ['QUYẾT ĐỊNH', 'BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH', 'Căn cứ Điều lệ Công đoàn Việt Nam;', 'Xét đề nghị của Ban Tổ chức.',
    'QUYẾT ĐỊNH:', 'Điều 1.', 'Khen thưởng 05 tập thể', 'Điều 2. Kinh phí', 'Điều 3. Tổ chức thực hiện', 'chịu trách nhiệm thi hành', 'TM. BAN THƯỜNG VỤ']) {
    check(qtext.includes(s), `the quyết định prints “${s}”`, qtext.slice(0, 2000));
  }
  check(!qtext.includes('Điều 3. Điều 3.'), 'no doubled “Điều 3. Điều 3.”');
  check(!qtext.includes('Kính gửi'), 'a quyết định made from a blank form has no Kính gửi');

  // Switching a letter with Kính gửi to a quyết định keeps the words visible and says so.
  await blankDocument(page, 'Công văn');
  await page.getByLabel('Kính gửi 1', { exact: true }).fill('Sở Nội vụ');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  check(await page.locator('[data-field="recipients"]').isVisible() && await page.locator('[data-field="recipients"] .unusual').isVisible(),
    'a filled Kính gửi stays visible on a quyết định, with a note (nothing hidden that would print)');
  await page.getByLabel('Loại văn bản').focus();
  await page.keyboard.press('Control+z');
  check(await page.getByLabel('Loại văn bản').inputValue() === 'cong-van' && await page.getByLabel('Kính gửi 1', { exact: true }).inputValue() === 'Sở Nội vụ',
    'Ctrl+Z undoes the change of template', await page.getByLabel('Loại văn bản').inputValue());
  check(page.errors.length === 0, 'no JavaScript errors on the page', page.errors.join('\n'));
  await context.close();
});
