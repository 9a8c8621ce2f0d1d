import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one worker per core keeps Chromium and PostgreSQL from starving each other.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
