/**
 * The page's Content-Security-Policy, sent as a header with index.html: the `<meta>` in renderer/index.html
 * (which the desktop window relies on, as file: pages get no headers) applies only once the page is parsed, the
 * header from its first byte. Kept equal to the meta tag (tests/engine/server/static-files.test.ts).
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";
