import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { ChartSyncError } from '../../../shared/errors';
import { makeReadOnly, readOnlyTechnique, type ReadOnlyFolder } from '../../chaos/support/read-only-folder';
import { useTempDir } from '../../support/database';

/** Defects 7.4 (a data folder that cannot be created) and 7.5 (a read-only data folder). */
describe('a data folder Chart Sync cannot use', () => {
  const temp = useTempDir();
  const readOnly: ReadOnlyFolder[] = [];
  afterEach(() => {
    for (const folder of readOnly.splice(0)) folder.restore();
  });

  const refusal = (file: string): ChartSyncError => {
    try {
      openDatabase({ file }).close();
    } catch (error) {
      expect(error).toBeInstanceOf(ChartSyncError);
      return error as ChartSyncError;
    }
    throw new Error(`opening ${file} was not refused`);
  };

  it('says a path that is a file is not a folder, naming it', () => {
    const base = temp();
    const file = join(base, 'not-a-folder');
    writeFileSync(file, 'x');
    for (const dataDir of [file, join(file, 'data')]) {
      const error = refusal(join(dataDir, 'chart-sync.sqlite'));
      expect(error.code).toBe('data_folder_unusable');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/is a file, not a folder/);
      expect(error.message).not.toMatch(/ENOTDIR|EEXIST|restore a backup/);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('makes a folder named through a missing one and "..", as the path resolves', () => {
    const base = temp();
    const file = join(base, 'missing', '..', 'data', 'chart-sync.sqlite');
    openDatabase({ file }).close();
    expect(readdirSync(base)).toEqual(['data']);
    expect(readdirSync(join(base, 'data'))).toContain('chart-sync.sqlite');
  });

  it.skipIf(readOnlyTechnique() === null)('says a read-only parent is read-only', () => {
    const parent = join(temp(), 'parent');
    mkdirSync(parent);
    readOnly.push(makeReadOnly(parent));
    const error = refusal(join(parent, 'Chart Sync', 'chart-sync.sqlite'));
    expect(error.code).toBe('data_folder_read_only');
    expect(error.message).toContain(parent);
    expect(error.message).toMatch(/read-only/);
    expect(error.message).not.toMatch(/ENOENT|EROFS|EACCES|restore a backup/);
  });

  it.skipIf(readOnlyTechnique() === null)(
    'says an existing read-only data folder is read-only, not damaged, and opens again once writable',
    () => {
      const dir = join(temp(), 'data');
      const file = join(dir, 'chart-sync.sqlite');
      const database = openDatabase({ file });
      database.sqlite.exec("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('stored')");
      database.close();
      const before = readdirSync(dir).sort();
      const folder = makeReadOnly(dir);
      readOnly.push(folder);
      const error = refusal(file);
      expect(error.code).toBe('data_folder_read_only');
      expect(error.message).toContain(dir);
      expect(error.message).toMatch(/read-only/);
      expect(error.message).not.toMatch(/restore a backup|unable to open/);
      readOnly.splice(0).forEach((f) => f.restore());
      expect(readdirSync(dir).sort()).toEqual(before);
      const reopened = openDatabase({ file });
      expect(reopened.sqlite.prepare('SELECT v FROM kept').pluck().get()).toBe('stored');
      reopened.close();
    },
  );
});
