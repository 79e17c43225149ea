import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

describe('web chat in Chromium', () => {
  let test: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    test = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.dispose();
  });

  it('chooses Arabic, gets the menu in Arabic and picks a topic', async () => {
    const page = await browser.newPage();
    await page.goto(`${test.url}/`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.selectOption('[data-testid="language"]', 'ar');

    const botMessages = page.locator('[data-testid="bot-message"]');
    await botMessages.filter({ hasText: 'القائمة' }).first().waitFor({ timeout: 45_000 }).catch(() => undefined);
    const menu = botMessages.filter({ hasText: 'البدلات' }).last();
    await menu.waitFor({ timeout: 45_000 });
    expect(await menu.getAttribute('dir')).toBe('auto');

    // Tap the first area (allowances), then its first topic (zorgtoeslag).
    await menu.getByRole('button').first().click();
    const area = botMessages.filter({ hasText: 'Zorgtoeslag' }).or(botMessages.filter({ hasText: 'زورخ' })).last();
    await area.waitFor({ timeout: 45_000 });
    await page.fill('[data-testid="text"]', '1');
    await page.click('[data-testid="send"]');
    await botMessages.filter({ hasText: '0800-0543' }).first().waitFor({ timeout: 45_000 });
    const answer = await botMessages.filter({ hasText: '0800-0543' }).first().innerText();
    expect(answer).toMatch(/[\u0600-\u06FF]/);
    expect(answer).toContain('DigiD');
    await page.screenshot({ path: 'tests/browser/__screens__/webchat-ar.png' }).catch(() => undefined);
  }, 180_000);
});
