/**
 * A request path as an operator reads it in an execution's error ("the ranking of ca-197 of 24 Nov 2026"), rather
 * than a URL-encoded path that a list column cuts off before it says anything. The path itself stays in the
 * error's details for the log.
 */
const PATTERNS: [RegExp, (...parts: string[]) => string][] = [
  [/\/chart\/song\/platforms$/, () => 'the list of chart platforms'],
  [/\/chart\/song\/by-platform\/([^/]+)$/, (platform) => `the ${platform} chart catalogue`],
  [/\/chart\/song\/([^/]+)\/available-rankings$/, (slug) => `the ranking dates of chart ${slug}`],
  [/\/chart\/song\/([^/]+)\/ranking\/latest$/, (slug) => `the latest ranking of chart ${slug}`],
  [/\/chart\/song\/([^/]+)\/ranking\/([^/]+)$/, (slug, at) => `the ranking of chart ${slug} of ${dayOf(at)}`],
  [/\/song\/([^/]+)\/audience\/([^/]+)$/, (uuid, platform) => `the ${platform} audience of song ${uuid}`],
  [/\/song\/([^/]+)$/, (uuid) => `the metadata of song ${uuid}`],
  [/\/oauth\/token$/, () => 'an access token'],
];

function dayOf(datetime: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(datetime)?.[0] ?? datetime;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function describeRequest(path: string): string {
  const bare = path.split('?', 1)[0]!;
  for (const [pattern, describe] of PATTERNS) {
    const match = pattern.exec(bare);
    if (match) return describe(...match.slice(1).map(decoded));
  }
  return bare;
}
