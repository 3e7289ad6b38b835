/**
 * Issue 11, item 8: the web shell's tab shows when its server is gone. The shell process is
 * stopped under an open tab, started again on the same port and data folder (the tab recovers),
 * then replaced by a shell of another data folder, whose token the tab does not hold.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startProcess, type Started } from './processes'

/** A port free right now, for a shell that must come back on the same one. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

const startShell = async (
  dataDir: string,
  port: number,
): Promise<Started & { readonly url: string }> => {
  const shell = await startProcess(
    'node',
    ['dist/launch.js', '--web', '--no-open', '--port', String(port)],
    {
      env: { DSS_EXPLORER_DATA_DIR: dataDir },
      ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/,
    },
  )
  return { ...shell, url: shell.match[1] ?? '' }
}

const screenshot = async (page: Page, name: string): Promise<void> => {
  await mkdir('test-results', { recursive: true })
  await page.screenshot({ path: path.join('test-results', `${name}.png`) })
}

test('the tab says when the web shell is gone, and recovers when it is back', async ({ page }) => {
  test.setTimeout(120_000)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-connection-'))
  const otherDataDir = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-connection-other-'))
  const port = await freePort()
  const running: Started[] = []
  try {
    const first = await startShell(dataDir, port)
    running.push(first)
    await page.goto(first.url)
    await page
      .getByRole('grid', { name: 'Buckets' })
      .getByRole('row', { name: 'demo', exact: true })
      .dblclick()
    const grid = page.getByRole('grid', { name: 'Objects' })
    await expect(grid.getByRole('row', { name: /README\.txt/ })).toBeVisible()
    const banner = page.getByTestId('connection-banner')
    const notConnected = page.getByRole('alert').filter({ hasText: 'Not connected' })
    await expect(banner).toBeEmpty()

    // Stopped: the banner shows, and Refresh fails with a sentence instead of spinning.
    await first.stop()
    await expect(banner).toHaveText('Disconnected — reconnecting…')
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect(notConnected).toContainText(
      'Not connected to DSS Explorer: reconnecting. Try again in a moment.',
    )
    await screenshot(page, 'connection-reconnecting')

    // Back on the same port with the same data folder: the banner goes, the folder lists again.
    const second = await startShell(dataDir, port)
    running.push(second)
    await expect(banner).toBeEmpty({ timeout: 20_000 })
    await expect(notConnected).toBeHidden()
    await expect(grid.getByRole('row', { name: /README\.txt/ })).toBeVisible()
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect(grid.getByRole('row', { name: /README\.txt/ })).toBeVisible()

    // Another shell on that port (another data folder, so another token): gone for good.
    await second.stop()
    await expect(banner).toHaveText('Disconnected — reconnecting…')
    running.push(await startShell(otherDataDir, port))
    await expect(banner).toHaveText(
      'DSS Explorer no longer accepts this page. Open the link it printed when it started.',
      { timeout: 20_000 },
    )
    await screenshot(page, 'connection-refused')
  } finally {
    for (const shell of running) await shell.stop()
    await rm(dataDir, { recursive: true, force: true })
    await rm(otherDataDir, { recursive: true, force: true })
  }
})
