/** Every call's name, without its schema: what the preload needs to bind channels, free of zod. */
export const CALL_NAMES = ['app/status'] as const;
export type CallName = (typeof CALL_NAMES)[number];
