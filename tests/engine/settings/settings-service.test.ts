import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import { SettingsService } from '../../../electron/engine/settings/settings-service';
import { useTempDir } from '../../support/database';

const NOW = Date.UTC(2026, 11, 7);

describe('SettingsService', () => {
  const tempDir = useTempDir();
  const open: AppDatabase[] = [];
  afterEach(() => {
    for (const database of open.splice(0)) database.close();
  });
  const connect = (file: string) => {
    const database = openDatabase({ file, now: () => NOW });
    open.push(database);
    return new SettingsService(database, () => NOW);
  };

  it('reads what another connection (the CLI) saved since, and what it saved itself', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const host = connect(file);
    const cli = connect(file);
    expect(host.get().requestsInFlight).toBe(8);
    cli.update({ requestsInFlight: 20 });
    expect(host.get().requestsInFlight).toBe(20);
    expect(host.update({ retentionDays: 30 }).retentionDays).toBe(30);
    expect(host.get()).toMatchObject({ requestsInFlight: 20, retentionDays: 30 });
    expect(cli.get()).toMatchObject({ requestsInFlight: 20, retentionDays: 30 });
  });
});
