export * from './catalogue';
export * from './sync';
export * from './system';
