export * from './model';
export * from './errors';
export * from './business-id';
export * from './dates';
export * from './text';
export * from './snapshot';
export * from './seed';
