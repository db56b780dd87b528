// Lint: typescript-eslint with the type-aware rules that catch real mistakes here (a promise left
// floating, a switch missing a case, value imports that are only types), and the layering of
// README "How it is built" as import boundaries. Formatting is Prettier's (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Every TypeScript file belongs to one of these: the server side, the web app, the web app's specs. */
const PROJECTS = ['./tsconfig.json', './apps/web/tsconfig.json', './apps/web/tsconfig.spec.json'];
const NODE_GLOBALS = Object.fromEntries(
  ['require', 'module', 'process', 'console', '__dirname', 'globalThis', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'test-artifacts/', 'data/', 'bench/results/', 'tools/neo4j-test-server/target/', '.neo4j/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { project: PROJECTS, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read GraphQL answers as untyped JSON.
    files: ['test/**', 'bench/**', '**/*.spec.ts', '**/*.contract.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The layering: libs never import apps; the browser shares only libs/domain; the domain needs no other library.
    files: ['apps/**', 'libs/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: PROJECTS.slice(0, 2), noWarnOnMultipleProjects: true })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './libs', from: './apps', message: 'A library never imports an app.' },
            {
              target: './apps/web',
              from: ['./apps/api', './libs/graph', './libs/analytics', './libs/exchange'],
              message: 'The web app runs in the browser: it shares only libs/domain with the server.',
            },
            { target: './libs/domain', from: ['./libs/graph', './libs/analytics', './libs/exchange'], message: 'libs/domain depends on no other library.' },
          ],
        },
      ],
    },
  },
  {
    // The web app's tsconfig resolves only @verkosto/domain/*, so the zones above never see these.
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@verkosto/(?!domain(/|$))', message: 'The web app shares only libs/domain with the server.' }] }],
    },
  },
  prettier,
);
