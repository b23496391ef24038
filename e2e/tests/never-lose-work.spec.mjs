// Never lose work: the edits that used to make the saved workspace unreadable (names at the
// limit copied twice, ids at 2^32−1), edits to a shared plan, a workspace with one broken plan,
// and an edit made just before the page goes away. Each keeps every plan across a reload, or
// says so before anything is lost.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY, open, savedPlan, savedWorkspace, settled, showTab, typeInto } from './helpers.mjs';

const fixture = () => JSON.parse(readFileSync(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url), 'utf8'));
const LONG = '名'.repeat(200);

/** Every plan's name in the select, after a reload. */
async function namesAfterReload(page) {
  await settled(page);
  await page.reload();
  await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible();
  return page.locator('#plan-select option').allTextContents();
}

test('a plan named at the limit can be copied, shared and saved twice, and all of it reloads', async ({ page, context }) => {
  await open(page);
  await page.locator('#plan-name').fill(LONG);
  await expect.poll(async () => (await savedPlan(page)).name).toBe(LONG);
  // Duplicate twice.
  for (let i = 0; i < 2; i++) await page.locator('[data-action=duplicate-plan]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(3);
  // Share it and save a copy, twice (in another tab, as a colleague would).
  await page.locator('#plan-select').selectOption({ index: 0 });
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=share-link]').click();
  const url = await page.locator('#share-url').inputValue();
  await page.locator('dialog.modal button', { hasText: '关闭' }).click();
  const other = await context.newPage();
  for (let i = 0; i < 2; i++) {
    await other.goto(url);
    await other.locator('[data-action=save-shared]').click();
    await expect(other.locator('[data-testid=shared-banner]')).toHaveCount(0);
  }
  await expect(other.locator('#plan-select option')).toHaveCount(5);
  const names = await namesAfterReload(other);
  expect(names).toHaveLength(5);
  expect(new Set(names).size).toBe(5);
  for (const name of names) expect([...name].length).toBeLessThanOrEqual(200);
  await expect(other.locator('.notice.error')).toHaveCount(0);
  // The first tab followed, and reloads the same.
  expect(await namesAfterReload(page)).toEqual(names);
});

test('ids at 2^32−1 from a file never collide, and everything reloads', async ({ page }) => {
  await open(page);
  const plan = fixture().workspace.plans[0].plan;
  plan.name = '编号到顶的方案';
  plan.lines[0].id = 4294967295;
  plan.scenarios[0].id = 4294967295;
  await page.setInputFiles('#import-json-file', {
    name: 'ids.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan })),
  });
  await page.locator('dialog.modal [data-action=confirm-import]').click();
  await expect(page.locator('#plan-name')).toHaveValue('编号到顶的方案');
  const rows = page.locator('[data-testid=lines] tbody tr');
  const before = await rows.count();
  for (let i = 0; i < 3; i++) await page.locator('[data-action=add-line]').click();
  await rows.first().locator('[data-action=duplicate-line]').click();
  await expect(rows).toHaveCount(before + 4);
  await showTab(page, 'scenarios');
  await page.locator('[data-action=add-blank-scenario]').click();
  await page.locator('[data-action=add-blank-scenario]').click();
  const ids = (await savedPlan(page)).lines.map((l) => l.id);
  expect(new Set(ids).size).toBe(ids.length);
  await namesAfterReload(page);
  await expect(page.locator('#plan-name')).toHaveValue('编号到顶的方案');
  await showTab(page, 'budget');
  await expect(rows).toHaveCount(before + 4);
  await expect(page.locator('.notice.error')).toHaveCount(0);
});

test('changes to a shared plan are said not to be kept, leaving asks first, and a copy keeps them', async ({ page, context }) => {
  await open(page);
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=share-link]').click();
  const url = await page.locator('#share-url').inputValue();
  const b = await context.newPage();
  await b.goto(url);
  // The painted page (with its own status line) stays until the app takes over.
  await expect(b.locator('html')).toHaveAttribute('data-live', '');
  const banner = b.locator('[data-testid=shared-banner]');
  await expect(banner).toHaveAttribute('data-edited', 'false');
  await expect(b.locator('.save-status')).toHaveText('分享的方案（未保存）');
  await typeInto(b.locator('#econ-churn_pct'), '4');
  await expect(banner).toHaveAttribute('data-edited', 'true');
  await expect(banner).toContainText('这些修改还没有保存');
  await expect(b.locator('.save-status')).toHaveText('修改未保存：请保存副本');
  // Leaving asks first.
  const asked = b.waitForEvent('dialog');
  await b.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(b.isClosed()).toBe(false);
  // Saving a copy keeps the change; nothing is asked any more, and a reload shows it.
  await b.locator('[data-action=save-shared]').click();
  await expect(banner).toHaveCount(0);
  await expect(b.locator('#econ-churn_pct')).toHaveValue('4');
  await expect.poll(async () => (await savedPlan(b)).churn_pct).toBe('4');
  await b.reload();
  await expect(b.locator('#econ-churn_pct')).toHaveValue('4');
  await expect(b.locator('#plan-select option')).toHaveCount(2);
});

