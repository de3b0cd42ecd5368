// The web form at every width and speed: at 390×844 (a phone) one column with no
// horizontal scroll, even with a wide table; the controls have accessible Vietnamese
// names; the preview appears within 500 ms after the clerk stops typing (measured here,
// from the last keystroke to the new PDF in the frame); the preview stays on the page
// the clerk chose after an update.
//
//   node form-layout.test.js BUILD/vanban OUT_DIR
'use strict';

const path = require('node:path');
const { check, run, openPage, waitForPreview, renders, paste } = require('./lib');

run('form-layout.test.js', async ({ browser, url, outDir }) => {
  // ---------- a phone ----------
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await openPage(phone, url);
  for (const name of ['Thêm bảng', 'Thêm phụ lục', 'Xem trước', 'Tải PDF', 'Tải DOCX']) {
    check(await page.getByRole('button', { name, exact: true }).count() >= 1, `a button named “${name}”`);
  }
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  check(await page.getByRole('button', { name: 'Thêm điều', exact: true }).count() >= 1, 'a quyết định has a button named “Thêm điều”');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Báo cáo' });
  await page.locator('#body-section').getByRole('button', { name: 'Thêm bảng', exact: true }).click();
  const wide = ['STT\tĐơn vị\tĐoàn viên\tNữ\tDân tộc\tTôn giáo\tGhi chú', '1\tLiên đoàn Lao động thành phố Quy Nhơn\t28.450\t12.000\t300\t45\tđủ'].join('\n');
  await paste(page.locator('#body > li.block[data-kind="table"] .col-title').first(), { 'text/plain': wide });
  await waitForPreview(page, await renders(page) - 1);
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth,
    preview: document.querySelector('#preview').getBoundingClientRect().width,
    formRight: document.querySelector('#form').getBoundingClientRect().right,
  }));
  check(widths.doc <= widths.inner && widths.body <= widths.inner, 'no horizontal scroll at 390 px, even with a 7-column table', JSON.stringify(widths));
  check(widths.preview >= 370, 'the preview is as wide as the screen (one column)', JSON.stringify(widths));
  check(widths.formRight <= 390, 'the form fits the screen', JSON.stringify(widths));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, 'form-390x844.png') });
  await page.locator('#body-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, 'form-390x844-table.png') });
  check(page.errors.length === 0, 'no JavaScript errors on the phone', page.errors.join('\n'));
  await phone.close();

  // ---------- speed: last keystroke → new preview ----------
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const p2 = await openPage(desk, url);
  const subject = p2.getByLabel('Trích yếu nội dung');
  // The page's own clock: from the last input event to the new PDF set in the frame
  // (the test's polling adds its own delay, printed beside it).
  const times = [];
  const walls = [];
  for (let i = 0; i < 5; i += 1) {
    const before = await renders(p2);
    await subject.click();
    await subject.press('End');
    await p2.keyboard.type(` lần ${i + 1}`, { delay: 40 });
    const typedAt = Date.now();
    await waitForPreview(p2, before);
    walls.push(Date.now() - typedAt);
    times.push(Number(await p2.locator('#preview').getAttribute('data-latency')));
    console.log(`     ${await p2.locator('#preview').getAttribute('data-timing')}`);
  }
  times.sort((a, b) => a - b);
  console.log(`     preview after the last keystroke: ${times.join(', ')} ms (seen by the test: ${walls.join(', ')} ms)`);
  check(times[2] <= 500, 'the preview appears ≤ 500 ms after typing stops (median of 5)', times.join(', '));
  check(times[4] <= 1500, 'and never later than 1.5 s (a loaded CI machine)', times.join(', '));

  // ---------- the preview keeps its page ----------
  await p2.getByLabel('Loại văn bản').selectOption({ label: 'Báo cáo' });
  await p2.getByRole('button', { name: 'Thêm phụ lục' }).click();
  let n = await waitForPreview(p2, await renders(p2) - 1);
  check(await p2.locator('#pager').isVisible(), 'a two-page document shows the page buttons');
  await p2.getByRole('button', { name: 'Trang sau' }).click();
  await p2.getByLabel('Trích yếu nội dung').press('End');
  await p2.keyboard.type(' và phụ lục');
  n = await waitForPreview(p2, n);
  const src = await p2.locator('#preview').getAttribute('src');
  check(/#page=2/.test(src), 'after an update the preview opens on the page the clerk was on', src);
  check((await p2.locator('#page-no').textContent()).includes('2/'), 'the page number says 2', await p2.locator('#page-no').textContent());
  check(p2.errors.length === 0, 'no JavaScript errors on the desktop page', p2.errors.join('\n'));
  await desk.close();
});
