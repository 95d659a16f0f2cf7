/**
 * A link from stored data (Soundcharts' app URLs, artists' pages) opened outside the app only when it is https:
 * never javascript:, file: or plain http. Returns the normalised URL, or null.
 */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}
