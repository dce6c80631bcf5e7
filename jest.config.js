/**
 * Jest only transpiles the TypeScript tests (ts-jest with `isolatedModules`: one file at a time, no
 * type check); `npm run typecheck` checks the types of src, scripts, bench and test once.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 60000,
};
