import type { CallName, CallOutputs } from '../../../shared/contract/calls';
import type { Result } from '../../../shared/errors';
import type { ContractCall } from './engine-port';
import { snakePath, type FieldRenamer } from './rest-fields';
import type { RestAnswer } from './rest-routes';

/** A contract call from an endpoint, for route files beside rest-routes.ts. */
export function callContract<K extends CallName>(contract: ContractCall, name: K, input: unknown) {
  return contract(name, input) as Promise<Result<CallOutputs[K]>>;
}

export function answer(
  status: number,
  result: Result<unknown>,
  renameField: FieldRenamer = snakePath,
): RestAnswer {
  return { status, result, renameField };
}
