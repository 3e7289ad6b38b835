/**
 * Playwright fixtures: each test gets its own DSS gateway emulator + S3 peer (the test bed) and
 * its own web shell (the real `dist/launch.js`, on a fresh data folder), on random ports.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'
import { startProcess, type Started } from './processes'
import { startTestBed, type TestBed } from './testbed/test-bed'

export type TestBedInfo = {
  readonly endpoint: string
  readonly httpEndpoint: string
  readonly caFile: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

export type AppInfo = { readonly url: string; readonly dataDir: string }

type Fixtures = {
  testBed: TestBedInfo
  /** The test bed in the test's own process, for tests that read the emulator's request log. */
  liveTestBed: TestBed
  app: AppInfo
}

const attachOutput = async (
  testInfo: {
    attach(name: string, options: { body: string }): Promise<void>
    status?: string
    expectedStatus: string
  },
  name: string,
  started: Started,
): Promise<void> => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach(name, { body: started.output() })
  }
}

export const test = base.extend<Fixtures>({
  testBed: async ({}, use, testInfo) => {
    const bed = await startProcess(
      'node',
      [
        '--import',
        'tsx',
        'e2e/testbed/cli.ts',
        '--bucket',
        'e2e-photos',
        '--bucket',
        'e2e-reports',
      ],
      {
        ready: /^\{.*"endpoint".*\}$/m,
      },
    )
    await use(JSON.parse(bed.match[0]) as TestBedInfo)
    await attachOutput(testInfo, 'test-bed.log', bed)
    await bed.stop()
  },
  liveTestBed: async ({}, use) => {
    const bed = await startTestBed({ buckets: ['e2e-photos', 'e2e-archive'] })
    await use(bed)
    await bed.stop()
  },
  app: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-app-'))
    const app = await startProcess('node', ['dist/launch.js', '--web', '--no-open'], {
      env: { DSS_EXPLORER_DATA_DIR: dataDir },
      ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
    })
    await use({ url: app.match[1] ?? '', dataDir })
    await attachOutput(testInfo, 'app.log', app)
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
