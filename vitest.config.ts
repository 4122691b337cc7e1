import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite is its own command (npm run test:reliability): long, and it prints figures.
    exclude: ['test/reliability/**', 'node_modules/**'],
    globalSetup: ['test/support/globalSetup.ts'],
    // Database files open their own database in beforeAll; Postgres creation and PGlite loading take a moment.
    hookTimeout: 60_000,
    // expect.poll waits this long by default (vitest's own 1 s is tight on a busy 2-core machine).
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 20_000,
    // Every test stands alone: CI runs them in a random order (the seed is printed, to rerun an order).
    sequence: { shuffle: process.env.CI === 'true' },
  },
});
