import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'sanity/tests/**/*.test.ts'],
    // Builds spawn `astro build`; give them room without hiding a hang.
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // Builds share the project's .astro/ folder: test files run one at a time.
    fileParallelism: false,
  },
});
