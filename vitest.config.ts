import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, fixtures, seeds) and `browser` (the
 * sample site built once by a global setup, served on localhost and driven
 * in Chromium). `npm test` runs both; a browser test that cannot launch
 * Chromium fails rather than skips.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: this machine has 2 cores.
          fileParallelism: false,
          // A page's transitions and scripts can run late while the unit project keeps both cores busy.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
