// The client report on paper: print media at the width of an A4 page less its margins (186 mm,
// 703 CSS px), in both languages. Every group of the comparison open, no control printed,
// nothing wider than the page, no figure broken over two lines, headers broken only between
// words; then Chrome's own PDF of it, A4, in few pages. The PDF's pages are saved as artifacts.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { open } from './helpers.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });
const PAGE_WIDTH = 703;

for (const locale of ['zh-CN', 'en-US']) {
  test(`the client report prints on A4 with every group open and nothing broken (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await open(page);
    await page.locator('[data-action=file-menu]').click();
    await page.locator('[data-action=report]').click();
    const report = page.locator('[data-testid=report]');
    await expect(report.locator('.chart canvas').first()).toHaveAttribute('data-draws', /[1-9]/);
    // A group closed on screen still prints.
    await report.locator('[data-action=toggle-fees]').click();
    await page.setViewportSize({ width: PAGE_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await expect(report.locator('.report-tools')).toBeHidden();
    const rows = report.locator('[data-testid=comparison] tr[data-metric-row]');
    expect(await rows.count()).toBeGreaterThan(30);
    for (const row of await rows.all()) await expect(row).toBeVisible();
    // Every scenario's column is there.
    await expect(report.locator('[data-testid=comparison] thead th[data-scenario]')).toHaveCount(6);
    const problems = await page.evaluate((width) => {
      const shown = (e) => e.getClientRects().length > 0 && e.checkVisibility({ visibilityProperty: true });
      const out = [];
      for (const e of document.querySelectorAll('button:not(.term-button):not(.group-toggle), select, summary, input, textarea')) {
        if (shown(e)) out.push(`control: ${e.outerHTML.slice(0, 60)}`);
      }
      for (const e of document.querySelectorAll('.report *')) {
        const r = e.getBoundingClientRect();
        if (shown(e) && r.right > width + 0.5) out.push(`wider than the page: ${e.tagName}.${e.className} ${Math.round(r.right)}`);
      }
      // A figure is one line box; a part of a change is never split.
      for (const e of document.querySelectorAll('.report td.figure .value, .report .subtotal .value')) {
        if (shown(e) && e.getClientRects().length > 1) out.push(`figure broken: ${e.textContent}`);
      }
      for (const e of document.querySelectorAll('.report th')) {
        if (shown(e) && e.scrollWidth > e.clientWidth + 1) out.push(`header overflows: ${e.textContent}`);
      }
      return out;
    }, PAGE_WIDTH);
    expect(problems).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    writeFileSync(`${ARTIFACTS}/report-${locale}.pdf`, pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(5);
    await context.close();
  });
}
