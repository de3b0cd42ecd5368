// Tables in the web form: a 5×4 table pasted from a TSV clipboard (Excel, LibreOffice
// Calc, Google Sheets copy this) and an HTML table (Word, Excel's HTML flavour with raw
// values) become grids; numbers written the Vietnamese way (28.450, 98,5) are read
// exactly — the saved file holds 28450 and 98.5, the PDF prints 28.450 and 98,5; a
// table pasted into a paragraph becomes a table, not one run-on paragraph.
//
//   node form-tables.test.js BUILD/vanban OUT_DIR
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { check, run, openPage, waitForPreview, renders, pdfText, paste, blankDocument } = require('./lib');

const TSV = [
  'Đơn vị\tĐoàn viên\tTỷ lệ (%)\tGhi chú',
  'LĐLĐ quận Ba Đình\t28.450\t98,5\tđủ',
  'LĐLĐ quận Hoàn Kiếm\t12.003\t87,25\t"có ""ghi chú"""',
  'LĐLĐ huyện Sóc Sơn\t1.234.567\t100\t',
  'Tổng cộng\t1.275.020\t95,25\t',
].join('\r\n') + '\r\n';

const HTML = `<html><body><!--StartFragment--><table>
<thead><tr><th>Chỉ tiêu</th><th>Năm 2024</th><th>Năm 2025</th></tr></thead>
<tbody>
<tr><td>Công đoàn cơ sở</td><td x:num="1520">1,520</td><td data-sheets-value='{"1":3,"3":1604.5}'>1.604,5</td></tr>
<tr><td rowspan="2">Đoàn viên mới</td><td>300</td><td>410</td></tr>
<tr><td colspan="2">chưa có số liệu</td></tr>
</tbody></table><!--EndFragment--></body></html>`;

async function fillBasics(page) {
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI');
  await page.getByLabel('Ký hiệu').fill('BC-LĐLĐ');
  await page.getByLabel('Địa danh').fill('Hà Nội');
  await page.getByLabel('Trích yếu nội dung').fill('kết quả phát triển đoàn viên năm 2025');
  await page.getByLabel('Đoạn văn, khối 1').fill('Liên đoàn Lao động Thành phố báo cáo kết quả như sau:');
  await page.getByLabel('Chức vụ').fill('CHỦ TỊCH');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
}