test('a saved workspace with one broken plan opens the others, says what was repaired and keeps the broken one', async ({ page }) => {
  const ws = fixture();
  ws.workspace.lang = 'zh-CN';
  ws.workspace.plans[1].plan.churn_pct = '500';
  ws.workspace.plans[0].plan.name = 'x'.repeat(230);
  const raw = JSON.stringify(ws);
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [STORAGE_KEY, raw]);
  await open(page);
  const notice = page.locator('[data-notice=salvaged]');
  await expect(notice).toContainText('有 1 个方案这个版本无法读取，已原样保留、不会丢失：「' + ws.workspace.plans[1].plan.name + '」');
  await expect(notice.locator('[data-testid=repairs]')).toContainText('1 个超过 200 字的名称已截短');
  await expect(page.locator('#plan-select option')).toHaveCount(1);
  // The broken plan is listed, downloadable, and the original is kept as a backup.
  await notice.locator('[data-action=show-backups]').click();
  const dialog = page.locator('dialog.modal');
  await expect(dialog.locator('[data-testid=set-aside]')).toContainText(ws.workspace.plans[1].plan.name);
  await expect(dialog.locator('[data-testid=set-aside]')).toContainText('月流失率');
  await expect(dialog.locator('[data-testid=backups] li')).toHaveCount(1);
  const pending = page.waitForEvent('download');
  await dialog.locator('[data-action=download-set-aside-0]').click();
  const file = JSON.parse(readFileSync(await (await pending).path(), 'utf8'));
  expect(file.plan.churn_pct).toBe('500');
  // The backup imports again: the good plan, with the broken one listed.
  await dialog.locator('[data-action=import-backup]').click();
  await expect(dialog.locator('[data-testid=set-aside]')).toContainText(ws.workspace.plans[1].plan.name);
  await dialog.locator('button', { hasText: '取消' }).click();
  // What is saved now is the repaired workspace with the broken plan kept aside verbatim; a
  // reload names the kept plan again (no repairs this time) and adds no backup.
  const saved = (await savedWorkspace(page)).workspace;
  expect(saved.plans).toHaveLength(1);
  expect(saved.set_aside.map((k) => k.entry.plan.churn_pct)).toEqual(['500']);
  await page.reload();
  await expect(page.locator('[data-notice=salvaged]')).toContainText(ws.workspace.plans[1].plan.name);
  await expect(page.locator('[data-notice=salvaged] [data-testid=repairs]')).toHaveCount(0);
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=backups]').click();
  await expect(dialog.locator('[data-testid=backups] li')).toHaveCount(1);
  // Discarding the kept plan is the user's choice; then a reload has nothing to say.
  await dialog.locator('[data-action=discard-set-aside-0]').click();
  await expect.poll(async () => (await savedWorkspace(page)).workspace.set_aside).toBeUndefined();
  await page.reload();
  await expect(page.locator('[data-notice=salvaged]')).toHaveCount(0);
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=backups]').click();
  await dialog.locator('[data-action=delete-backup]').click();
  await expect(dialog.locator('[data-testid=no-backups]')).toBeVisible();
});

test('unreadable data is backed up once however often the page reloads', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{ not json');
      sessionStorage.setItem('seeded', '1');
    }
  }, STORAGE_KEY);
  await open(page);
  await expect(page.locator('[data-notice=unreadable]')).toBeVisible();
  const backups = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/backup/')).length);
  await settled(page);
  expect(await backups()).toBe(1);
  for (let i = 0; i < 3; i++) {
    await settled(page);
    await page.evaluate((key) => localStorage.setItem(key, '{ not json'), STORAGE_KEY);
    await page.reload();
    await expect(page.locator('[data-notice=unreadable]')).toBeVisible();
  }
  expect(await backups()).toBe(1);
});

