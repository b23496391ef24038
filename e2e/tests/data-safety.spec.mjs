// Data safety: every storage fault a local-first app meets, imports of every kind of bad file,
// damaged share links, two tabs at once. In each case: the user is told, and nothing is lost.
import { test, expect } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY, ccp, figure, open, savedPlan, savedWorkspace, settled, showTab, typeInto } from './helpers.mjs';

/** The format version this build writes, as the native model says. */
const CURRENT_VERSION = JSON.parse(ccp(['example', 'starter'])).version;

const raw = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

async function downloaded(page, click) {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('data from a newer version is left untouched, and the page says so', async ({ page }) => {
  const newer = JSON.stringify({ format: 'customer-cost-planner/workspace', version: 99, revision: 5, workspace: { future: true } });
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [STORAGE_KEY, newer]);
  await open(page);
  await expect(page.locator('.notice.error')).toContainText('来自更新版本');
  await typeInto(page.locator('#econ-new_customers_per_month'), '150');
  await expect(page.locator('.save-status')).toHaveText('未保存');
  expect(await raw(page)).toBe(newer);
  await page.reload();
  expect(await raw(page)).toBe(newer);
});

test('a full quota is shown within a second; the work stays and can be exported', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
    window.__quotaFull = true;
  });
  const before = await raw(page);
  const started = Date.now();
  await typeInto(page.locator('#econ-new_customers_per_month'), '150');
  await expect(page.locator('.notice.error')).toContainText('存储空间已满');
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(page.locator('.save-status')).toHaveText('未保存');
  // The edit is still on the page and in the figures.
  await expect(page.locator('#econ-new_customers_per_month')).toHaveValue('150');
  expect(Number((await figure(page, 'baseline', 'end_customers')).value)).toBeGreaterThan(1459.64);
  expect(await raw(page)).toBe(before);
  // Export offers the work as it is in memory.
  const file = await downloaded(page, () => page.locator('.notice.error [data-action=export-all]').click());
  const exported = JSON.parse(file.text);
  expect(exported.workspace.plans[0].plan.new_customers_per_month).toBe('150');
  // Space frees up: the next edit saves, and the warning goes.
  await page.evaluate(() => { window.__quotaFull = false; });
  await typeInto(page.locator('#econ-new_customers_per_month'), '160');
  await expect(page.locator('.save-status')).toHaveText('已自动保存');
  await expect.poll(async () => (await savedPlan(page)).new_customers_per_month).toBe('160');
});

test('storage that throws (a sandboxed iframe) leaves a working app that says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
  });
  const errors = await open(page);
  await expect(page.locator('.notice.error')).toContainText('不允许本页面保存数据');
  await typeInto(page.locator('#econ-new_customers_per_month'), '150');
  expect(Number((await figure(page, 'baseline', 'end_customers')).value)).toBeGreaterThan(1459.64);
  await showTab(page, 'charts');
  await expect(page.locator('[data-chart=ltv-cac] canvas')).toHaveAttribute('data-draws', /[1-9]/);
  expect(errors).toEqual([]);
});

test('a change in one tab appears in the other', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  const b = await context.newPage();
  await open(b);
  await typeInto(a.locator('#plan-name'), '来自标签页 A');
  await expect(b.locator('#plan-name')).toHaveValue('来自标签页 A');
  await expect(b.locator('.notice', { hasText: '另一个标签页' })).toBeVisible();
  await typeInto(b.locator('#econ-churn_pct'), '4');
  await expect(a.locator('#econ-churn_pct')).toHaveValue('4');
  await expect(a.locator('#plan-name')).toHaveValue('来自标签页 A');
});

/** Lets a test make a page miss other tabs' storage events (as if both typed at once). */
async function deafenable(page) {
  await page.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type !== 'storage') return add.call(this, type, listener, options);
      return add.call(this, type, (e) => { if (!window.__deaf) listener(e); }, options);
    };
  });
}

