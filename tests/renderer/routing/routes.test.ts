import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../../renderer/src/routing/routes';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { screen: 'charts' }],
    ['#/', { screen: 'charts' }],
    ['#/charts', { screen: 'charts' }],
    ['#/schedules', { screen: 'schedules' }],
    ['#/schedules/', { screen: 'schedules' }],
    ['#/schedules/new', { screen: 'schedule-new', chartId: null }],
    ['#/schedules/new?chartId=42', { screen: 'schedule-new', chartId: 42 }],
    ['#/schedules/new?chartId=abc', { screen: 'schedule-new', chartId: null }],
    ['#/schedules/7', { screen: 'schedule-detail', id: 7 }],
    ['#/schedules/7/edit', { screen: 'schedule-edit', id: 7 }],
    ['#/settings', { screen: 'settings' }],
    ['#/settings/x', { screen: 'not-found', path: '/settings/x' }],
    ['#/schedules/0', { screen: 'not-found', path: '/schedules/0' }],
    ['#/schedules/-3', { screen: 'not-found', path: '/schedules/-3' }],
    ['#/schedules/7/delete', { screen: 'not-found', path: '/schedules/7/delete' }],
    ['#/executions', { screen: 'executions', filter: {} }],
    [
      '#/executions?status=failed&chartId=3',
      { screen: 'executions', filter: { status: 'failed', chartId: '3' } },
    ],
    ['#/executions/12', { screen: 'execution-detail', id: 12 }],
    ['#/alerts', { screen: 'alerts', filter: {} }],
    [
      '#/alerts?unread=1&kind=sync_failed',
      { screen: 'alerts', filter: { unread: '1', kind: 'sync_failed' } },
    ],
    ['#/alerts/3', { screen: 'not-found', path: '/alerts/3' }],
    ['#/settings', { screen: 'settings' }],
    ['#/nowhere', { screen: 'not-found', path: '/nowhere' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('hrefOf', () => {
  it.each<Exclude<Route, { screen: 'not-found' }>>([
    { screen: 'charts' },
    { screen: 'schedules' },
    { screen: 'schedule-new', chartId: null },
    { screen: 'schedule-new', chartId: 5 },
    { screen: 'schedule-detail', id: 9 },
    { screen: 'schedule-edit', id: 9 },
    { screen: 'executions', filter: {} },
    { screen: 'executions', filter: { status: 'running', trigger: 'manual' } },
    { screen: 'alerts', filter: {} },
    { screen: 'alerts', filter: { unread: '1', kind: 'quota_low' } },
    { screen: 'settings' },
    { screen: 'execution-detail', id: 3 },
    { screen: 'settings' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