test('an edit made just before the page is hidden or closed is in storage afterwards', async ({ context }) => {
  const page = await context.newPage();
  await open(page);
  await settled(page);
  // Typed, then the page goes away at once: no quiet moment for the usual save.
  await page.locator('#econ-new_customers_per_month').fill('151');
  await page.close();
  const check = await context.newPage();
  await open(check);
  await expect(check.locator('#econ-new_customers_per_month')).toHaveValue('151');

  // Typed, then another page opens in the same tab.
  await check.locator('#econ-new_customers_per_month').fill('152');
  await check.goto('about:blank');
  await open(check);
  await expect(check.locator('#econ-new_customers_per_month')).toHaveValue('152');
});

test('a refused edit says why, and deleting a line that a scenario uses marks the scenario', async ({ page }) => {
  await open(page);
  // A change that needs a line, in a plan without lines: refused, with the reason.
  await page.locator('[data-action=start-blank]').click();
  await showTab(page, 'scenarios');
  await page.locator('[data-action=add-blank-scenario]').click();
  await page.locator('.scenario-editor select[id$=new-lever]').selectOption('remove_line');
  await page.locator('.scenario-editor [data-action=add-lever]').click();
  await expect(page.locator('[data-notice=refused]')).toContainText('未做修改：预算项：不能为空');
  await page.locator('#plan-select').selectOption({ index: 0 });
  await page.locator('#scenario-1-new-lever').selectOption('line_amount');
  await page.locator('.scenario-editor [data-action=add-lever]').click();
  await showTab(page, 'budget');
  await page.locator('[data-testid=lines] tbody tr').first().locator('[data-action=delete-line]').click();
  await expect(page.locator('[data-notice=levers-dangling]')).toContainText('1 项情景调整指向这个被删除的预算项');
  await showTab(page, 'scenarios');
  await expect(page.locator('[data-scenario-id="1"] [data-testid=dangling-badge]')).toBeVisible();
  await expect(page.locator('.lever[data-dangling=true]')).toHaveCount(1);
  // Its line list says the line is gone rather than showing the first line.
  await expect(page.locator('.lever[data-dangling=true] select[data-field=line]')).toHaveValue('');
  await expect(page.locator('.lever[data-dangling=true] select[data-field=line] option:checked')).toHaveText('（已删除的预算项）');
  // Undo from the notice brings the line back and the mark goes.
  await page.locator('[data-notice=levers-dangling] [data-action=undo]').click();
  await expect(page.locator('.lever[data-dangling=true]')).toHaveCount(0);
});

test('the reminder to keep a backup file comes after the first edit, once', async ({ page }) => {
  // A browser that does not promise to keep the site's data.
  await page.addInitScript(() => {
    if (navigator.storage) navigator.storage.persist = () => Promise.resolve(false);
  });
  await open(page);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-notice=backup-reminder]')).toHaveCount(0);
  await page.locator('#econ-new_customers_per_month').fill('120');
  await expect(page.locator('[data-notice=backup-reminder]')).toBeVisible();
  await page.reload();
  await page.locator('#econ-new_customers_per_month').fill('130');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-notice=backup-reminder]')).toHaveCount(0);
});

for (const [locale, word] of [['zh-CN', '已删除预算项'], ['en-US', 'Deleted line']]) {
  test(`deleting a line offers Undo beside the work until something else changes (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await open(page);
    await showTab(page, 'budget');
    const rows = page.locator('[data-testid=lines] tbody tr');
    const count = await rows.count();
    const first = await savedPlan(page).then((p) => p.lines[0].name);
    await rows.first().locator('[data-action=delete-line]').click();
    await expect(rows).toHaveCount(count - 1);
    const toast = page.locator('[data-notice=line-deleted]');
    await expect(toast).toContainText(`${word}`);
    await expect(toast).toContainText(first);
    // In the window, whatever was scrolled: at its bottom, above the summary bar.
    const box = await toast.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await toast.locator('[data-action=undo-delete]').click();
    await expect(rows).toHaveCount(count);
    await expect(toast).toHaveCount(0);
    expect((await savedPlan(page)).lines[0].name).toBe(first);
    // A later edit takes the offer away: Undo would undo that edit, not the deletion.
    await rows.first().locator('[data-action=delete-line]').click();
    await expect(toast).toBeVisible();
    await typeInto(page.locator('#econ-churn_pct'), '4');
    await expect(toast).toHaveCount(0);
    await context.close();
  });
}
