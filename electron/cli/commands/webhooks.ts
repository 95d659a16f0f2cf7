import { InvalidArgumentError, type Command } from 'commander';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import { WEBHOOK_EVENTS } from '../../../shared/domain/alert-kinds';
import { WEBHOOK_ONE_SHOT_WAIT_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { WebhookAttemptView, WebhookDeliveryView, WebhookView } from '../../../shared/views/webhook';
import { dispatch } from '../../engine/api/dispatch';
import type { Engine } from '../../engine/engine';
import { formatTable } from '../format/table';
import { formatInstant, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';

/** The contract names fields as the UI does; on the command line the operator knows the argument and flags. */
const FLAG_OF_FIELD: Record<string, string> = { url: 'URL', secret: '--secret', events: '--event' };
const CLI_ACTOR = 'cli';

/** `chart-sync webhooks …`: the same calls, validation and errors as the Settings screen and REST. */
export function registerWebhooksCommand(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .description('send sync outcomes, overdue schedules and alerts to local HTTP receivers (signed)');

  webhooks
    .command('add')
    .description('add a webhook: a loopback or LAN http(s) URL, a secret that signs each request, its events')
    .argument('<url>', 'where to POST events, e.g. http://127.0.0.1:8080/hook')
    .requiredOption(
      '--secret <secret>',
      'shared secret for the X-Chart-Sync-Signature HMAC (never shown again)',
    )
    .option(
      '--event <event>',
      `an event to send (repeat for more): ${WEBHOOK_EVENTS.join(', ')}`,
      collect,
      [],
    )
    .option('--json', 'print the webhook as JSON')
    .action(
      async (url: string, options: { secret: string; event: string[]; json?: boolean }, command: Command) => {
        await withEngine(command, async ({ engine }) => {
          const input = { url, secret: options.secret, events: options.event, createdBy: CLI_ACTOR };
          const webhook = await contract(engine, 'webhooks/create', input);
          if (options.json) printJson(webhook);
          else
            print(
              `Added webhook ${webhook.id}: ${webhook.url} (${webhook.events.join(', ')}). The secret is stored encrypted and will not be shown again.`,
            );
        });
      },
    );

  webhooks
    .command('list')
    .description('list the webhooks, their events and how their deliveries went (secrets are never shown)')
    .option('--json', 'print the webhooks as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const all = await contract(engine, 'webhooks/list', {});
        if (options.json) printJson(all);
        else if (all.length === 0)
          print(
            'No webhooks yet. Add one with `chart-sync webhooks add <url> --secret <secret> --event execution.failed`.',
          );
        else print(formatWebhooks(all));
      });
    });

  webhooks
    .command('remove')
    .description('remove a webhook (its delivery log is kept; what was still waiting is not sent)')
    .argument('<id>', 'webhook id (see `chart-sync webhooks list`)', webhookId)
    .action(async (id: number, _options: unknown, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        await contract(engine, 'webhooks/delete', { id });
        print(`Removed webhook ${id}.`);
      });
    });

  webhooks
    .command('deliveries')
    .description("a webhook's delivery log, newest first: status, attempts, status codes and errors")
    .argument('<id>', 'webhook id', webhookId)
    .option('--json', 'print the deliveries and their attempts as JSON')
    .action(async (id: number, options: { json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const deliveries = await contract(engine, 'webhooks/deliveries', { id });
        if (options.json) printJson(deliveries);
        else if (deliveries.length === 0) print(`Nothing was sent to webhook ${id} yet.`);
        else print(formatDeliveries(deliveries));
      });
    });

  webhooks
    .command('test')
    .description('send a signed webhook.test event now and print how it went')
    .argument('<id>', 'webhook id', webhookId)
    .option('--json', 'print the delivery as JSON')
    .action(async (id: number, options: { json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const queued = await contract(engine, 'webhooks/test', { id });
        await engine.webhooks.settle(WEBHOOK_ONE_SHOT_WAIT_MS);
        const deliveries = await contract(engine, 'webhooks/deliveries', { id });
        const delivery = deliveries.find((d) => d.id === queued.id) ?? queued;
        if (options.json) printJson(delivery);
        else print(formatDeliveries([delivery]));
      });
    });
}

/** Through dispatch, so the CLI validates exactly as the other surfaces do; errors name the CLI's flags. */
async function contract<K extends CallName>(
  engine: Engine,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await dispatch(engine.handlers, name, input);
  if (result.ok) return result.value as CallOutput<K>;
  const { code, message, fields } = result.error;
  const renamed = message.replace(/(^|; )(\w+): /g, (whole, start: string, field: string) =>
    FLAG_OF_FIELD[field] ? `${start}${FLAG_OF_FIELD[field]}: ` : whole,
  );
  throw new ChartSyncError(code, renamed, fields ? { fields } : undefined);
}

function formatWebhooks(all: WebhookView[]): string {
  return formatTable(all, [
    { header: 'ID', value: (w) => String(w.id), align: 'right' },
    { header: 'URL', value: (w) => w.url },
    { header: 'Events', value: (w) => w.events.join(', ') },
    { header: 'Secret', value: () => 'set (hidden)' },
    {
      header: 'Deliveries',
      value: ({ deliveries: d }) => `${d.delivered} delivered, ${d.pending} pending, ${d.failed} failed`,
    },
  ]);
}

function formatDeliveries(deliveries: WebhookDeliveryView[]): string {
  type Line = { delivery: WebhookDeliveryView; attempt: WebhookAttemptView | null };
  const lines = deliveries.flatMap((delivery): Line[] =>
    delivery.log.length === 0
      ? [{ delivery, attempt: null }]
      : delivery.log.map((attempt) => ({ delivery, attempt })),
  );
  return formatTable(lines, [
    { header: 'Delivery', value: ({ delivery }) => String(delivery.id), align: 'right' },
    { header: 'Event', value: ({ delivery }) => delivery.event },
    { header: 'Status', value: ({ delivery }) => statusText(delivery) },
    { header: 'Attempt', value: ({ attempt }) => (attempt ? String(attempt.attempt) : NONE), align: 'right' },
    {
      header: 'At',
      value: ({ delivery, attempt }) => formatInstant(attempt?.attemptedAt ?? delivery.createdAt),
    },
    {
      header: 'HTTP',
      value: ({ attempt }) => (attempt?.statusCode ? String(attempt.statusCode) : NONE),
      align: 'right',
    },
    { header: 'Error', value: ({ attempt }) => attempt?.error ?? NONE },
  ]);
}

function statusText(delivery: WebhookDeliveryView): string {
  if (delivery.status !== 'pending') return delivery.status;
  return delivery.nextAttemptAt === null
    ? 'pending'
    : `pending (next ${formatInstant(delivery.nextAttemptAt)})`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function webhookId(value: string): number {
  if (!/^[1-9]\d{0,15}$/.test(value.trim()))
    throw new InvalidArgumentError('expected a webhook id (a positive whole number)');
  return Number(value);
}
