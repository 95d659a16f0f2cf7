import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../electron/engine/config/settings-store';
import { useApi } from './setup';

const setup = useApi();
const WITH_PASSWORD = 'https://gateway:s3cret-pass@api.example/';
const SHOWN = 'https://***@api.example/';

/**
 * The API URL is shown with its user:password as `***` (settings/get, REST GET /api/settings/, the Settings
 * screen's field). What is shown must not be stored back in place of what it hides.
 */
describe('an API URL shown as ***@ and sent back', () => {
  it('sent back as shown (a GET then PUT, a form saved whole), keeps the stored user:password', async () => {
    const api = await setup();
    await api.ok('settings/update', { apiUrl: WITH_PASSWORD });
    const shown = await api.ok('settings/get', {});
    expect(shown.apiUrl).toBe(SHOWN);

    await api.ok('settings/update', { ...shown, rateLimitPerMinute: 600 });
    expect(readSettings(api.engine.database).apiUrl).toBe(WITH_PASSWORD);
    expect(readSettings(api.engine.database).rateLimitPerMinute).toBe(600);
  });

  it('edited but still ***@, is refused by its field instead of storing "***" as the user', async () => {
    const api = await setup();
    await api.ok('settings/update', { apiUrl: WITH_PASSWORD });
    const error = await api.fail('settings/update', { apiUrl: 'https://***@api.example/v2/' });
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['apiUrl']);
    expect(readSettings(api.engine.database).apiUrl).toBe(WITH_PASSWORD);
  });
});
