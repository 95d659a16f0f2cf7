import { z } from 'zod';
import { ALERT_KINDS } from '../domain/alert-kinds';
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from '../domain/execution';
import { AUDIT_ACTIONS } from '../views/audit-entry';
import {
  ALERT_PAGE_DEFAULT,
  ALERT_PAGE_MAX,
  AUDIT_LIST_DEFAULT_LIMIT,
  AUDIT_LIST_MAX_LIMIT,
  BULK_ACTION_MAX_ITEMS,
  CHART_LIST_FIRST_MAX,
  CHART_LIST_IDS_MAX,
  CHART_REFERENCE_MAX,
  EXECUTION_PAGE_MAX,
  EXECUTION_PAGE_DEFAULT,
} from '../domain/policies';
import { analyticsInput, quotaImpactInput } from './analytics-input';
import { rankingInput, songAudienceInput, songGetInput, songsListInput } from './data-input';
import { exportListInput, exportStartInput } from './export-input';
import { pruneInput } from './retention-input';
import { createScheduleInput, updateScheduleInput } from './schedule-input';
import { createWebhookInput, webhookDeliveriesInput } from './webhook-input';
import { updateSettingsInput } from './settings-input';
import { credentialsInput, testConnectionInput } from './connection-input';
import { epochMs, pageLimit, pageOffset, recordId, wholeNumber } from './whole-number';

const id = recordId;
const ids = (what: string) =>
  z
    .array(id)
    .min(1, `Select at least one ${what}.`)
    .max(BULK_ACTION_MAX_ITEMS, `Select at most ${BULK_ACTION_MAX_ITEMS} ${what}s at once.`)
    .transform((list) => [...new Set(list)]);
const none = z.object({}).strict();
const byId = z.object({ id }).strict();

