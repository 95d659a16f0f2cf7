import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from './handler-context';

type WebhookCalls =
  'webhooks/list' | 'webhooks/create' | 'webhooks/delete' | 'webhooks/deliveries' | 'webhooks/test';

export function webhookHandlers({ webhooks }: HandlerContext): Pick<CallHandlers, WebhookCalls> {
  return {
    'webhooks/list': () => webhooks.list(),
    'webhooks/create': (input) => webhooks.create(input),
    'webhooks/delete': ({ id }) => {
      webhooks.remove(id);
      return null;
    },
    'webhooks/deliveries': ({ id, limit }) => webhooks.deliveries(id, limit),
    'webhooks/test': ({ id }) => webhooks.test(id),
  };
}
