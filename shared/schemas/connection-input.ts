import { z } from 'zod';
import { API_URL_MAX_LENGTH } from '../domain/policies';

/** Soundcharts ids and keys are short tokens; anything longer is a paste gone wrong. */
const CREDENTIAL_MAX = 512;

const token = (field: string) =>
  z
    .string({ error: `${field} is required.` })
    .trim()
    .min(1, `${field} is required.`)
    .max(CREDENTIAL_MAX, `${field} is at most ${CREDENTIAL_MAX} characters.`)
    .refine((value) => !/\s/.test(value), `${field} cannot contain spaces.`);

/** Soundcharts credentials: an app id and API key, or an OAuth client (client credentials grant). */
export const credentialsInput = z.discriminatedUnion(
  'kind',
  [
    z
      .object({ kind: z.literal('api-key'), appId: token('The app id'), apiKey: token('The API key') })
      .strict(),
    z
      .object({
        kind: z.literal('oauth'),
        clientId: token('The client id'),
        clientSecret: token('The client secret'),
        teamId: token('The team id').optional(),
      })
      .strict(),
  ],
  { error: 'The credentials kind is "api-key" or "oauth".' },
);

export const apiUrlSchema = z
  .string({ error: 'The API URL must be text.' })
  .trim()
  .max(API_URL_MAX_LENGTH, `The API URL is at most ${API_URL_MAX_LENGTH} characters.`)
  .pipe(z.url({ protocol: /^https?$/, error: 'The API URL must be an http(s) URL.' }));

/**
 * "Test connection": the credentials and API URL being typed (not yet saved), or what is in use when omitted.
 * Either may be given alone.
 */
export const testConnectionInput = z
  .object({ credentials: credentialsInput.optional(), apiUrl: apiUrlSchema.optional() })
  .strict();