export const callInputs = {
  'app/status': none,
  /**
   * Every chart; or only the charts with these ids and the charts of these schedules (what changed since the
   * screen fetched); or the `first` charts by name, the Charts screen's default order (its first screenful).
   */
  'charts/list': z
    .object({
      chartIds: z.array(id).max(CHART_LIST_IDS_MAX).optional(),
      scheduleIds: z.array(id).max(CHART_LIST_IDS_MAX).optional(),
      first: wholeNumber('The number of charts', 1, CHART_LIST_FIRST_MAX).optional(),
    })
    .strict()
    .refine((input) => input.first === undefined || (!input.chartIds && !input.scheduleIds), {
      message: 'Ask for the first charts or for charts by id, not both.',
    }),
  'charts/discover': none,
  /** The chart by its id, or by `chart`: its id or its slug, as the operator names it (CLI, REST path). */
  'charts/sync-status': z
    .object({ chartId: id.optional(), chart: z.string().trim().min(1).max(CHART_REFERENCE_MAX).optional() })
    .strict()
    .superRefine((input, context) => {
      if (input.chartId === undefined && input.chart === undefined) {
        context.addIssue({ code: 'custom', path: ['chartId'], message: "Give the chart's id." });
      } else if (input.chartId !== undefined && input.chart !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['chart'],
          message: 'Name the chart once: by id or by reference.',
        });
      }
    }),
  /** Charts already scheduled are reported as such; the rest get a schedule on their own frequency. */
  'charts/add-to-schedule': z
    .object({ chartIds: ids('chart'), syncImmediately: z.boolean().default(false) })
    .strict(),
  'charts/remove-from-schedule': z.object({ chartIds: ids('chart') }).strict(),
  'charts/sync-now': z.object({ chartIds: ids('chart') }).strict(),
  'schedules/list': none,
  'schedules/get': byId,
  'schedules/create': createScheduleInput,
  'schedules/update': z.object({ id, changes: updateScheduleInput }).strict(),
  'schedules/set-active': z.object({ ids: ids('schedule'), active: z.boolean() }).strict(),
  'schedules/delete': z.object({ ids: ids('schedule') }).strict(),
  'schedules/sync-now': z.object({ ids: ids('schedule') }).strict(),
  'schedules/backfill-preview': byId,
  'schedules/backfill': byId,
  'executions/list': z
    .object({
      status: z.enum(EXECUTION_STATUSES).optional(),
      trigger: z.enum(EXECUTION_TRIGGERS).optional(),
      chartId: id.optional(),
      scheduleId: id.optional(),
      /** Created at or after (epoch ms). */
      from: epochMs.optional(),
      /** Created before (epoch ms). */
      to: epochMs.optional(),
      limit: pageLimit(EXECUTION_PAGE_MAX, EXECUTION_PAGE_DEFAULT),
      offset: pageOffset,
    })
    .strict()
    .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
      message: 'The start date must be before the end date.',
      path: ['from'],
    }),
  'executions/get': byId,
  /** Starts a new execution of the failed (or cancelled, interrupted) one's schedule. */
  'executions/retry': byId,
  'executions/cancel': byId,
  'webhooks/list': none,
  'webhooks/create': createWebhookInput,
  'webhooks/delete': byId,
  /** One webhook's deliveries, newest first, each with its attempts. */
  'webhooks/deliveries': webhookDeliveriesInput,
  'webhooks/test': byId,
  'alerts/list': z
    .object({
      /** true: only unread; false: only read; absent: all. */
      unread: z.boolean().optional(),
      kind: z
        .enum(ALERT_KINDS, {
          error: (issue) =>
            `Unknown alert kind ${JSON.stringify(issue.input)}; the kinds are ${ALERT_KINDS.join(', ')}.`,
        })
        .optional(),
      scheduleId: id.optional(),
      limit: pageLimit(ALERT_PAGE_MAX, ALERT_PAGE_DEFAULT),
      offset: pageOffset,
    })
    .strict(),
  /** Either some alerts by id, or all unread ones. */
  'alerts/mark-read': z.union(
    [
      z.object({ ids: ids('alert') }).strict(),
      z.object({ all: z.literal(true, 'Say `all: true` to mark every alert read.') }).strict(),
    ],
    { error: 'Give the alerts to mark read as `ids` (a list of alert ids), or `all: true`.' },
  ),
  'alerts/unread-count': none,
  'settings/get': none,
  'settings/update': updateSettingsInput,
  /** The audit log, newest first: filtered by schedule, chart, action and a date range, paged. */
  'audit/list': z
    .object({
      scheduleId: id.optional(),
      chartId: id.optional(),
      action: z
        .enum(AUDIT_ACTIONS, {
          error: (issue) =>
            `Unknown action ${JSON.stringify(issue.input)}; the actions are ${AUDIT_ACTIONS.join(', ')}.`,
        })
        .optional(),
      /** At or after (epoch ms). */
      since: epochMs.optional(),
      /** Before (epoch ms). */
      until: epochMs.optional(),
      limit: pageLimit(AUDIT_LIST_MAX_LIMIT, AUDIT_LIST_DEFAULT_LIMIT),
      offset: pageOffset,
    })
    .strict()
    .refine((f) => f.since === undefined || f.until === undefined || f.since < f.until, {
      message: 'The start date must be before the end date.',
      path: ['since'],
    }),
  /** Prunes history older than the retention setting now; with dryRun, only counts what would go. */
  'retention/prune': pruneInput,
  /** A chart's stored ranking at a date (the latest stored without one). */
  'rankings/get': rankingInput,
  'songs/list': songsListInput,
  /** A song by uuid or ISRC: metadata, every chart it is on with its positions over time. */
  'songs/get': songGetInput,
  /** A song's stored audience; queues a background fetch of what is missing or older than 7 days. */
  'songs/audience': songAudienceInput,
  'analytics/overview': analyticsInput,
  'analytics/quota-plan': none,
  'analytics/quota-impact': quotaImpactInput,
  /** Starts an export; it runs in the background ('export/progress', 'export/updated'). */
  'exports/start': exportStartInput,
  'exports/list': exportListInput,
  'exports/get': byId,
  'exports/cancel': byId,
  'connection/get': none,
  'connection/set-credentials': credentialsInput,
  'connection/clear-credentials': none,
  'connection/test': testConnectionInput,
  /** Pauses every active schedule; resume-all resumes exactly those (not ones paused before). */
  'schedules/pause-all': none,
  'schedules/resume-all': none,
  /** Starts now every active schedule whose slot has come (the tray's "Sync all due now"). */
  'schedules/sync-due': none,
} as const;
