export * from './graph-store';
export * from './open-store';
export { CypherGraphStore, MAX_PAGE_SIZE } from './store/cypher-graph-store';
export type { CypherEngine, Dialect } from './engine/cypher-engine';
export { DuplicateKeyError } from './engine/cypher-engine';
export * from './accounts/account-store';
