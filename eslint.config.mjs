import nx from '@nx/eslint-plugin';

// Dependency rules from style.md §2: one-way, tag-based, no wildcard, no transitive imports.
// Every project may use libs/testing, but only from test files (no-restricted-imports below);
// libs/testing itself depends on none of our libs, so a lib's tests importing it make no cycle.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:testing'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:testing'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'undici', 'axios', 'node-fetch', 'http', 'https'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:feed-ingestor', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:order-router', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:status-publisher', onlyDependOnLibsWithTags: ['scope:shared'] },
];

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/jest.config.cts', '**/jest.int.config.cts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.cache/**', '.nx/**', 'tmp/**'] },
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, banTransitiveDependencies: true, allow: [], depConstraints },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-console': 'error',
      // Configuration is read in one place so that it is validated once, at start.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the config/ module.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@dropship/testing', message: '@dropship/testing is for test files only.' }] },
      ],
    },
  },
  {
    files: ['**/config/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
