/** The foundation end to end: the real web shell in Chromium, connected to the DSS test bed. */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Every frame the core sent to the renderer over the web shell's WebSocket. */
const recordFramesToRenderer = (page: Page): string[] => {
  const frames: string[] = []
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => frames.push(String(payload)))
  })
  return frames
}

const screenshotForReadme = async (page: Page, name: string): Promise<void> => {
  if (!process.env.UPDATE_SCREENSHOTS) return
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

test('a newcomer lands on the local sandbox and sees its demo bucket', async ({ page, app }) => {
  // No account is configured: the app opens on the sandbox by itself.
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: 'Local sandbox' })).toBeVisible()
  const buckets = page.getByRole('grid', { name: 'Buckets' })
  await expect(buckets.getByRole('row', { name: /demo/ })).toBeVisible()
  await expect(page.getByTestId('bucket-count')).toHaveText('1 bucket')
  await screenshotForReadme(page, 'sandbox')
})

test('connect to the DSS test bed through the UI and see its buckets', async ({
  page,
  app,
  testBed,
}) => {
  const frames = recordFramesToRenderer(page)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Add account', exact: true }).click()
  await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
  await page.getByLabel('Name', { exact: true }).fill('Test bed')
  await page.getByLabel('Endpoint', { exact: true }).fill(testBed.endpoint)
  await page.getByLabel('Access key', { exact: true }).fill(testBed.accessKeyId)
  await page.getByText('Advanced', { exact: true }).click()
  await page.getByLabel('Custom CA file', { exact: true }).fill(testBed.caFile)

  // A wrong secret: the specific error, next to the form.
  const wrongSecret = `${testBed.secretAccessKey.slice(0, -4)}XXXX`
  await page.getByLabel('Secret key', { exact: true }).fill(wrongSecret)
  await page.getByRole('button', { name: 'Test connection', exact: true }).click()
  const result = page.getByTestId('connection-result')
  await expect(result).toHaveAttribute('data-state', 'failed')
  await expect(result.getByRole('alert')).toContainText('SIGNATURE_MISMATCH')
  await expect(result.getByRole('alert')).toContainText('secret key does not match')

  // The right secret: connected, with the bucket count.
  await page.getByLabel('Secret key', { exact: true }).fill(testBed.secretAccessKey)
  await page.getByRole('button', { name: 'Test connection', exact: true }).click()
  await expect(result).toHaveAttribute('data-state', 'ok')
  await expect(result).toContainText(/Connected — 2 buckets/)
  await screenshotForReadme(page, 'connect')

  await page.getByRole('button', { name: 'Save and connect', exact: true }).click()
  const buckets = page.getByRole('grid', { name: 'Buckets' })
  await expect(buckets.getByRole('row', { name: /e2e-photos/ })).toBeVisible()
  await expect(buckets.getByRole('row', { name: /e2e-reports/ })).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Accounts' })
  await expect(tree.getByRole('treeitem', { name: 'e2e-photos', exact: true })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: 'e2e-reports', exact: true })).toBeVisible()
  await screenshotForReadme(page, 'buckets')

  // Nothing the core sent to the renderer carried either secret; nor do the saved settings or
  // the log. (The secret itself is in secrets.json, readable only by the user.)
  expect(frames.length).toBeGreaterThan(3)
  const settings = await readFile(path.join(app.dataDir, 'accounts.json'), 'utf8')
  const log = await readFile(path.join(app.dataDir, 'logs', 'app.log'), 'utf8')
  expect(settings).toContain(testBed.accessKeyId)
  expect(log).toContain('SIGNATURE_MISMATCH')
  for (const text of [...frames, settings, log]) {
    expect(text).not.toContain(testBed.secretAccessKey)
    expect(text).not.toContain(wrongSecret)
  }
})
