import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChartSyncError, toErrorShape, type ErrorShape } from '../../../shared/errors';
import { exportStartInput } from '../../../shared/schemas/export-input';
import { parseInput } from '../../../shared/schemas/parse-input';
import { actAs } from '../audit/actor';
import type { ExportService } from '../export/export-service';
import { camelToSnake } from './case-keys';
import type { InternalErrorLog } from './engine-port';
import { SECURITY_HEADERS, sendJson } from './responses';
import { answer, callContract } from './rest-answer';
import { toContractInput } from './rest-fields';
import { parseQuery, type QuerySpec } from './rest-query';
import type { RestRoute } from './rest-routes';
import { HTTP_STATUS } from './transport-errors';

/** What the streaming endpoints need of the engine: its exports (the Engine has them; test fakes may not). */
export type ExportStreaming = Pick<ExportService, 'prepareStream' | 'fileOf'>;

/** The fields of `POST /api/exports/`, as the contract's exports/start takes them (snake_case). */
const EXPORT_START_FIELDS = [
  'dataset',
  'format',
  'charts',
  'from',
  'to',
  'since_last',
  'bom',
  'out',
] as const;

/**
 * `GET /api/exports/` (the history, paged), `POST /api/exports/` (an export to a file, in the background: 202
 * with it running), `GET /api/exports/{id}/`, `POST /api/exports/{id}/cancel/`, over the exports calls.
 */
export const EXPORT_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/exports',
    query: { GET: { limit: 'integer', offset: 'integer' } },
    methods: {
      GET: async (contract, { query }) => answer(200, await callContract(contract, 'exports/list', query)),
      POST: async (contract, { body }) =>
        answer(
          202,
          await callContract(contract, 'exports/start', toContractInput(body, EXPORT_START_FIELDS)),
        ),
    },
  },
  {
    path: '/api/exports/{id}',
    idOf: 'Export',
    methods: {
      GET: async (contract, { id }) => answer(200, await callContract(contract, 'exports/get', { id })),
    },
  },
  {
    path: '/api/exports/{id}/cancel',
    idOf: 'Export',
    methods: {
      POST: async (contract, { id, body }) => {
        toContractInput(body, []);
        return answer(200, await callContract(contract, 'exports/cancel', { id }));
      },
    },
  },
];

/** `GET /api/export/{dataset}?format=csv&chart=a&chart=b&from=&to=&since_last=1&bom=1`. */
const STREAM_QUERY: QuerySpec = {
  format: 'text',
  chart: 'list',
  from: 'text',
  to: 'text',
  since_last: 'flag',
  bom: 'flag',
};

/** The file endpoints as the "No endpoint" answer lists them. */
export const EXPORT_FILE_PATHS = ['/api/export/{dataset}', '/api/exports/{id}/file'] as const;
const STREAM_PATH = /^\/api\/export\/([^/]+)\/?$/;
const FILE_PATH = /^\/api\/exports\/([^/]+)\/file\/?$/;

/**
 * The two endpoints that answer a file rather than JSON, tried before the JSON routes (after the token and
 * origin checks, which they share with every endpoint): an export streamed as it is written, and the file of
 * a finished export. Answers true when the request was one of them.
 */
export function createExportStreams(
  exports: ExportStreaming,
  log: InternalErrorLog,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean> {
  return async (request, response, url) => {
    const stream = STREAM_PATH.exec(url.pathname);
    const file = stream ? null : FILE_PATH.exec(url.pathname);
    if (!stream && !file) return false;
    const where = `${request.method ?? 'GET'} ${url.pathname}`;
    if (request.method !== 'GET') {
      fail(
        response,
        { code: 'method_not_allowed', message: `${request.method} is not supported here; use GET.` },
        {
          Allow: 'GET',
        },
      );
      return true;
    }
    try {
      if (stream) await streamExport(exports, decodeDataset(stream[1]!), url, response);
      else sendExportFile(exports, file![1]!, url, response);
    } catch (error) {
      const shape = toErrorShape(error);
      if (shape.code === 'internal') log(error, where);
      if (response.headersSent) response.destroy();
      else fail(response, restFields(shape));
    }
    return true;
  };
}

/**
 * Streams an export as it is written (recorded with destination 'rest', as the REST actor). The filters are
 * checked before the first byte, so a bad one is a 400 with JSON; a client that goes away cancels the export.
 */
async function streamExport(
  exports: ExportStreaming,
  dataset: string,
  url: URL,
  response: ServerResponse,
): Promise<void> {
  const query = parseQuery(url, STREAM_QUERY);
  const input = parseInput(exportStartInput, {
    dataset,
    ...(query.format === undefined ? {} : { format: query.format }),
    charts: query.chart ?? [],
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    sinceLast: query.sinceLast ?? false,
    bom: query.bom ?? false,
  });
  const prepared = actAs('rest', () => exports.prepareStream(input));
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': prepared.contentType,
    'Content-Disposition': `attachment; filename="${prepared.fileName}"`,
    'Cache-Control': 'no-store',
  });
  response.once('close', () => {
    if (!response.writableFinished) prepared.cancel();
  });
  await prepared.run(response);
}

/** The file of a completed export, for the browser UI's download link (`?token=` authenticates it). */
function sendExportFile(
  exports: ExportStreaming,
  segment: string,
  _url: URL,
  response: ServerResponse,
): void {
  const id = Number(segment);
  if (!/^\d+$/.test(segment) || !Number.isSafeInteger(id) || id < 1) {
    throw new ChartSyncError(
      'invalid_input',
      `The export id must be a positive whole number, not ${JSON.stringify(segment)}.`,
    );
  }
  const found = exports.fileOf(id);
  const source = createReadStream(found.file);
  source.once('open', () => {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': String(found.size),
      'Content-Disposition': `attachment; filename="${found.name.replace(/["\\\r\n]/g, '_')}"`,
      'Cache-Control': 'no-store',
    });
    source.pipe(response);
  });
  source.once('error', () => {
    if (response.headersSent) response.destroy();
    else fail(response, { code: 'not_found', message: `The file of export ${id} cannot be read any more.` });
  });
  response.once('close', () => source.destroy());
}

/** The `{dataset}` segment decoded; a malformed percent-encoding is a bad request, as on every other route. */
function decodeDataset(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ChartSyncError('invalid_input', `${JSON.stringify(segment)} is not a valid path segment.`);
  }
}

function fail(
  response: ServerResponse,
  error: ErrorShape | { code: keyof typeof HTTP_STATUS; message: string },
  headers: Record<string, string> = {},
): void {
  sendJson(response, HTTP_STATUS[error.code], { ok: false, error }, headers);
}

/** The contract's field names as this endpoint takes them: `charts` is the repeated `chart`, the rest snake_case. */
function restFields(error: ErrorShape): ErrorShape {
  if (!error.fields) return error;
  const rename = (path: string) => (path.startsWith('charts') ? 'chart' : camelToSnake(path));
  let message = error.message;
  const fields: Record<string, string> = {};
  for (const [path, problem] of Object.entries(error.fields)) {
    fields[rename(path)] = problem;
    message = message.replaceAll(`${path}: `, `${rename(path)}: `);
  }
  return { ...error, message, fields };
}
