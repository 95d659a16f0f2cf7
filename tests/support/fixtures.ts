import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The real Soundcharts responses live beside the project, in ../shared/fixtures/soundcharts/, and are never
 * copied into the repository. Suites that need them skip with this message when the folder is absent.
 */

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.resolve(PROJECT_ROOT, '../shared/fixtures/soundcharts');
export const FIXTURE_FILES = {
  ranking: 'get_song_ranking.json',
  metadata: 'get_song_metadata.json',
  audience: 'get_song_audience_for_platform.json',
  platforms: 'get_platforms.json',
} as const;

export const fixturesMissing = !Object.values(FIXTURE_FILES).every((file) =>
  existsSync(path.join(FIXTURES_DIR, file)),
);

/** A suite name that says, when the suite is skipped, why. */
export function fixtureSuite(name: string): string {
  return fixturesMissing ? `${name} — SKIPPED: real Soundcharts fixtures not found in ${FIXTURES_DIR}` : name;
}

export function readFixture(name: keyof typeof FIXTURE_FILES): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, FIXTURE_FILES[name]), 'utf8')) as Record<
    string,
    unknown
  >;
}
