import type { IncomingMessage } from 'node:http';
import { MAX_REST_BODY_BYTES } from './limits';
import type { TransportError } from './transport-errors';

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: TransportError };

/**
 * The JSON object a REST request carries. An empty body is an empty object (the contract then says what is
 * missing); anything else must be `application/json`, at most MAX_REST_BODY_BYTES, and a JSON object.
 */
export async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REST_BODY_BYTES) return tooLarge();
  const hasBody = declared > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return { ok: true, value: {} };
  if (!isJsonContentType(request.headers['content-type'])) {
    return {
      ok: false,
      error: {
        code: 'unsupported_media_type',
        message: 'Send the request body as JSON, with the header Content-Type: application/json.',
      },
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_REST_BODY_BYTES) return tooLarge();
      chunks.push(chunk);
    }
  } catch {
    // The client went away mid-body: its problem, not an internal error for the log.
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'The request body ended before it was complete.' },
    };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return {
      ok: false,
      error: { code: 'invalid_input', message: `The request body is not valid JSON${detail}.` },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'The request body must be a JSON object.' },
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function tooLarge(): BodyResult {
  return {
    ok: false,
    error: {
      code: 'payload_too_large',
      message: `The request body is larger than ${MAX_REST_BODY_BYTES / 1024} KiB.`,
    },
  };
}