test('when both tabs changed, nothing is overwritten until the user chooses', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  const b = await context.newPage();
  await deafenable(b);
  await open(b);
  // B does not hear about A's save (as if both typed at the same moment).
  await b.evaluate(() => { window.__deaf = true; });
  await typeInto(a.locator('#plan-name'), 'A 的版本');
  await expect.poll(async () => (await savedPlan(a)).name).toBe('A 的版本');
  await typeInto(b.locator('#econ-churn_pct'), '3');
  const dialog = b.locator('dialog.modal');
  await expect(dialog).toContainText('另一个标签页也修改了这些方案');
  // Nothing of A's was overwritten.
  expect((await savedPlan(b)).name).toBe('A 的版本');
  expect((await savedPlan(b)).churn_pct).toBe('5');
  // B's version can be exported before choosing.
  const file = await downloaded(b, () => dialog.locator('[data-action=conflict-export]').click());
  expect(JSON.parse(file.text).workspace.plans[0].plan.churn_pct).toBe('3');
  await dialog.locator('[data-action=conflict-mine]').click();
  await expect(dialog).not.toBeVisible();
  await expect.poll(async () => (await savedPlan(b)).churn_pct).toBe('3');
  // A (which had no unsaved changes) follows.
  await expect(a.locator('#econ-churn_pct')).toHaveValue('3');
  const revision = (await savedWorkspace(a)).revision;
  expect(revision).toBeGreaterThan(2);
});

test('choosing the other tab’s version shows it', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  const b = await context.newPage();
  await deafenable(b);
  await open(b);
  await b.evaluate(() => { window.__deaf = true; });
  await typeInto(a.locator('#plan-name'), 'A 的版本');
  await expect.poll(async () => (await savedPlan(a)).name).toBe('A 的版本');
  await typeInto(b.locator('#econ-churn_pct'), '3');
  await b.locator('dialog.modal [data-action=conflict-theirs]').click();
  await expect(b.locator('#plan-name')).toHaveValue('A 的版本');
  await expect(b.locator('#econ-churn_pct')).toHaveValue('5');
  expect((await savedPlan(b)).name).toBe('A 的版本');
});

