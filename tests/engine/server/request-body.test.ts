import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from '../../../electron/engine/server/request-body';

/** A request whose body stream fails after a first chunk, as when the client disconnects mid-body. */
function cutOffRequest(): IncomingMessage {
  let sent = false;
  const body = new Readable({
    read() {
      if (sent) {
        this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        return;
      }
      sent = true;
      this.push('{"chart_id": ');
    },
  });
  return Object.assign(body, {
    headers: { 'content-type': 'application/json', 'content-length': '40' },
  }) as unknown as IncomingMessage;
}

describe('readJsonBody', () => {
  it('answers a body cut off by the client as bad input, not as an error of the host', async () => {
    expect(await readJsonBody(cutOffRequest())).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The request body ended before it was complete.' },
    });
  });
});
