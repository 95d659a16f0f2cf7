import type { CallHandlers } from '../../../shared/contract/calls';
import type { Subscribe } from '../../../shared/contract/client';

/**
 * What a transport needs of the engine: its handlers (run through dispatch) and its events. The Engine has both;
 * tests pass small fakes.
 */
export type EnginePort = {
  readonly handlers: CallHandlers;
  readonly events: { on: Subscribe };
};
