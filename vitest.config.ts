import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: [
            'test/shared/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/build/**/*.test.ts',
            'test/security/**/*.test.ts',
            'test/trust/**/*.test.ts',
          ],
          testTimeout: 30_000,
          globalSetup: ['test/support/build-once.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
