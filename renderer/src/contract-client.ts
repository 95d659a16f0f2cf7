import type { ContractClient } from '../../shared/contract/client';

declare global {
  interface Window {
    chartSync?: ContractClient;
  }
}

/** The contract as the desktop preload exposes it; null when the page runs outside the app. */
export function contractClient(): ContractClient | null {
  return window.chartSync ?? null;
}
