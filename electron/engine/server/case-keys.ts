/**
 * The REST API speaks the original system's snake_case (chart_id, is_active…); the contract is camelCase.
 * Only keys are converted, never values.
 */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Every object key at every depth, for responses. */
export function snakeKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeysDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        camelToSnake(key),
        snakeKeysDeep(inner),
      ]),
    );
  }
  return value;
}
