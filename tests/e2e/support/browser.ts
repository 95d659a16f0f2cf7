import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHART_SYNC_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium from reaching for the network or a GPU on these machines. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Every run writes a screenshot of each screen here, for a person to look at. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

/** A laptop screen: the size an operator most likely gives the window. */
export const VIEWPORT = { width: 1366, height: 860 } as const;

/**
 * Chromium, or a failure that says how to get it: a missing browser fails the end-to-end tests, it never
 * skips them.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or point ` +
        'CHART_SYNC_CHROMIUM at a Chromium). The end-to-end tests need it; never `npx playwright install`.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** How long a locator waits by default: short, so one broken step does not hold up the whole file. */
export const ACTION_TIMEOUT_MS = 15_000;

const problemsOf = new WeakMap<Page, string[]>();

/**
 * A page in a fresh context (its own storage, so a theme chosen in one test never leaks into another),
 * recording every uncaught error, console error, failed response and failed request: a test expects none.
 */
export async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    colorScheme,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // A screen answers in well under a second; what takes longer (a sync) is waited for with its own timeout.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  problemsOf.set(page, problems);
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A navigation or a closing page aborts what is in flight: that is not the page's fault.
    if (!failure.includes('ERR_ABORTED')) problems.push(`request failed (${failure}): ${request.url()}`);
  });
  await page.goto(url);
  return page;
}

/** Errors the page logged since it was opened. */
export function pageProblems(page: Page): string[] {
  return [...(problemsOf.get(page) ?? [])];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Toasts come and go with their own timers; screenshots of the same screen should look alike from run to run.
  await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' });
  return path;
}
