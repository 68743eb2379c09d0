import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share two cores with the build: keep files sequential and predictable.
    fileParallelism: false,
  },
});
