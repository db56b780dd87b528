/** Test tiers (STYLE.md habit 6): unit specs beside the code, the store contract suite, end-to-end over HTTP. */
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
    '^@verkosto/(domain|graph|analytics|exchange)$': '<rootDir>/libs/$1/src',
  },
  rootDir: __dirname,
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts'] },
    { ...shared, displayName: 'store', testMatch: ['<rootDir>/libs/graph/**/*.contract.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
