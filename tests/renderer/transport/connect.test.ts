// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { connect, takeToken, tokenRefused } from '../../../renderer/src/transport/connect';

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete window.chartSync;
});

describe('takeToken', () => {
  it('takes the token out of the address bar and keeps it for reloads', () => {
    window.history.replaceState(null, '', '/?token=secret&x=1#/schedules');
    expect(takeToken(window)).toBe('secret');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/schedules');
    expect(takeToken(window)).toBe('secret');
  });

  it('is null when the page was opened without one', () => {
    expect(takeToken(window)).toBeNull();
  });
});

describe('connect', () => {
  it('prefers the desktop preload when present', () => {
    const fake = { on: () => () => {} } as unknown as NonNullable<Window['chartSync']>;
    window.chartSync = fake;
    const connection = connect(window);
    expect(connection?.transport).toBe('desktop');
    expect(connection?.client).toBe(fake);
    // The file of an export is on the desktop's own disk: no download link, and no save dialog until the shell has one.
    expect(connection?.host).toEqual({ exportFileUrl: null, chooseSaveFile: null });
  });

  it('gives the browser on the headless host a download link to its own host, with the tab’s token', () => {
    window.history.replaceState(null, '', '/?token=secret#/exports');
    const connection = connect(window);
    expect(connection?.transport).toBe('headless');
    expect(connection?.host.exportFileUrl?.(5)).toBe(
      `${window.location.protocol}//${window.location.host}/api/exports/5/file?token=secret`,
    );
  });

  it('is null without preload and without token, so the page explains how to open it', () => {
    expect(connect(window)).toBeNull();
  });
});

describe('tokenRefused', () => {
  const location = { protocol: 'http:', host: '127.0.0.1:5757' };
  const answering = (status: number | Error) => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher = async (url: string, init?: RequestInit) => {
      asked.push({ url, init });
      if (status instanceof Error) throw status;
      return new Response(null, { status });
    };
    return { asked, fetcher };
  };

  it.each([
    { answer: 401, refused: true },
    { answer: 404, refused: false },
    { answer: 200, refused: false },
    { answer: new TypeError('Failed to fetch'), refused: false },
  ])('the host answering $answer → refused: $refused', async ({ answer, refused }) => {
    const { asked, fetcher } = answering(answer);
    expect(await tokenRefused(location, 'se cret', fetcher)()).toBe(refused);
    expect(asked).toEqual([
      {
        url: 'http://127.0.0.1:5757/api/',
        init: { headers: { Authorization: 'Bearer se cret' }, cache: 'no-store' },
      },
    ]);
  });
});
