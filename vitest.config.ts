import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
    // Correctness only: speed is measured in \`npm run bench\`. A loaded 2-core CI machine can take
    // more than vitest's default 5 s over the larger corpora (1381 classes, 1000-command logs).
    testTimeout: 30_000,
  },
});
