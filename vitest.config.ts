import { defineConfig } from 'vitest/config'

export default defineConfig({
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
