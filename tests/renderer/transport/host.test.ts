import { describe, expect, it } from 'vitest';
import { desktopHost, headlessHost } from '../../../renderer/src/transport/host';

describe('host capabilities', () => {
  it('the browser downloads an export from the host that served the page, with the tab’s token', () => {
    const host = headlessHost({ protocol: 'http:', host: '127.0.0.1:5757' }, 'a+b');
    expect(host.exportFileUrl?.(12)).toBe('http://127.0.0.1:5757/api/exports/12/file?token=a%2Bb');
    expect(host.chooseSaveFile).toBeNull();
  });

  it('the desktop app offers only what its shell exposes', () => {
    expect(desktopHost({})).toEqual({ exportFileUrl: null, chooseSaveFile: null });
    const chooseSaveFile = async () => '/home/ana/r.csv';
    expect(desktopHost({ chartSyncHost: { chooseSaveFile } }).chooseSaveFile).toBe(chooseSaveFile);
  });
});
