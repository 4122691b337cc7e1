import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    hookTimeout: 120_000,
    // expect.poll waits this long by default (vitest's own 1 s is tight on a busy 2-core machine).
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 600_000,
    // One file at a time: each loads the machine on purpose, and figures are printed in order.
    fileParallelism: false,
  },
});
