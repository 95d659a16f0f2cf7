export {
  startEmulator,
  DEFAULT_EMULATOR_HOST,
  TOKEN_PATH,
  type EmulatorOptions,
  type RunningEmulator,
} from './server';
export { SANDBOX_PAIR, type CredentialPair, type OAuthClient } from './auth';
export { SANDBOX_CHART, PLATFORMS, type EmulatedChart, type Frequency } from './catalogue';
export {
  FaultController,
  TRIGGERED_FAULTS,
  type FaultsConfig,
  type FaultTrigger,
  type LatencyConfig,
} from './faults';
export { EmulatorStats, type RequestRecord } from './stats';
export { HISTORY_DAYS, SIMULATION_EPOCH_DAY } from './rankings';
