export * from './graph-store';
export * from './open-store';
export { CypherGraphStore } from './store/cypher-graph-store';
export { MAX_PAGE_SIZE } from './store/paging';
export type { StorageEngine } from './engine/engine';
export { DuplicateKeyError } from './engine/engine';
export * from './accounts/account-store';
export { SQLITE_FILE } from './engine/sqlite-engine';
export { PrivateItems } from './accounts/private-items';
