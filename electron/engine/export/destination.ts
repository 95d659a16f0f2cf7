import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import {
  EXPORT_FILE_EXTENSIONS,
  type ExportDataset,
  type ExportFormat,
} from '../../../shared/domain/export-kinds';
import { ChartSyncError } from '../../../shared/errors';

/** The folder beside the database where exports go when no file is named. */
export const EXPORTS_FOLDER = 'exports';

export type FileDestination = {
  /** The final file: nothing is ever written under this name until the export is complete. */
  file: string;
  /** Where the bytes go meanwhile: a hidden file beside the target, renamed over it at the end. */
  temp: string;
  /** The exports folder (with a trailing separator) when the name was chosen for the operator. */
  defaultFolder: string | null;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `rankings-20261207-083814.csv`, on the host's clock. */
export function defaultFileName(dataset: ExportDataset, format: ExportFormat | null, at: number): string {
  const d = new Date(at);
  const stamp =
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `${dataset}-${stamp}.${EXPORT_FILE_EXTENSIONS[format ?? 'backup']}`;
}

/**
 * The file an export writes. `out` must be an absolute path in a folder that exists, and must not be a folder,
 * nor the database (or its WAL and lock files). Without `out`: a new file in the exports folder beside the
 * database (created on first use), never one that exists.
 */
export function resolveDestination(options: {
  out: string | undefined;
  databaseFile: string;
  dataset: ExportDataset;
  format: ExportFormat | null;
  at: number;
  /** A default name a running export already writes to (not on disk until it completes): not free. */
  taken?: (file: string) => boolean;
}): FileDestination {
  const { out, databaseFile } = options;
  if (out === undefined) {
    if (databaseFile === ':memory:') {
      throw invalidOut(
        'An in-memory database has no folder for exports: name the file with an absolute path.',
      );
    }
    // Created when the export runs, not here: a refused export leaves nothing behind.
    const folder = join(dirname(resolve(databaseFile)), EXPORTS_FOLDER);
    const name = defaultFileName(options.dataset, options.format, options.at);
    let file = join(folder, name);
    const taken = options.taken ?? (() => false);
    for (let n = 2; existsSync(file) || taken(file); n++)
      file = join(folder, name.replace(/(\.[^.]+)$/, `-${n}$1`));
    return { file, temp: tempBeside(file), defaultFolder: folder + sep };
  }
  if (!isAbsolute(out)) {
    throw invalidOut(`The file to write must be an absolute path (${JSON.stringify(out)} is relative).`);
  }
  const file = resolve(out);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw invalidOut(`The folder ${folder} does not exist: create it first, or choose another file.`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw invalidOut(`${file} is a folder: name the file to write inside it.`);
  }
  if (databaseFile !== ':memory:' && isDatabaseFile(file, databaseFile)) {
    throw invalidOut(`${file} is Chart Sync's database (or one of its files): choose another file to write.`);
  }
  return { file, temp: tempBeside(file), defaultFolder: null };
}

/** Same folder (so the rename is atomic), hidden, unique: `.rankings.csv.1a2b3c4d.partial`. */
function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
}

function isDatabaseFile(file: string, databaseFile: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return join(realpathSync(dirname(path)), basename(path));
    }
  };
  const target = real(file);
  const database = real(resolve(databaseFile));
  return ['', '-wal', '-shm', '-journal', '.sync-lock', '.sync-lock.holder'].some(
    (suffix) => target === database + suffix,
  );
}

function invalidOut(message: string): ChartSyncError {
  return new ChartSyncError('invalid_input', message, { fields: { out: message } });
}
