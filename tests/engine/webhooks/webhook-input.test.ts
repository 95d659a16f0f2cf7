import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/schemas/parse-input';
import { createWebhookInput } from '../../../shared/schemas/webhook-input';
import { ChartSyncError } from '../../../shared/errors';

const VALID = {
  url: 'http://127.0.0.1:9000/hook',
  secret: 'long enough secret',
  events: ['execution.failed'],
};

function problems(input: unknown): Record<string, string> {
  try {
    parseInput(createWebhookInput, input);
  } catch (error) {
    if (error instanceof ChartSyncError) return error.fields ?? {};
    throw error;
  }
  return {};
}

describe('createWebhookInput', () => {
  it('accepts a loopback URL, a secret and known events (repeats folded)', () => {
    expect(
      parseInput(createWebhookInput, {
        ...VALID,
        events: ['execution.failed', 'alert.sync_failed', 'execution.failed'],
      }),
    ).toEqual({ ...VALID, events: ['execution.failed', 'alert.sync_failed'] });
  });

  it.each([
    ['no events', { ...VALID, events: [] }, { events: 'Choose at least one event.' }],
    [
      'unknown events, named',
      { ...VALID, events: ['execution.failed', 'execution.started', 'alert.nope'] },
      {
        events: expect.stringMatching(
          /^Unknown events "execution.started", "alert.nope"; the events are execution.completed, /,
        ),
      },
    ],
    [
      'events not a list',
      { ...VALID, events: 'execution.failed' },
      { events: 'Choose the events to send, as a list.' },
    ],
    [
      'a short secret',
      { ...VALID, secret: 'short' },
      { secret: 'The secret must be at least 8 characters long.' },
    ],
    [
      'no secret',
      { url: VALID.url, events: VALID.events },
      { secret: 'Enter a secret: it signs every request.' },
    ],
    [
      'a secret with spaces around it',
      { ...VALID, secret: ' padded secret ' },
      { secret: expect.stringMatching(/start or end with a space/) },
    ],
    [
      'a public address',
      { ...VALID, url: 'http://1.1.1.1/' },
      { url: expect.stringMatching(/not a loopback or LAN address/) },
    ],
  ])('refuses %s, naming the field', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it('refuses an unknown field by its name', () => {
    expect(() => parseInput(createWebhookInput, { ...VALID, active: true })).toThrow(/"active"/);
  });
});
