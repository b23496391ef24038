// Keeping the work: every change saved without asking; a reload brings back the selected plan,
// its scenarios and the language; several plans; deletion with a way back; undo and redo.
import { test, expect } from '@playwright/test';
import { STORAGE_KEY, figure, open, savedPlan, savedWorkspace, showTab, typeInto } from './helpers.mjs';

test('a reload brings back plans, the open plan, scenarios and the language', async ({ page }) => {
  await open(page);
  await typeInto(page.locator('#plan-name'), '2027 预算');
  await page.locator('[data-action=new-menu]').click();
  await page.locator('[data-action=new-example-saas]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(2);
  await showTab(page, 'scenarios');
  await page.locator('[data-action=add-preset-service_quality]').click();
  await page.locator('#lang-select').selectOption('en');
  await expect(page.locator('h1')).toHaveText('Customer Cost Planner');
  const before = await figure(page, 's6', 'net_contribution');

  await page.reload();
  // The first screen is painted from the snapshot at once; the app then takes over.
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await expect(page.locator('h1')).toHaveText('Customer Cost Planner');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#plan-select')).toHaveValue('2');
  await expect(page.locator('#plan-select option')).toHaveText(['2027 预算', '示例：订阅制软件企业']);
  expect(await figure(page, 's6', 'net_contribution')).toEqual(before);
  await page.locator('#plan-select').selectOption('1');
  await expect(page.locator('#plan-name')).toHaveValue('2027 预算');
  await page.reload();
  await expect(page.locator('#plan-name')).toHaveValue('2027 预算');
});

test('plans: create blank, duplicate, delete and restore', async ({ page }) => {
  await open(page);
  await expect(page.locator('[data-testid=example-banner]')).toBeVisible();
  await page.locator('[data-action=start-blank]').click();
  await expect(page.locator('[data-testid=example-banner]')).toHaveCount(0);
  await expect(page.locator('[data-testid=lines] tbody tr')).toHaveCount(0);
  await expect(page.locator('#plan-name')).toHaveValue('新方案');
  // A blank plan: figures without customers are undefined with a reason, never zero.
  expect(await figure(page, 'baseline', 'cac')).toMatchObject({ value: '', reason: 'no_new_customers' });
  await page.locator('[data-action=duplicate-plan]').click();
  await expect(page.locator('#plan-name')).toHaveValue('新方案 副本');
  await page.locator('[data-action=delete-plan]').click();
  await expect(page.locator('.notice', { hasText: '已删除方案' })).toContainText('已删除方案「新方案 副本」');
  await expect(page.locator('#plan-select option')).toHaveCount(2);
  await page.locator('[data-action=restore-plan]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(3);
  await expect(page.locator('#plan-name')).toHaveValue('新方案 副本');
  const ws = (await savedWorkspace(page)).workspace;
  expect(ws.trash).toHaveLength(0);
});

test('undo and redo with buttons and keys', async ({ page }) => {
  await open(page);
  const rows = page.locator('[data-testid=lines] tbody tr');
  await rows.first().locator('[data-action=delete-line]').click();
  await expect(rows).toHaveCount(5);
  await typeInto(page.locator('#econ-new_customers_per_month'), '150');
  await expect.poll(async () => (await savedPlan(page)).new_customers_per_month).toBe('150');
  await page.locator('[data-action=undo]').click();
  await expect(page.locator('#econ-new_customers_per_month')).toHaveValue('100');
  await page.locator('body').press('Control+z');
  await expect(rows).toHaveCount(6);
  await page.locator('body').press('Control+Shift+z');
  await expect(rows).toHaveCount(5);
  await page.locator('[data-action=redo]').click();
  await expect(page.locator('#econ-new_customers_per_month')).toHaveValue('150');
  await expect(page.locator('[data-action=redo]')).toBeDisabled();
});

test('saved data that cannot be read is kept, not overwritten', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"format":"customer-cost-planner/workspace","version":1,"workspace":{broken');
      sessionStorage.setItem('seeded', '1');
    }
  }, STORAGE_KEY);
  await open(page);
  await expect(page.locator('.notice.error')).toContainText('已保存的数据无法读取');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('customer-cost-planner/backup/')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"format":"customer-cost-planner/workspace","version":1,"workspace":{broken']);
  const download = page.waitForEvent('download');
  await page.locator('[data-action=download-backup]').click();
  expect((await download).suggestedFilename()).toBe('customer-cost-planner-backup.json');
});
