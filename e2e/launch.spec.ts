/** `npm start` where Electron's runtime is missing: one clear line, then the web shell. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { startProcess } from './processes'

test('without Electron, the launcher says so and serves the same UI on the sandbox', async ({
  page,
}) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-launch-'))
  const noElectron = await mkdtemp(path.join(os.tmpdir(), 'dss-no-electron-'))
  const launcher = await startProcess('node', ['dist/launch.js', '--no-open'], {
    env: { DSS_EXPLORER_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
    ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
  })
  try {
    const lines = launcher.output().trim().split('\n')
    expect(lines[0]).toMatch(
      /^Electron's runtime is not available .*Starting the web shell instead\.$/,
    )
    expect(lines).toHaveLength(2)
    const url = launcher.match[1] ?? ''
    const withoutToken = await page.request.get(url.replace(/\?token=.*/, ''))
    expect(withoutToken.status()).toBe(403)
    await page.goto(url)
    await expect(page.getByRole('heading', { name: 'Local sandbox' })).toBeVisible()
    await expect(
      page.getByRole('grid', { name: 'Buckets' }).getByRole('row', { name: /demo/ }),
    ).toBeVisible()
  } finally {
    await launcher.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(noElectron, { recursive: true, force: true })
  }
})
