/**
 * Three projects, so `npm test` runs all and a developer can run one (`npm run test:unit`,
 * `test:api`, `test:browser`, or `npx jest --selectProjects unit`):
 * - unit: pure code, no database, server or browser (the folders in UNIT_DIRS, and test/planning/pure);
 * - api: the app through HTTP, the CLI, the database, imports and exports (every other test outside test/browser);
 * - browser: what a person does on the page, in Debian's Chromium (test/browser); the browser code is
 *   built first (scripts/build-client.ts), so the pages run the current src/client.
 * Every test file belongs to exactly one project; a new folder lands in `api` unless listed here.
 * Test files mirror what they test: `test/engine/rank.test.ts` tests `src/engine/rank.ts`, `test/scripts/data/` tests
 * `scripts/data/`, `test/data/` checks the committed data files; feature folders (`test/auth`, `test/responses`, …)
 * hold the tests that go through the app.
 *
 * Jest only transpiles the TypeScript tests (ts-jest with `isolatedModules`: one file at a time, no
 * type check); `npm run typecheck` checks the types of src, scripts, bench and test once.
 */
const UNIT_DIRS = ['engine', 'geo', 'data', 'cli', 'client', 'model', 'common', 'scripts'];
const UNIT_FILES = ['planning/pure.test.ts'];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [...UNIT_DIRS.map((d) => `<rootDir>/test/${d}/**/*.test.ts`), ...UNIT_FILES.map((f) => `<rootDir>/test/${f}`)],
    },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        `<rootDir>/test/(${[...UNIT_DIRS, 'browser'].join('|')})/`,
        ...UNIT_FILES.map((f) => `<rootDir>/test/${f.replace(/\./g, '\\.')}$`),
      ],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/build-client-setup.ts',
    },
  ],
};
