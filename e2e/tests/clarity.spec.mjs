// Input that is never misread (issue 9): a percent typed as a decimal is asked about before it
// is used, Excel's GBK CSV imports exactly, and a new lever changes no figure until it is set.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STORAGE_KEY, figure, modelReport, open, savedPlan, showTab, typeInto } from './helpers.mjs';

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/workspace-v1.json', import.meta.url));

/** A saved workspace whose plan has `n` monthly lines. */
function workspaceWithLines(n) {
  const env = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const plan = env.workspace.plans[0].plan;
  plan.lines = Array.from({ length: n }, (_, i) => ({
    id: i + 1, name: `Line ${i + 1}`, category: 'marketing', stage: 'acquisition', amount: String(1000 + i), basis: { kind: 'monthly' },
  }));
  env.workspace.plans = [env.workspace.plans[0]];
  env.workspace.selected = env.workspace.plans[0].id;
  return JSON.stringify(env);
}

/** An encoder to GBK built from the browser-independent decoder in Node (full ICU). */
function gbkEncoder() {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a character in GBK.
      }
    }
  }
  return (text) => {
    const bytes = [];
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else if (table.has(ch)) bytes.push(...table.get(ch));
      else throw new Error(`no GBK for ${ch}`);
    }
    return Buffer.from(bytes);
  };
}

