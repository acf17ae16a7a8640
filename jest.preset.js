// Shared Jest settings for every project. @swc/jest compiles TypeScript quickly; it needs
// legacy decorators with metadata for NestJS DI and TypeORM entities, and it does not read
// tsconfig paths, so the @dropship/* aliases are mapped here.
const { join } = require('path');

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcOptions] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@dropship/([a-z-]+)$': join(__dirname, 'libs/$1/src/index.ts') },
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
