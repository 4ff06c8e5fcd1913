/**
 * The acceptance flow in a real browser (playwright-core driving Debian's chromium): log
 * in; fill a lost-ID notice; see the check-digit error at the field; fix it; record the
 * consent; see the wording, the proof and the price; save; approve, pay, schedule; find it
 * in the list; then the edition's export takes it for its date and not for another.
 * UPDATE_DESK_SCREENSHOT=1 writes docs/desk.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/desk/auth.js';
import { exportScheduled, markPublished } from '../../src/desk/exportScheduled.js';
import { startDesk } from '../../src/desk/server.js';
import { prepareNoticeData } from '../../src/index.js';
import { projectRoot } from '../../src/projectRoot.js';
import { sharedEngine } from './appClient.js';
import { tmpDir } from './backends.js';

const CHROMIUM = '/usr/bin/chromium';
const have = fs.existsSync(CHROMIUM);
const runDate = new Date(Date.now() + 8 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const otherDate = new Date(Date.now() + 9 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

describe.skipIf(!have)('the desk in a real browser', () => {
  let desk: Awaited<ReturnType<typeof startDesk>>;
  let ctx: BrowserContext;
  const dirs: string[] = [];

  beforeAll(async () => {
    const data = tmpDir();
    const profile = tmpDir('zuban-chromium-');
    dirs.push(data, profile);
    desk = await startDesk({ port: 0, data, engine: sharedEngine() });
    await desk.store.createUser({ username: 'li', name: '李受理', passwordHash: await hashPassword('li-password-123'), role: 'desk' }, 'test');
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1360, height: 1000 },
      locale: 'zh-CN',
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await desk?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('login → intake with a field error → fixed → wording, proof, price → approve, pay, schedule → list → export for its date only', async () => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${desk.url}/notices`);
    expect(page.url()).toMatch(/\/login$/);
    await page.fill('input[name=username]', 'li');
    await page.fill('input[name=password]', 'li-password-123');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/notices\/new$/);

    await page.fill('#f-holder', '张明');
    await page.selectOption('#f-certificate', '居民身份证');
    await page.fill('#f-issuer', '南京市公安局玄武分局');
    await page.fill('#f-number', '320102198506120318');
    const err = page.locator('#m-number .error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/校验码/);

    await page.fill('#f-number', '320102198506120317');
    await page.locator('#m-number .error').waitFor({ state: 'detached' });
    await page.fill('#f-customer-name', '张明');
    await page.fill('#f-customer-phone', '13800001111');
    await page.fill('#f-customer-id', '320102198506120317');
    await page.locator('input[name="run.dates"]').first().fill(runDate);
    // the consent: who, relation, when (now, filled in), how, scope
    await page.fill('#f-consent-by', '张明');
    await page.selectOption('#f-consent-relation', 'self');
    await page.selectOption('#f-consent-method', 'signed-form');
    await page.check('input[name="consent.scope"][value="epaper"]');
    await page.locator('#preview .wording').waitFor();
    expect(await page.locator('#preview .wording').textContent()).toContain('张明遗失南京市公安局玄武分局');
    await page.locator('#preview img.proof').waitFor();
    const quote = await page.locator('#preview .quote').textContent();
    expect(quote).toMatch(/合计：¥\d+/);
    if (process.env.UPDATE_DESK_SCREENSHOT) await page.screenshot({ path: path.join(projectRoot, 'docs/desk.png'), fullPage: true });

    await page.click('button.primary');
    await page.waitForURL(/\/notices\/\d+$/);
    const orderNo = ((await page.locator('h1').textContent()) ?? '').match(/ZB\d{8}-\d+/)![0];
    expect(await page.locator('h1 .status').textContent()).toBe('草稿');
    await page.click('text=客户已签字确认校样');
    await page.locator('h1 .status', { hasText: '客户已确认' }).waitFor();
    await page.selectOption('select[name=method]', 'wechat');
    await page.fill('input[name=receipt]', 'R-0001');
    await page.click('text=登记付款');
    await page.locator('h1 .status', { hasText: '已付款' }).waitFor();
    await page.click('form.act button:text-is("排期")');
    await page.locator('h1 .status', { hasText: '已排期' }).waitFor();
    expect(await page.locator('table.history').textContent()).toMatch(/受理.*客户确认.*收款.*排期/s);

    await page.goto(`${desk.url}/notices`);
    await page.fill('input[name=q]', '张明');
    await page.click('.filters button');
    await page.locator(`table.list a:text-is("${orderNo}")`).waitFor();

    // the edition of runDate takes it; the next day's does not
    const out = tmpDir();
    dirs.push(out);
    const exported = await exportScheduled(desk.store, runDate, { outDir: out, actor: 'build' });
    expect(exported.map((n) => n.orderNo)).toEqual([orderNo]);
    expect(fs.readdirSync(out)).toEqual([`${orderNo}.yaml`]);
    expect(prepareNoticeData(exported[0].data, sharedEngine().ctx, orderNo).ok).toBe(true);
    expect(await exportScheduled(desk.store, otherDate)).toEqual([]);
    await markPublished(desk.store, runDate, exported);
    expect((await desk.store.noticeByOrder(orderNo))?.status).toBe('published');
    expect(await exportScheduled(desk.store, runDate)).toEqual([]);
  });
});
