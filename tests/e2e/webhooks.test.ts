import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pageProblems, screenshot } from './support/browser';
import { useE2eSession } from './support/session';
import { confirmDialog, expectWithinWindow, waitForToast } from './support/ui';
import { signatureVerifies, startReceiver, type Receiver } from '../support/webhook-receiver';

const SECRET = 'e2e-webhook-secret';

/** Settings › Webhooks in Chromium against `chart-sync serve`: add, test (signed), read the log, remove. */
describe('the webhooks section of Settings', { timeout: 90_000 }, () => {
  const session = useE2eSession({ withEmulator: true });
  let page: Page;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    page = session.page;
  });

  it('adds a webhook with inline validation, sends a signed test and shows the delivery log', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Webhooks' });
    await section.getByText('No webhooks yet: add one below.').waitFor();

    const url = section.getByLabel('URL');
    await url.fill('http://93.184.216.34/hook');
    await url.blur();
    await section.getByText(/93\.184\.216\.34 is not a loopback or LAN address/).waitFor();
    await url.fill(receiver.url);
    await section.getByLabel('Secret').fill(SECRET);
    await section.getByRole('checkbox', { name: /A sync completed/ }).check();
    await section.getByRole('button', { name: 'Add webhook' }).click();
    await waitForToast(page, 'Webhook added');
    await section.getByRole('list', { name: 'Webhooks' }).getByText(receiver.url).waitFor();

    await section.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
    await expect.poll(() => receiver.received.length).toBe(1);
    expect(signatureVerifies(receiver.received[0]!, SECRET)).toBe(true);
    expect(receiver.received[0]!.headers['x-chart-sync-event']).toBe('webhook.test');

    await section.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = section.getByRole('table', { name: /^Delivery log of webhook/ });
    await log.getByRole('cell', { name: 'Delivered' }).waitFor();
    expect(await log.getByRole('row').nth(1).innerText()).toMatch(/webhook\.test\s+Delivered\s+1 of 1\s+200/);
    expect(await page.content()).not.toContain(SECRET);
    await screenshot(page, 'settings-webhooks-1366-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectWithinWindow(section.getByRole('button', { name: `Remove ${receiver.url}` }), 'Remove');
    await expectWithinWindow(log, 'The delivery log');
    await screenshot(page, 'settings-webhooks-1024-dark');
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });

    await section.getByRole('button', { name: `Remove ${receiver.url}` }).click();
    await confirmDialog(page, 'Remove this webhook?', 'Remove webhook');
    await waitForToast(page, 'Webhook removed');
    await section.getByText('No webhooks yet: add one below.').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
