import { describe, expect, it } from 'vitest';
import type { WebhookDeliveryView, WebhookView } from '../../shared/views/webhook';
import { signatureVerifies, useReceiver } from '../support/webhook-receiver';
import { useCli } from './run-cli';

const SECRET = 'cli-secret-789';

describe('chart-sync webhooks', () => {
  const { cli } = useCli();
  const receiver = useReceiver();

  it('refuses bad input with the same rules as the API, naming the argument and flags', async () => {
    const bad = await cli('webhooks', 'add', 'http://8.8.8.8/hook', '--secret', 'short');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('chart-sync: URL: 8.8.8.8 is not a loopback or LAN address');
    expect(bad.stderr).toContain('--secret: The secret must be at least 8 characters long;');
    expect(bad.stderr).toContain('--event: Choose at least one event.');
    const unknown = await cli(
      'webhooks',
      'add',
      'http://127.0.0.1/',
      '--secret',
      SECRET,
      '--event',
      'execution.done',
    );
    expect(unknown.stderr).toMatch(
      /--event: Unknown event "execution\.done"; the events are execution\.completed, /,
    );
    expect((await cli('webhooks', 'list', '--json')).stdout).toBe('[]\n');
  });

  it('adds, lists without the secret, tests, shows the log and removes', async () => {
    const hook = await receiver();
    const added = await cli(
      'webhooks',
      'add',
      hook.url,
      '--secret',
      SECRET,
      '--event',
      'execution.failed',
      '--event',
      'schedule.overdue',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(
      `Added webhook 1: ${hook.url} (execution.failed, schedule.overdue). The secret is stored encrypted and will not be shown again.\n`,
    );

    const listed = await cli('webhooks', 'list');
    expect(listed.stdout).toMatch(/^ID +URL +Events +Secret +Deliveries\n/);
    expect(listed.stdout).toContain('set (hidden)');
    expect(listed.stdout).not.toContain(SECRET);
    const json = JSON.parse((await cli('webhooks', 'list', '--json')).stdout) as WebhookView[];
    expect(json).toEqual([expect.objectContaining({ id: 1, url: hook.url, createdBy: 'cli' })]);
    expect(JSON.stringify(json)).not.toContain(SECRET);

    // The one-shot CLI waits for its delivery before it prints and exits.
    const tested = await cli('webhooks', 'test', '1');
    expect(tested.code).toBe(0);
    expect(hook.received).toHaveLength(1);
    expect(signatureVerifies(hook.received[0]!, SECRET)).toBe(true);
    expect(tested.stdout).toMatch(/webhook\.test +delivered +1 +\d{4}-\d\d-\d\d \d\d:\d\d +200 +—/);

    const log = JSON.parse(
      (await cli('webhooks', 'deliveries', '1', '--json')).stdout,
    ) as WebhookDeliveryView[];
    expect(log).toEqual([
      expect.objectContaining({ event: 'webhook.test', status: 'delivered', attempts: 1 }),
    ]);
    expect((await cli('webhooks', 'deliveries', '1')).stdout).toMatch(
      /^Delivery +Event +Status +Attempt +At +HTTP +Error\n/,
    );

    expect((await cli('webhooks', 'remove', '1')).stdout).toBe('Removed webhook 1.\n');
    const again = await cli('webhooks', 'remove', '1');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('chart-sync: Webhook 1 does not exist (it may have been removed).\n');
    expect((await cli('webhooks', 'remove', 'x')).stderr).toContain('expected a webhook id');
  });

  it('a sync from the CLI delivers its outcome before the command exits', async () => {
    const hook = await receiver();
    await cli('webhooks', 'add', hook.url, '--secret', SECRET, '--event', 'execution.completed');
    const synced = await cli(
      'schedules',
      'add',
      'global-100',
      '--history-days',
      '2',
      '--no-metadata',
      '--now',
    );
    expect(synced.code).toBe(0);
    const slugs = hook.received.map((r) => (r.json as { data: { chart: { slug: string } } }).data.chart.slug);
    expect(slugs).toContain('global-100');
    expect(hook.received.every((r) => r.json.event === 'execution.completed')).toBe(true);
  }, 60_000);
});
