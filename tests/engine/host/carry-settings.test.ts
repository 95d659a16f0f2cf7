import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../electron/engine/config/settings-store';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { carrySettings } from '../../../electron/engine/hosting/carry-settings';

describe('carrySettings', () => {
  it('copies the settings the other database lacks and keeps those it has', () => {
    const into = openDatabase({ file: ':memory:' });
    try {
      writeSettings(into, { theme: 'light', retentionDays: 90 }, 1);
      carrySettings(
        into,
        { theme: 'dark', apiUrl: 'https://sandbox.example.com', rateLimitPerMinute: 600 },
        2,
      );
      expect(readSettings(into)).toMatchObject({
        theme: 'light',
        retentionDays: 90,
        apiUrl: 'https://sandbox.example.com',
        rateLimitPerMinute: 600,
      });
    } finally {
      into.close();
    }
  });
});
