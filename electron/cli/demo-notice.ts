/** Said on stderr by every command that runs on the demo, so nobody mistakes emulated data for Soundcharts'. */
export const DEMO_NOTICE =
  'Demo mode: no Soundcharts credentials are set (`chart-sync credentials set`, or SOUNDCHARTS_APP_ID / SOUNDCHARTS_API_KEY), so Chart Sync runs on its built-in emulator.';
