export * from './policies';
export * from './backoff';
export * from './frequency';
export * from './next-sync';
export * from './schedule-status';
export * from './periods';
export * from './staleness';
export * from './execution';
