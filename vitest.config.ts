import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // The Electron binary cannot be downloaded here, so the shell's tests run it against a typed
    // stand-in (see that file). Only electron/shell imports `electron` (lint enforces it), so this
    // reaches the shell's code alone — its source and its built dist/electron/main.js alike.
    alias: [
      {
        find: /^electron$/,
        replacement: fileURLToPath(
          new URL('./electron/shell/testing/electron-stand-in.ts', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'e2e/testbed/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    environment: 'node',
    // One Ceph cluster (RADOS Gateway) for the run; each test bed is a tenant of its own on it.
    globalSetup: ['e2e/testbed/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    allowOnly: false,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
