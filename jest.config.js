/** Test tiers (STYLE.md habit 6): unit specs beside the code, the store contract suite, end-to-end over HTTP. */
const { neo4jLegs } = require('./tools/neo4j-test-server/legs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@verkosto/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@verkosto/graph/demo$': '<rootDir>/libs/graph/src/demo/demo-network',
    '^@verkosto/graph/testing$': '<rootDir>/libs/graph/src/testing/test-neo4j',
    '^@verkosto/(domain|graph|analytics|exchange)$': '<rootDir>/libs/$1/src',
  },
  rootDir: __dirname,
};
// The store contract runs its Neo4j leg, and the end-to-end suites run a second time on Neo4j, when
// a test Neo4j can be started here (Java and Maven); it is started once for the run and stopped after.
const neo4j = neo4jLegs() ? { globalSetup: '<rootDir>/tools/neo4j-test-server/jest-setup.js', globalTeardown: '<rootDir>/tools/neo4j-test-server/jest-teardown.js' } : {};
const e2e = { ...shared, testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] };
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts'] },
    { ...shared, ...neo4j, displayName: 'store', testMatch: ['<rootDir>/libs/graph/**/*.contract.ts'] },
    { ...e2e, displayName: 'e2e' },
    ...(neo4jLegs() ? [{ ...e2e, ...neo4j, displayName: 'e2e-neo4j', setupFilesAfterEnv: ['<rootDir>/test/support/on-neo4j.ts'] }] : []),
  ],
};