run('form-tables.test.js', async ({ browser, url, outDir }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await openPage(context, url);
  await blankDocument(page, 'Báo cáo');
  await fillBasics(page);
  const body = page.locator('#body-section');

  // 1. TSV into the first cell of a new table: 5 rows × 4 columns of data.
  await body.getByRole('button', { name: 'Thêm bảng', exact: true }).click();
  const t1 = page.locator('#body > li.block[data-kind="table"]').nth(0);
  await paste(t1.getByLabel('Ô dòng 1, cột 1'), { 'text/plain': TSV });
  const grid1 = await t1.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('input.cell')).map((i) => i.value)));
  check(grid1.length === 5 && grid1.every((r) => r.length === 4), 'a 5×4 TSV clipboard becomes 5 rows of 4 cells', JSON.stringify(grid1));
  check(grid1[2][3] === 'có "ghi chú"', 'a quoted TSV cell loses its quotes and keeps its inner quotes', grid1[2][3]);
  check(grid1[0][1] === 'Đoàn viên' && grid1[3][1] === '1.234.567', 'cells keep their text', JSON.stringify(grid1[3]));
  const numClass = await t1.getByLabel('Ô dòng 2, cột 2').evaluate((e) => e.classList.contains('num'));
  check(numClass, '28.450 is recognised as a number');
  const aligns = await t1.locator('.col-align').evaluateAll((s) => s.map((x) => x.value));
  check(aligns[0] === 'left', 'a column of words stays left-aligned', aligns.join(','));
  // Make row 1 the column titles by pasting it into the title row instead: undo, then paste there.
  await page.keyboard.press('Escape');
  await t1.getByLabel('Tiêu đề cột 1').click();
  await page.keyboard.press('Control+z');
  const afterUndo = await t1.locator('tbody tr').count();
  check(afterUndo === 2, 'Ctrl+Z undoes the paste (back to the 2 empty rows)', String(afterUndo));
  await paste(t1.getByLabel('Tiêu đề cột 1'), { 'text/plain': TSV });
  const titles = await t1.locator('.col-title').evaluateAll((e) => e.map((x) => x.value));
  check(JSON.stringify(titles) === JSON.stringify(['Đơn vị', 'Đoàn viên', 'Tỷ lệ (%)', 'Ghi chú']), 'pasted into the title row, the first row gives the column titles', titles.join('|'));
  const rows1 = await t1.locator('tbody tr').count();
  check(rows1 === 4, 'and the other 4 rows are the data', String(rows1));
  const aligns2 = await t1.locator('.col-align').evaluateAll((s) => s.map((x) => x.value));
  check(aligns2[1] === 'right' && aligns2[2] === 'right', 'columns of numbers are right-aligned', aligns2.join(','));
  await t1.locator('.total-row').check();

  // 2. An HTML table (Word / Excel / Google Sheets) with raw values and spans.
  await body.getByRole('button', { name: 'Thêm bảng', exact: true }).click();
  const t2 = page.locator('#body > li.block[data-kind="table"]').nth(1);
  await paste(t2.getByLabel('Tiêu đề cột 1'), { 'text/html': HTML, 'text/plain': 'ignored' });
  const titles2 = await t2.locator('.col-title').evaluateAll((e) => e.map((x) => x.value));
  const grid2 = await t2.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('input.cell')).map((i) => i.value)));
  check(JSON.stringify(titles2) === JSON.stringify(['Chỉ tiêu', 'Năm 2024', 'Năm 2025']), 'the HTML table\'s header gives the titles', titles2.join('|'));
  check(JSON.stringify(grid2) === JSON.stringify([['Công đoàn cơ sở', '1.520', '1.604,5'], ['Đoàn viên mới', '300', '410'], ['', 'chưa có số liệu', '']]),
    'HTML cells, spans filled with blanks; an English "1,520" confirmed by Excel\'s raw value becomes 1.520', JSON.stringify(grid2));

  // 3. A table pasted into a paragraph becomes a table block.
  await body.getByRole('button', { name: '+ Đoạn văn' }).click();
  const blocksBefore = await page.locator('#body > li.block').count();
  await paste(page.locator('#body > li.block').last().locator('textarea'), { 'text/plain': 'A\tB\n1\t2\n' });
  const kinds = await page.locator('#body > li.block').evaluateAll((l) => l.map((x) => x.dataset.kind));
  check(kinds.length === blocksBefore && kinds[kinds.length - 1] === 'table', 'a table pasted into an empty paragraph replaces it with a table', kinds.join(','));
  await page.locator('#body > li.block').last().getByRole('button', { name: /^Xóa khối/ }).click();

  // 4. Typed numbers: shown as the PDF prints them; the file keeps them exactly.
  const cell = t2.getByLabel('Ô dòng 2, cột 2');
  await cell.fill('28450');
  await cell.blur();
  check(await cell.inputValue() === '28.450', 'a typed 28450 is shown as 28.450', await cell.inputValue());
  await t2.getByLabel('Ô dòng 2, cột 3').fill('98,50');
  await t2.getByLabel('Ô dòng 3, cột 1').fill("'2026");
  let n = await renders(page);
  n = await waitForPreview(page, n);
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu tệp' }).click()]);
  const savedFile = path.join(outDir, 'tables.json');
  await saved.saveAs(savedFile);
  const json = fs.readFileSync(savedFile, 'utf8');
  check(/\[\s*"LĐLĐ quận Ba Đình",\s*28450,\s*98\.5,\s*"đủ"\s*\]/.test(json), 'the file holds 28450 and 98.5 as numbers', json.slice(0, 1500));
  check(/1234567,/.test(json) && /1604\.5/.test(json), '1.234.567 and 1.604,5 are read exactly');
  check(/98\.50/.test(json), '98,50 keeps its written decimals (98.50)');
  check(/"2026"/.test(json), "an apostrophe keeps '2026 as the text 2026");
  check(/"total_row": true/.test(json), 'the total row is in the file');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  const pdfFile = path.join(outDir, 'tables.pdf');
  await pdf.saveAs(pdfFile);
  const text = pdfText(pdfFile);
  for (const s of ['28.450', '98,5', '1.234.567', '87,25', '12.003', '1.604,5', '98,50', '2026', 'có "ghi chú"', 'Tỷ lệ (%)', 'chưa có số liệu']) {
    check(text.includes(s), `the PDF prints “${s}”`, text.slice(0, 2500));
  }
  check(!text.includes('2.026'), "'2026 is not printed as the number 2.026");
  await page.locator('#body-section').screenshot({ path: path.join(outDir, 'tables-editor.png') });
  check(page.errors.length === 0, 'no JavaScript errors on the page', page.errors.join('\n'));
  await context.close();
});
