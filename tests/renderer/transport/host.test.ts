import { describe, expect, it, vi } from 'vitest';
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

  it('the desktop app shows the screen its shell asks for, through the router', () => {
    let listener: ((href: string) => void) | null = null;
    const onNavigate = vi.fn((l: (href: string) => void) => {
      listener = l;
      return () => {};
    });
    const openScreen = vi.fn();
    desktopHost({ chartSyncHost: { onNavigate } }, openScreen);
    expect(onNavigate).toHaveBeenCalledTimes(1);
    listener!('#/executions/12');
    expect(openScreen).toHaveBeenCalledWith('#/executions/12');
  });
});