test('every kind of bad JSON file is refused with a message, and nothing changes', async ({ page }) => {
  await open(page);
  // A first visit saves the example after a quiet moment: compare with what was saved then.
  await settled(page);
  const before = await raw(page);
  expect(before).not.toBeNull();
  const good = JSON.parse(readFileSync(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url), 'utf8'));
  const plan = good.workspace.plans[0].plan;
  const planFile = (p) => JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan: p });
  const cases = [
    ['not json', '{ this is not json', '不是有效的 JSON'],
    ['another app', JSON.stringify({ hello: 'world' }), '不是客户管理费规划器导出的文件'],
    ['newer version', JSON.stringify({ format: 'customer-cost-planner/plan', version: 5, plan }), '更新版本'],
    ['unknown field', planFile({ ...plan, colour: 'red' }), '字段 plan.colour'],
    ['wrong type', planFile({ ...plan, horizon_months: 'twelve' }), '字段 plan.horizon_months'],
    ['out of range', planFile({ ...plan, churn_pct: '120' }), '月流失率：须在 0% 到 100% 之间'],
    ['negative amount', planFile({ ...plan, lines: [{ ...plan.lines[0], amount: '-5' }] }), '不能为负数'],
    ['too many lines', planFile({ ...plan, lines: Array.from({ length: 10001 }, (_, i) => ({ ...plan.lines[0], id: i + 1 })) }), '最多 10000 项'],
    ['fee shares over 100 %', planFile({ ...plan, fee_tiers: [1, 2, 3].map((id) => ({ id, name: `t${id}`, share_pct: '40', monthly_fee: '1' })) }), '各档客户占比合计超过 100%'],
    ['workspace without plans', JSON.stringify({ ...good, workspace: { lang: 'en', selected: 1 } }), '字段 workspace.plans'],
  ];
  for (const [what, text, message] of cases) {
    await page.setInputFiles('#import-json-file', { name: `${what}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    const dialog = page.locator('dialog.modal');
    await expect(dialog, what).toContainText('没有做任何修改');
    await expect(dialog.locator('[data-testid=import-problems]'), what).toContainText(message);
    await dialog.locator('button', { hasText: '关闭' }).click();
    await expect(dialog).not.toBeVisible();
  }
  expect(await raw(page)).toBe(before);
});

test('obvious faults in a file are repaired, said before importing, and the result saves', async ({ page }) => {
  await open(page);
  const good = JSON.parse(readFileSync(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url), 'utf8'));
  const plan = good.workspace.plans[0].plan;
  const long = '名'.repeat(205);
  const dialog = page.locator('dialog.modal');
  // A plan file with a name over the limit, imported twice: both copies keep a valid name.
  for (let i = 0; i < 2; i++) {
    await page.setInputFiles('#import-json-file', {
      name: 'long.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan: { ...plan, name: long } })),
    });
    await expect(dialog.locator('[data-testid=import-repairs]')).toContainText('1 个超过 200 字的名称已截短');
    await dialog.locator('[data-action=confirm-import]').click();
    await expect(dialog).not.toBeVisible();
  }
  const names = (await savedWorkspace(page)).workspace.plans.map((p) => p.plan.name);
  expect(names).toHaveLength(3);
  for (const name of names.slice(1)) expect([...name].length).toBeLessThanOrEqual(200);
  expect(new Set(names).size).toBe(3);
  // A workspace whose open plan does not exist: it opens the first plan instead, and says so.
  await page.setInputFiles('#import-json-file', {
    name: 'ws.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...good, workspace: { ...good.workspace, selected: 42 } })),
  });
  await expect(dialog.locator('[data-testid=import-repairs]')).toContainText('原先打开的方案已不存在');
  await dialog.locator('[data-action=confirm-import]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(5);
  // After a reload everything is still there.
  await page.reload();
  await expect(page.locator('#plan-select option')).toHaveCount(5);
});

test('plans and workspaces import after confirmation; hostile text stays text', async ({ page }) => {
  await open(page);
  const fixture = readFileSync(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url), 'utf8');
  const plan = JSON.parse(fixture).workspace.plans[1].plan;
  plan.name = '<img src=x onerror="window.__pwned=1">';
  await page.setInputFiles('#import-json-file', {
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan })),
  });
  const dialog = page.locator('dialog.modal');
  await expect(dialog).toContainText('<img src=x onerror="window.__pwned=1">');
  // Cancelling changes nothing.
  await dialog.locator('button', { hasText: '取消' }).click();
  expect((await savedWorkspace(page)).workspace.plans).toHaveLength(1);
  await page.setInputFiles('#import-json-file', {
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan })),
  });
  await dialog.locator('[data-action=confirm-import]').click();
  await expect(page.locator('#plan-name')).toHaveValue('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src=x]').count()).toBe(0);
  await expect(page.locator('#plan-select option')).toHaveCount(2);

  // A whole workspace: add all, then replace (and undo the replacement).
  await page.setInputFiles('#import-json-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(fixture) });
  await dialog.locator('[data-action=confirm-import]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(4);
  await page.setInputFiles('#import-json-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(fixture) });
  await dialog.locator('[data-action=confirm-replace]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(2);
  await page.locator('[data-action=undo]').click();
  await expect(page.locator('#plan-select option')).toHaveCount(4);
});

test('exported files: a plan, everything, lines CSV (with formulas neutralised), comparison CSV', async ({ page }) => {
  await open(page);
  const rows = page.locator('[data-testid=lines] tbody tr');
  await typeInto(rows.first().locator('[data-field=name]'), '=HYPERLINK("http://x","点我")');
  await page.locator('[data-action=file-menu]').click();
  const plan = await downloaded(page, () => page.locator('[data-action=export-plan]').click());
  expect(plan.name).toBe('示例-入门方案.ccp.json');
  expect(JSON.parse(plan.text).plan.lines[0].name).toBe('=HYPERLINK("http://x","点我")');

  const csv = await downloaded(page, () => page.locator('[data-action=export-lines-csv]').click());
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  expect(csv.text).toContain('名称,类别,阶段,计费方式,发生月份,金额,起始月份,结束月份\r\n');
  expect(csv.text).toContain('"\'=HYPERLINK(""http://x"",""点我"")",营销成本,客户获取,每月,,30000,,\r\n');

  await showTab(page, 'compare');
  const comparison = await downloaded(page, () => page.locator('[data-action=export-comparison-csv]').click());
  expect(comparison.text.charCodeAt(0)).toBe(0xfeff);
  expect(comparison.text).toMatch(/客户管理成本总额,total_cost,832334\.20833,/);
  expect(comparison.text.trim().split('\r\n')).toHaveLength(32);

  // The lines CSV reads back into the same lines.
  await showTab(page, 'budget');
  const before = (await savedPlan(page)).lines;
  await page.setInputFiles('#import-csv-file', { name: 'lines.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.text) });
  const dialog = page.locator('dialog.modal');
  await expect(dialog).toContainText('读取到 6 个预算项');
  await dialog.locator('[data-action=confirm-replace-lines]').click();
  const after = (await savedPlan(page)).lines;
  expect(after.map(({ id, ...rest }) => rest)).toEqual(before.map(({ id, ...rest }) => rest));
});

test('a CSV with problems lists them by row and column and changes nothing', async ({ page }) => {
  await open(page);
  await settled(page);
  const before = await raw(page);
  const csv = '\ufeffName,Category,Stage,Basis,Month,Amount\r\nPromo,Marketing,Acquisition,Per new customer,,"¥1,200"\r\nFair,Marketing,Acquisition,One-time,,1.2万\r\nBad,Sales,Acquisition,Monthly,,12\r\nNeg,Marketing,Acquisition,Monthly,,-3\r\n';
  await page.setInputFiles('#import-csv-file', { name: 'lines.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const problems = page.locator('dialog.modal [data-testid=import-problems] li');
  await expect(problems).toHaveText([
    '第 3 行“发生月份”列：一次性费用需要填写发生月份',
    '第 4 行“类别”列：无法识别的类别 “Sales”',
    '第 5 行“金额”列：不能为负数',
  ]);
  await page.locator('dialog.modal button', { hasText: '关闭' }).click();
  expect(await raw(page)).toBe(before);
  // Fixed, it imports: 1.2万 and ¥1,200 go through the parser.
  const fixed = csv.replace('One-time,,', 'One-time,3,').replace('Sales', 'Marketing').replace('-3', '3');
  await page.setInputFiles('#import-csv-file', { name: 'lines.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.locator('dialog.modal [data-action=confirm-append-lines]').click();
  await expect(page.locator('[data-testid=lines] tbody tr')).toHaveCount(10);
  const lines = (await savedPlan(page)).lines;
  expect(lines.slice(6).map((l) => [l.name, l.amount])).toEqual([['Promo', '1200'], ['Fair', '12000'], ['Bad', '12'], ['Neg', '3']]);
});

test('a share link opens the plan without touching saved plans; a copy can be saved', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  await typeInto(a.locator('#plan-name'), '分享给同事');
  await a.locator('[data-action=file-menu]').click();
  await a.locator('[data-action=share-link]').click();
  const url = await a.locator('#share-url').inputValue();
  expect(url).toMatch(/\/some\/sub\/path\/#plan=1\.[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(2000);

  const b = await context.newPage();
  await b.goto(url);
  await expect(b.locator('html')).toHaveAttribute('data-live', '');
  await expect(b.locator('[data-testid=shared-banner]')).toContainText('分享给同事');
  const before = await raw(b);
  // The shared plan computes like the original.
  expect((await figure(b, 'baseline', 'total_cost')).value).toBe((await figure(a, 'baseline', 'total_cost')).value);
  await typeInto(b.locator('#econ-churn_pct'), '4');
  expect(await raw(b)).toBe(before);
  await b.locator('[data-action=save-shared]').click();
  await expect(b.locator('[data-testid=shared-banner]')).toHaveCount(0);
  await expect(b.locator('#plan-select option')).toHaveCount(2);
  expect(b.url()).not.toContain('#plan=');
  const saved = await savedPlan(b);
  expect(saved.name).toBe('分享给同事 (2)');
  expect(saved.churn_pct).toBe('4');
});

test('a damaged or hostile link gives a clear message and changes nothing', async ({ page, context }) => {
  await open(page);
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=share-link]').click();
  const url = await page.locator('#share-url').inputValue();
  await settled(page);
  const before = await raw(page);
  const fragment = url.split('#')[1];
  const links = [
    [`#${fragment.slice(0, fragment.length - 40)}`, '链接已损坏'],
    ['#plan=1.!!!!', '编码无效'],
    ['#plan=7.abc', '无法识别'],
    ['#plan=1.' + 'A'.repeat(5000), '链接已损坏'],
    // A decompression bomb: 64 MiB of spaces in 64 KB; the browser's DecompressionStream is
    // stopped at 2 MiB.
    [`#plan=1.${deflateRawSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 }).toString('base64url')}`, '链接已损坏'],
  ];
  for (const [hash, message] of links) {
    const tab = await context.newPage();
    await tab.goto(`./${hash}`);
    await expect(tab.locator('.notice.error')).toContainText(message);
    await expect(tab.locator('[data-testid=shared-banner]')).toHaveCount(0);
    await expect(tab.locator('#plan-name')).toHaveValue('示例：入门方案');
    expect(await raw(tab)).toBe(before);
    await tab.close();
  }
});

