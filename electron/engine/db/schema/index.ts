export * from './catalogue';
export * from './sync';
export * from './system';
export * from './alerts';
export * from './webhooks';
export * from './usage';
export * from './exports';
