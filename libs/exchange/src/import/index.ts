export * from './columns';
export * from './messages';
export * from './plan';
export * from './report';
export * from './run';
export * from './sheets';
export * from './templates';
export { guessOrganisationKind, parseAmount, parseDate } from './vocabulary';