// Issue 17: updates and old tabs never drop a plan.

test('a plan another tab stored with a field this build does not know is kept, named, and saved again', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  await settled(a);
  const b = await context.newPage();
  await open(b);
  // "Another tab" (a newer build of the same format version) stores a second plan with a field
  // this build does not know.
  await b.evaluate((key) => {
    const env = JSON.parse(localStorage.getItem(key));
    const extra = JSON.parse(JSON.stringify(env.workspace.plans[0]));
    extra.id = 7;
    delete extra.example;
    extra.plan.name = '新版本的方案';
    extra.plan.growth_pct = '3';
    env.workspace.plans.push(extra);
    env.revision += 1;
    localStorage.setItem(key, JSON.stringify(env));
  }, STORAGE_KEY);
  // The tab that heard it names the plan it cannot read.
  const notice = a.locator('.notice[data-notice=salvaged]');
  await expect(notice).toContainText('新版本的方案');
  // An edit here, and its save: the plan is still stored, verbatim.
  await typeInto(a.locator('#econ-churn_pct'), '4');
  await expect(a.locator('.save-status')).toHaveText('已自动保存');
  const stored = await savedWorkspace(a);
  expect(stored.workspace.plans[0].plan.churn_pct).toBe('4');
  const kept = stored.workspace.set_aside ?? [];
  expect(kept.map((k) => k.entry.plan.name)).toEqual(['新版本的方案']);
  expect(kept[0].entry.plan.growth_pct).toBe('3');
  // File → Backups lists it, and the repair leaves out only the field it does not know.
  await notice.locator('[data-action=show-backups]').click();
  const dialog = a.locator('dialog.modal');
  await expect(dialog.locator('[data-set-aside]')).toContainText('新版本的方案');
  await expect(dialog.locator('[data-set-aside]')).toContainText('growth_pct');
  await dialog.locator('[data-action=repair-set-aside-0]').click();
  await expect(a.locator('#plan-name')).toHaveValue('新版本的方案');
  await settled(a);
  const after = await savedWorkspace(a);
  expect(after.workspace.set_aside).toBeUndefined();
  expect(after.workspace.plans.map((p) => p.plan.name)).toContain('新版本的方案');
});

