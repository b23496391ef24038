// Shared helpers for the browser tests.
import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STORAGE_KEY = 'customer-cost-planner/workspace';
const CCP = fileURLToPath(new URL('../../target/debug/ccp', import.meta.url));

/**
 * Opens the app and waits until the model's figures are on the page (the live page, once it
 * has taken over from the painted first screen).
 */
export async function open(page, path = './') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible();
  page.pageErrors = errors;
  return errors;
}

/** The exact value the model computed for a figure, from the data attributes. */
export async function figure(page, scenario, metric, within = '[data-testid=headline]') {
  const cell = page.locator(`${within} [data-scenario="${scenario}"][data-metric="${metric}"]`).first();
  await expect(cell).toHaveCount(1);
  return {
    value: await cell.getAttribute('data-value'),
    reason: await cell.getAttribute('data-reason'),
    text: (await cell.locator('.value').first().textContent())?.trim(),
  };
}

/**
 * Waits until the page is not between an edit and its save (saves wait for a quiet moment), so
 * that what storage holds is what the page decided to write.
 */
export async function settled(page) {
  await expect(page.locator('.save-status')).not.toHaveAttribute('data-status', 'pending');
}

/** The workspace as saved in localStorage, once the page has finished saving. */
export async function savedWorkspace(page) {
  await settled(page);
  const raw = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  expect(raw, 'the workspace is saved').not.toBeNull();
  return JSON.parse(raw);
}

/** The open plan as the page saved it. */
export async function savedPlan(page) {
  const env = await savedWorkspace(page);
  const ws = env.workspace;
  return ws.plans.find((p) => p.id === ws.selected).plan;
}

/** Runs the native `ccp report` on a plan: the model's own output, from outside the page. */
export function modelReport(plan, lang = 'zh-CN') {
  const dir = mkdtempSync(join(tmpdir(), 'ccp-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan }));
  return JSON.parse(execFileSync(CCP, ['report', file, '--lang', lang], { encoding: 'utf8' }));
}

/** Runs the native `ccp` with `args`; with `input`, a `-` among them is a file holding it. */
export function ccp(args, input) {
  let list = args;
  if (input != null) {
    const file = join(mkdtempSync(join(tmpdir(), 'ccp-')), 'input.json');
    writeFileSync(file, input);
    list = args.map((a) => (a === '-' ? file : a));
  }
  return execFileSync(CCP, list, { encoding: 'utf8' });
}

/** Types into a field as a person does: select all, then type. */
export async function typeInto(locator, text) {
  await locator.click();
  await locator.press('Control+A');
  await locator.pressSequentially(text);
}

/** Empties a field as a person does: select all, then delete. */
export async function clearField(locator) {
  await locator.click();
  await locator.press('Control+A');
  await locator.press('Backspace');
}

/** Switches to a tab by its key: budget, scenarios, compare, charts. */
export async function showTab(page, key) {
  await page.locator(`#tab-${key}`).click();
  await expect(page.locator(`#panel-${key}`)).toBeVisible();
}

/**
 * Runs `during` with a Chromium trace on and returns the page's main-thread tasks as
 * `{ wall, cpu }` milliseconds, longest CPU time first. CPU time is the work a task did: a
 * task stretched because the machine was busy elsewhere (two test workers on two cores) has a
 * long wall time and a short CPU time, and only the work is the app's doing.
 */
export async function mainThreadTasks(page, during) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: ['toplevel'] });
  let trace;
  try {
    await during();
  } finally {
    trace = JSON.parse((await browser.stopTracing()).toString());
  }
  const events = trace.traceEvents ?? trace;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }))
    .sort((a, b) => b.cpu - a.cpu);
}
