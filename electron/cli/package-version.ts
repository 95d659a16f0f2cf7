import { readFileSync } from 'node:fs';

/** The version in package.json, read at run time so the CLI and the app never disagree. */
export function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}
