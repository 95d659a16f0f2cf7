import { TOKEN_PARAM } from '../../../shared/contract/channels';
import { parseTimeInput, TIME_INPUT_HINT } from '../../../shared/domain/wire-times';
import { ChartSyncError } from '../../../shared/errors';
import { snakeToCamel } from './case-keys';
import { fieldPath, quotedName } from '../../../shared/schemas/shown-input';

/**
 * How an endpoint reads a query parameter before the contract validates it: a query string carries only text.
 * `integer` becomes a number when it is one (else the contract names the problem); `since`/`until` are ISO 8601
 * times or dates (epoch ms for the contract); `flag` is 1/true or 0/false; `text` is passed as it is; `list`
 * may be given more than once (`chart=a&chart=b`) and is passed as an array of texts; `integers` likewise, each
 * a number when it is one (`chart_ids=1&chart_ids=2`).
 */
export type QueryKind = 'integer' | 'text' | 'flag' | 'since' | 'until' | 'list' | 'integers';
/** The query parameters an endpoint takes, by their snake_case name. */
export type QuerySpec = Readonly<Record<string, QueryKind>>;

const FLAGS: Readonly<Record<string, boolean>> = { '1': true, true: true, '0': false, false: false };

/**
 * The query of a request, with camelCase keys and values read by kind, ready for a contract input. The token
 * is not a parameter (it authenticates). An unknown parameter, or one given twice, is refused naming it, as an
 * unknown body field is.
 */
export function parseQuery(url: URL, spec: QuerySpec = {}): Record<string, unknown> {
  const names = [...url.searchParams.keys()].filter((name) => name !== TOKEN_PARAM);
  const allowed = Object.keys(spec);
  const unknown = [...new Set(names.filter((name) => !Object.hasOwn(spec, name)))];
  if (unknown.length > 0) {
    const expected =
      allowed.length > 0
        ? `expected some of: ${allowed.join(', ')}`
        : 'this endpoint takes no query parameters';
    throw new ChartSyncError(
      'invalid_input',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map(quotedName).join(', ')}; ${expected}.`,
      { fields: Object.fromEntries(unknown.map((name) => [fieldPath([name]), 'Unknown query parameter.'])) },
    );
  }
  const query: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const name of new Set(names)) {
    const values = url.searchParams.getAll(name);
    if (spec[name] === 'list') {
      query[snakeToCamel(name)] = values;
      continue;
    }
    if (spec[name] === 'integers') {
      query[snakeToCamel(name)] = values.map((text) => readInteger(text).value);
      continue;
    }
    if (values.length > 1) {
      fields[name] = 'Given more than once; give it once.';
      continue;
    }
    const read = readValue(spec[name]!, values[0]!);
    if ('problem' in read) fields[name] = read.problem;
    else query[snakeToCamel(name)] = read.value;
  }
  const problems = Object.entries(fields);
  if (problems.length > 0) {
    throw new ChartSyncError('invalid_input', problems.map(([name, why]) => `${name}: ${why}`).join('; '), {
      fields,
    });
  }
  return query;
}

function readValue(kind: QueryKind, text: string): { value: unknown } | { problem: string } {
  switch (kind) {
    case 'integer':
      return readInteger(text);
    case 'text':
    case 'list':
    case 'integers':
      return { value: text };
    case 'flag':
      return Object.hasOwn(FLAGS, text.toLowerCase())
        ? { value: FLAGS[text.toLowerCase()] }
        : { problem: `Use 1 or true, 0 or false, not ${JSON.stringify(text)}.` };
    case 'since':
    case 'until': {
      const instant = parseTimeInput(text, kind === 'since' ? 'start' : 'end');
      return instant === null
        ? { problem: `Expected ${TIME_INPUT_HINT}, not ${JSON.stringify(text)}.` }
        : { value: instant };
    }
  }
}

/** A number when the text is a whole number; else the text, for the contract to name the problem. */
function readInteger(text: string): { value: unknown } {
  return { value: /^\d+$/.test(text) ? Number(text) : text };
}