test('a workspace of a newer format version is never written over, and the page offers a reload and an export', async ({ context }) => {
  const a = await context.newPage();
  await open(a);
  await settled(a);
  const newer = await a.evaluate((key) => {
    const env = JSON.parse(localStorage.getItem(key));
    env.version += 1;
    env.revision += 1;
    env.workspace.future = { anything: true };
    return JSON.stringify(env);
  }, STORAGE_KEY);
  const b = await context.newPage();
  await open(b);
  await b.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, newer]);
  const notice = a.locator('.notice[data-notice=newer]');
  await expect(notice).toContainText('重新加载');
  await typeInto(a.locator('#econ-churn_pct'), '6');
  await expect(a.locator('.save-status')).toHaveText('未保存');
  // A hidden page saves at once: still nothing written.
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await raw(a)).toBe(newer);
  // This tab's work leaves as a file; the newer data stays as it is.
  const file = await downloaded(a, () => notice.locator('[data-action=export-all]').click());
  expect(JSON.parse(file.text).workspace.plans[0].plan.churn_pct).toBe('6');
  await expect(notice.locator('[data-action=reload]')).toBeVisible();
  expect(await raw(b)).toBe(newer);
});

test('a version 1 workspace opens as it is, and is kept as a backup before the first save in the current version', async ({ page }) => {
  const v1 = readFileSync(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url), 'utf8');
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [STORAGE_KEY, v1]);
  await open(page);
  expect(await raw(page)).toBe(v1);
  await typeInto(page.locator('#econ-churn_pct'), '6');
  const saved = await savedWorkspace(page);
  expect(saved.version).toBe(CURRENT_VERSION);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/backup/')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual([v1]);
});

test('stored data too large to keep as a backup is never written over until it is downloaded and the user goes on', async ({ page }) => {
  const huge = `{not json ${'x'.repeat(2_100_000)}`;
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('customer-cost-planner/backup/1700000000000-00000000000000aa', '{"older":true}');
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [STORAGE_KEY, huge]);
  await open(page);
  const notice = page.locator('.notice[data-notice=save-failed]');
  await expect(notice).toContainText('放不进备份区');
  expect((await raw(page)).length).toBe(huge.length);
  // The older backup is still there: the new one was refused, it evicted nothing.
  expect(await page.evaluate(() => localStorage.getItem('customer-cost-planner/backup/1700000000000-00000000000000aa'))).toBe('{"older":true}');
  const file = await downloaded(page, () => notice.locator('[data-action=download-stored]').click());
  expect(file.text.length).toBe(huge.length);
  await notice.locator('[data-action=save-without-backup]').click();
  await expect(page.locator('.save-status')).toHaveText('已自动保存');
  expect((await savedWorkspace(page)).version).toBe(CURRENT_VERSION);
});
