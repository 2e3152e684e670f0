import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    env: { NO_COLOR: '1', TZ: 'Pacific/Kiritimati', LANG: 'C' },
  },
});
