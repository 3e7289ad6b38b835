import { defineConfig } from '@playwright/test'

// Debian's Chromium (DSS.md §5): Playwright never downloads a browser here.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One Ceph cluster (RADOS Gateway) for the run; each test bed is a tenant of its own on it.
  globalSetup: './e2e/testbed/global-setup.ts',
  outputDir: 'test-results/e2e',
  // Each test's artifacts (screenshot, trace, app and test-bed logs) are kept there on failure.
  timeout: 60_000,
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
})