for (const lang of ['zh-CN', 'en']) {
  test.describe(lang, () => {
    test.use({ locale: lang });
    const zh = lang === 'zh-CN';

    test('a percent typed as a decimal is asked about, and nothing is used until answered', async ({ page }) => {
      await open(page);
      const before = await figure(page, 'baseline', 'ltv_cac');
      const churn = page.locator('#econ-churn_pct');
      await typeInto(churn, '0.025');
      const ask = page.locator('[data-testid=percent-ask]');
      await expect(ask).toBeVisible();
      await expect(ask).toHaveAttribute('data-value', '2.5');
      await expect(ask).toContainText(zh ? '0.025 是指 2.5% 吗？' : 'Did you mean 2.5 %?');
      // Neither reading is in force while the question is open.
      expect((await figure(page, 'baseline', 'ltv_cac')).value).toBe(before.value);
      expect((await savedPlan(page)).churn_pct).toBe('5');
      await ask.locator('[data-action=use-percent]').click();
      await expect(ask).toHaveCount(0);
      await expect(churn).toHaveValue('2.5%');
      await expect.poll(async () => (await savedPlan(page)).churn_pct).toBe('2.5');
      const report = modelReport(await savedPlan(page));
      await expect(page.locator('[data-testid=headline] td[data-scenario=baseline][data-metric=ltv_cac]'))
        .toHaveAttribute('data-value', report.scenarios[0].figures.ltv_cac.value);

      // "Keep" takes the number as typed, as a percent; a `%` typed by the user is never asked.
      const margin = page.locator('#econ-gross_margin_pct');
      await typeInto(margin, '0.35');
      await page.locator('#econ-gross_margin_pct-error [data-action=keep-typed]').click();
      await expect(margin).toHaveValue('0.35%');
      await expect.poll(async () => (await savedPlan(page)).gross_margin_pct).toBe('0.35');
      await typeInto(margin, '0.5%');
      await expect(page.locator('[data-testid=percent-ask]')).toHaveCount(0);
      await expect.poll(async () => (await savedPlan(page)).gross_margin_pct).toBe('0.5');
      // A lever's signed change is asked about too: −0.2 is −20 %.
      await showTab(page, 'scenarios');
      const pct = page.locator('.scenario-editor .lever').first().locator('[data-field=pct]');
      await typeInto(pct, '-0.2');
      await expect(page.locator('.scenario-editor [data-testid=percent-ask]')).toHaveAttribute('data-value', '-20');
      await page.locator('.scenario-editor [data-action=use-percent]').click();
      await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers[0].pct).toBe('-20');
    });

    test('a new lever changes no figure; each lever says what it did; overrides are flagged', async ({ page }) => {
      await open(page);
      await showTab(page, 'scenarios');
      const editor = page.locator('.scenario-editor');
      const first = editor.locator('.lever').first();
      // −10 % marketing over the 12-month plan: 30,000 a month and a 60,000 trade show → 378,000.
      await expect(first.locator('[data-testid=lever-effect]')).toHaveText(
        zh ? '营销成本：¥420,000.00 → ¥378,000.00（12 个月合计）' : 'Marketing: ¥420,000.00 → ¥378,000.00 over 12 months',
      );
      const cells = page.locator('[data-testid=headline] td[data-scenario=s1]');
      const before = await cells.evaluateAll((tds) => tds.map((td) => td.dataset.value));

      // A line amount for the trade show starts from the scenario's amount (54,000), not the
      // baseline's 60,000: adding it changes nothing.
      await editor.locator('select[id$=new-lever]').selectOption('line_amount');
      await editor.locator('[data-field=new-lever-line]').selectOption('2');
      await editor.locator('[data-action=add-lever]').click();
      const added = editor.locator('.lever[data-lever-kind=line_amount]');
      await expect(added.locator('[data-field=amount]')).toHaveValue('54000');
      await expect(added.locator('[data-testid=lever-effect]')).toHaveText(
        zh ? '行业展会：¥54,000.00 → ¥54,000.00（一次性）' : 'Trade show: ¥54,000.00 → ¥54,000.00 (One-time)',
      );
      expect(await cells.evaluateAll((tds) => tds.map((td) => td.dataset.value))).toEqual(before);
      // The category change is now partly overridden, and says by which change.
      await expect(first.locator('[data-testid=lever-overridden]')).toHaveText(
        zh ? '部分或全部被后面的第 3 项修改覆盖' : 'Partly or wholly overridden by change 3 below',
      );
      // Every kind that can be neutral is: no figure moves.
      for (const kind of ['category_spend', 'add_line', 'new_customers', 'churn', 'revenue']) {
        await editor.locator('select[id$=new-lever]').selectOption(kind);
        await editor.locator('[data-action=add-lever]').click();
      }
      await expect(editor.locator('.lever')).toHaveCount(8);
      expect(await cells.evaluateAll((tds) => tds.map((td) => td.dataset.value))).toEqual(before);

      // Setting it changes exactly what the model says.
      await typeInto(added.locator('[data-field=amount]'), '4万');
      await expect(added.locator('[data-testid=lever-effect]')).toContainText('¥40,000.00');
      const report = modelReport(await savedPlan(page));
      await expect(page.locator('[data-testid=headline] td[data-scenario=s1][data-metric=total_cost]'))
        .toHaveAttribute('data-value', report.scenarios[1].figures.total_cost.value);
    });

    test('arrows follow the number, colour and words say better or worse, the change is printed', async ({ page }) => {
      await open(page);
      const cells = page.locator('[data-testid=headline] td[data-scenario^=s]');
      const n = await cells.count();
      expect(n).toBeGreaterThan(20);
      for (let i = 0; i < n; i++) {
        const cell = cells.nth(i);
        const delta = cell.locator('.delta');
        if ((await delta.count()) === 0) continue;
        const d = await delta.getAttribute('data-delta');
        if (!d) continue;
        const arrow = (await delta.locator('.trend').textContent()).trim();
        const change = (await delta.locator('.change').textContent()).trim();
        const x = Number(d);
        expect(arrow, `${d}`).toBe(x > 0 ? '▲' : x < 0 ? '▼' : '＝');
        if (x === 0) expect(change, d).not.toMatch(/^[+-]/);
        else expect(change.startsWith(x > 0 ? '+' : '-'), `${d} ${change}`).toBe(true);
        expect(change).not.toMatch(/[+-]0(\.0+)?(?![.\d])/);
        const cls = await cell.getAttribute('class');
        const word = delta.locator('.verdict');
        await expect(word).toBeVisible();
        const better = zh ? '更好' : 'better';
        const worse = zh ? '更差' : 'worse';
        if (cls.includes('better')) await expect(word).toHaveText(better);
        if (cls.includes('worse')) await expect(word).toHaveText(worse);
      }
      // Lower acquisition cost is better, and its arrow points down.
      const cac = page.locator('[data-testid=headline] td[data-scenario=s1][data-metric=cac]');
      await expect(cac).toHaveClass(/better/);
      await expect(cac.locator('.trend')).toHaveText('▼');
    });

    test('smaller frictions: selected new names, focus after a blank start, menus, keyboards, signs', async ({ page }) => {
      await open(page);
      await page.locator('[data-action=start-blank]').click();
      await expect(page.locator('#plan-name')).toBeFocused();
      await expect(page.locator('#econ-horizon')).toHaveValue('12');
      await page.keyboard.type(zh ? '我的预算' : 'My budget');
      await expect.poll(async () => (await savedPlan(page)).name).toBe(zh ? '我的预算' : 'My budget');
      await page.locator('#add-line').click();
      await expect(page.locator('[data-testid=lines] tbody tr [data-field=name]')).toBeFocused();
      await page.keyboard.type(zh ? '搜索广告' : 'Search ads');
      await expect.poll(async () => (await savedPlan(page)).lines.map((l) => l.name)).toEqual([zh ? '搜索广告' : 'Search ads']);
      // Phone keyboards: counts get the decimal keypad, months the numeric one.
      await expect(page.locator('#econ-new_customers_per_month')).toHaveAttribute('inputmode', 'decimal');
      await expect(page.locator('#econ-horizon')).toHaveAttribute('inputmode', 'numeric');
      // Menus: one open at a time; Esc and a click elsewhere close them.
      const newMenu = page.locator('details.menu').nth(0);
      const fileMenu = page.locator('details.menu').nth(1);
      await page.locator('[data-action=new-menu]').click();
      await expect(newMenu).toHaveAttribute('open', '');
      await page.locator('[data-action=file-menu]').click();
      await expect(fileMenu).toHaveAttribute('open', '');
      await expect(newMenu).not.toHaveAttribute('open', '');
      await page.keyboard.press('Escape');
      await expect(fileMenu).not.toHaveAttribute('open', '');
      await expect(page.locator('[data-action=file-menu]')).toBeFocused();
      await page.locator('[data-action=new-menu]').click();
      await page.locator('#econ-horizon').click();
      await expect(newMenu).not.toHaveAttribute('open', '');
      // A signed lever field has a ± button (phone decimal keypads have no minus).
      await showTab(page, 'scenarios');
      await page.locator('[data-action=add-blank-scenario]').click();
      const editor = page.locator('.scenario-editor');
      await editor.locator('select[id$=new-lever]').selectOption('category_spend');
      await editor.locator('[data-action=add-lever]').click();
      const pct = editor.locator('.lever [data-field=pct]');
      await expect(pct).toHaveAttribute('inputmode', 'decimal');
      await typeInto(pct, '20');
      await editor.locator('.lever [data-action=toggle-sign]').click();
      await expect(pct).toHaveValue('-20');
      await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers[0].pct).toBe('-20');
    });

    test('a verdict per scenario on top of the comparison, details grouped and collapsed', async ({ page }) => {
      await open(page);
      await showTab(page, 'compare');
      const report = modelReport(await savedPlan(page));
      const verdicts = page.locator('[data-testid=verdicts] li');
      await expect(verdicts).toHaveCount(report.scenarios.length - 1);
      for (const s of report.scenarios.slice(1)) {
        const line = page.locator(`[data-testid=verdicts] li[data-scenario="${s.id}"]`);
        await expect(line.locator('[data-metric=net_contribution]')).toHaveAttribute('data-value', s.figures.net_contribution.delta);
        await expect(line.locator('[data-metric=total_cost]')).toHaveAttribute('data-value', s.figures.total_cost.delta);
        await expect(line.locator('[data-metric=ltv_cac]')).toHaveAttribute('data-value', s.figures.ltv_cac.value);
      }
      // The highest net contribution is named.
      const nets = report.scenarios.slice(1).map((s) => [s.id, Number(s.figures.net_contribution.value)]);
      const top = nets.reduce((a, b) => (b[1] > a[1] ? b : a));
      await expect(page.locator('[data-testid=verdicts] li.wins')).toHaveAttribute('data-scenario', top[0]);
      await expect(page.locator('[data-testid=verdicts] li.wins .best-badge')).toContainText(zh ? '净贡献最高' : 'Highest net contribution');
      // Groups: unit economics open, the rest collapsed until asked for.
      const table = page.locator('[data-testid=comparison]');
      await expect(table.locator('tr[data-metric-row=cac]')).toBeVisible();
      await expect(table.locator('tr[data-metric-row=total_cost]')).toBeHidden();
      await table.locator('[data-action=toggle-costs]').click();
      await expect(table.locator('[data-action=toggle-costs]')).toHaveAttribute('aria-expanded', 'true');
      await expect(table.locator('tr[data-metric-row=total_cost]')).toBeVisible();
    });

    test('every figure has a definition reachable by keyboard, with the formula in the plan\'s numbers', async ({ page }) => {
      await open(page);
      await showTab(page, 'compare');
      for (const group of ['costs', 'customers', 'revenue_profit', 'fees']) await page.locator(`[data-action=toggle-${group}]`).click();
      const terms = page.locator('[data-testid=comparison] [data-definition]');
      const n = await terms.count();
      expect(n).toBe(await page.locator('[data-testid=comparison] tr[data-metric-row]').count());
      for (let i = 0; i < n; i++) {
        const term = terms.nth(i);
        await term.focus();
        const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
        await expect(tip).toBeVisible();
        expect((await tip.textContent()).length).toBeGreaterThan(10);
      }
      // CAC in the user's numbers: acquisition cost ÷ new customers = the baseline's CAC.
      const cac = page.locator('[data-testid=comparison] [data-definition=cac]');
      await cac.focus();
      const report = modelReport(await savedPlan(page));
      const b = report.scenarios[0].figures;
      const money = (v) => `¥${Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      await expect(page.locator('#def-compare-cac .formula')).toContainText(
        `${money(b.acquisition_cost.value)} ÷ ${Number(b.new_customers.value).toLocaleString('en-US')} = ${money(b.cac.value)}`,
      );
      await page.keyboard.press('Escape');
      await expect(page.locator('#def-compare-cac')).toBeHidden();
    });

    test('the month-by-month grid behind the headline adds up and copies to a spreadsheet', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page);
      const grid = page.locator('[data-testid=calc-grid]');
      await grid.locator('summary').click();
      const rows = grid.locator('tbody tr');
      await expect(rows).toHaveCount(12);
      // The last month's cumulative net contribution is the headline's net contribution.
      const net = await page.locator('[data-testid=headline] td[data-scenario=baseline][data-metric=net_contribution]').getAttribute('data-value');
      await expect(rows.last().locator('td').last()).toHaveAttribute('data-value', net);
      // Another scenario's grid.
      await grid.locator('#calc-column').selectOption('s1');
      const netS1 = await page.locator('[data-testid=headline] td[data-scenario=s1][data-metric=net_contribution]').getAttribute('data-value');
      await expect(rows.last().locator('td').last()).toHaveAttribute('data-value', netS1);
      await grid.locator('[data-action=copy-grid]').click();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const lines = text.trim().split('\n');
      expect(lines).toHaveLength(13);
      expect(lines[0].split('\t')[0]).toBe(zh ? '月份' : 'Month');
      expect(lines[12].split('\t').at(-1)).toBe(netS1);
    });

    test('the summary stays in view while editing the 50th line', async ({ page }) => {
      await page.addInitScript(([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      }, [STORAGE_KEY, workspaceWithLines(60)]);
      await open(page);
      const bar = page.locator('[data-testid=sticky-summary]');
      await expect(bar).toBeHidden();
      const field = page.locator('[data-testid=lines] tbody tr').nth(49).locator('[data-field=amount]');
      await typeInto(field, '5万');
      await expect(bar).toBeVisible();
      const total = bar.locator('[data-metric=total_cost]');
      const headline = page.locator('[data-testid=headline] td[data-scenario=baseline][data-metric=total_cost]');
      await expect(total).toHaveAttribute('data-value', await headline.getAttribute('data-value'));
      const box = await bar.boundingBox();
      const viewport = page.viewportSize();
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
      // Undo from the bar.
      await bar.locator('[data-action=undo-sticky]').click();
      await expect.poll(async () => (await savedPlan(page)).lines[49].amount).not.toBe('50000');
    });

    test('a GBK CSV from Excel imports exactly; tab-separated text too; an unreadable encoding says so', async ({ page }) => {
      await open(page);
      const gbk = gbkEncoder();
      const csv = '名称,类别,阶段,计费方式,发生月份,金额\r\n电商大促展会,营销成本,客户获取,一次性,3,"120,000"\r\n售后回访,售后服务成本,客户维护,每活跃客户每月,,2.5\r\n';
      await page.setInputFiles('#import-csv-file', { name: '预算.csv', mimeType: 'text/csv', buffer: gbk(csv) });
      const dialog = page.locator('dialog.modal');
      await expect(dialog).toContainText(zh ? '读取到 2 个预算项' : '2 budget lines read');
      await dialog.locator('[data-action=confirm-replace-lines]').click();
      await expect.poll(async () => (await savedPlan(page)).lines.map((l) => [l.name, l.category, l.stage, l.basis, l.amount])).toEqual([
        ['电商大促展会', 'marketing', 'acquisition', { kind: 'one_time', month: 3 }, '120000'],
        ['售后回访', 'after_sales', 'retention', { kind: 'per_active_customer' }, '2.5'],
      ]);

      // Copied from a spreadsheet: tab-separated, in GBK as well.
      const tsv = csv.replaceAll(',', '\t').replace('"120\t000"', '120000');
      // The same lines again (an edited export imported back): marked as the plan's own,
      // replacing is offered first and adding them all is not offered, so nothing doubles.
      await page.setInputFiles('#import-csv-file', { name: '预算.txt', mimeType: 'text/plain', buffer: gbk(tsv) });
      await expect(dialog.locator('[data-testid=lines-in-plan]')).toContainText(zh ? '其中 2 项与当前方案中的预算项同名' : '2 of 2 have the names of lines this plan has');
      await expect(dialog.locator('tr[data-in-plan=true]')).toHaveCount(2);
      await expect(dialog.locator('thead th')).toContainText([zh ? '阶段' : 'Stage']);
      await expect(dialog.locator('[data-action=confirm-append-lines], [data-action=confirm-append-new-lines]')).toHaveCount(0);
      await expect(dialog.locator('.dialog-actions .button').first()).toHaveAttribute('data-action', 'confirm-replace-lines');
      await dialog.locator('[data-action=confirm-replace-lines]').click();
      await expect.poll(async () => (await savedPlan(page)).lines.map((l) => l.name)).toEqual(['电商大促展会', '售后回访']);
      // One new line among them: only it is added.
      const more = tsv + '新增培训\t培训和员工薪酬\t客户服务\t每月\t\t800\r\n';
      await page.setInputFiles('#import-csv-file', { name: '预算.txt', mimeType: 'text/plain', buffer: gbk(more) });
      await dialog.locator('[data-action=confirm-append-new-lines]').click();
      await expect.poll(async () => (await savedPlan(page)).lines.map((l) => l.name)).toEqual(['电商大促展会', '售后回访', '新增培训']);

      // A UTF-16 mark with broken text: the message says it is the encoding.
      await page.setInputFiles('#import-csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0xfe, 0x41]) });
      await expect(dialog).toContainText(zh ? '无法识别文件的文字编码' : 'text encoding was not recognised');
    });
  });
}
