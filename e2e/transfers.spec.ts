/**
 * Issue 4 end to end: a real OS drop of files and a folder tree onto the object table (through
 * CDP, as Chromium gets it from the desktop), a name clash settled once, a large upload paused and
 * resumed, and the folder downloaded again and compared byte for byte with the originals.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'

const MIB = 1024 * 1024

/**
 * Drags files and folders from the "desktop" onto an element: the page gets real File objects
 * and directory entries, as from a file manager (DSS.md §5). Paths must be absolute.
 */
const dropFiles = async (
  page: Page,
  target: Locator,
  paths: readonly string[],
  hint = true,
): Promise<void> => {
  const box = await target.boundingBox()
  if (!box) throw new Error('the drop target is not on screen')
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  const cdp = await page.context().newCDPSession(page)
  const data = { items: [], files: [...paths], dragOperationsMask: 1 }
  try {
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x, y, data })
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x, y, data })
    // The table shows where the files would go before they are let go.
    if (hint) await expect(page.getByText('Drop to upload to', { exact: false })).toBeVisible()
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x, y, data })
  } finally {
    await cdp.detach()
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Every file (with its SHA-256) and every empty folder under `root`, by relative path. */
const snapshot = async (root: string): Promise<Map<string, string>> => {
  const found = new Map<string, string>()
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    if (entries.length === 0) found.set(`${path.relative(root, folder)}/`, 'empty folder')
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) await walk(full)
      else {
        found.set(path.relative(root, full), sha256(await readFile(full)))
      }
    }
  }
  await walk(root)
  return found
}

/** A folder tree with text, binary, empty and nested files, and an empty sub-folder. */
const makeTree = async (root: string): Promise<void> => {
  const files: Record<string, Buffer | string> = {
    'readme.txt': 'A folder dropped from the desktop.\n',
    'zero.bin': Buffer.alloc(0),
    'photos/a.jpg': randomBytes(200 * 1024),
    'photos/b b.jpg': randomBytes(3 * MIB + 123),
    'docs/2024/report.pdf': randomBytes(700 * 1024),
    'deep/er/still/x.txt': 'deep\n',
  }
  for (let n = 0; n < 24; n += 1)
    files[`many/${String(n).padStart(2, '0')}.log`] = randomBytes(40_000)
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), body)
  }
  await mkdir(path.join(root, 'empty'), { recursive: true })
}

test('drop, name clash, pause and resume, download: files come back byte for byte', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(90_000)
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-transfers-'))
  try {
    const tree = path.join(work, 'desktop', 'tree')
    const notes = path.join(work, 'desktop', 'notes.md')
    const big = path.join(work, 'desktop', 'big.bin')
    await makeTree(tree)
    await writeFile(notes, '# Notes\n')
    await writeFile(big, randomBytes(64 * MIB))

    await connectAccount(page, app.url, bed)
    const accounts = page.getByRole('tree', { name: 'Accounts' })
    const grid = page.getByRole('grid', { name: 'Objects' })
    const transfers = page.getByRole('region', { name: 'Transfers' })
    const toggle = page.getByRole('button', { name: /^Transfers/ })
    await accounts.getByRole('treeitem', { name: 'e2e-photos', exact: true }).click()
    await expect(page.getByText('This folder is empty')).toBeVisible()

    // 1. Drop a folder tree and a loose file on the empty folder. A little latency per request
    // keeps the 32 files in flight long enough to watch the overall progress move.
    bed.emulator.setFaults({ latencyMs: 150 })
    const started = Date.now()
    await dropFiles(page, grid, [tree, notes])
    await expect(transfers).toBeVisible()
    await expect(toggle).toHaveText(/^Transfers\s*\d+%/)
    const row = (name: string) => transfers.getByRole('listitem', { name, exact: true })
    await expect(row('readme.txt')).toBeVisible()
    await expect(transfers.getByTestId('transfer')).toHaveCount(32)
    await expect(
      transfers.getByTestId('transfer').and(page.locator('[data-state="done"]')),
    ).toHaveCount(32, { timeout: 30_000 })
    console.log(`drop of 32 items (4.9 MiB) done in ${Date.now() - started} ms`)
    bed.emulator.setFaults({})
    await expect(grid.getByRole('row', { name: 'tree', exact: true })).toBeVisible()
    await expect(grid.getByRole('row', { name: 'notes.md', exact: true })).toBeVisible()

    // 2. The same file again: asked once, kept both.
    await dropFiles(page, grid, [notes])
    const clash = page.getByRole('dialog', { name: 'Name clash' })
    await expect(clash).toContainText('“notes.md” is already in this folder')
    await clash.getByRole('button', { name: 'Keep both' }).click()
    await expect(grid.getByRole('row', { name: 'notes (1).md', exact: true })).toBeVisible()

    // A drop on a bucket in the tree goes there; the Upload folder picker into the open folder.
    const archive = accounts.getByRole('treeitem', { name: 'e2e-archive', exact: true })
    await dropFiles(page, archive, [notes], false)
    const chooser = page.waitForEvent('filechooser')
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Upload folder' })
      .click()
    await (await chooser).setFiles(path.join(tree, 'docs'))
    await expect(
      transfers.getByTestId('transfer').filter({ hasText: 'e2e-photos/docs/2024/' }),
    ).toContainText('Done')
    await expect(grid.getByRole('row', { name: 'docs', exact: true })).toBeVisible()
    await expect(
      transfers.getByTestId('transfer').filter({ hasText: 'e2e-archive/' }),
    ).toContainText('Done')

    // 3. One part at a time and some latency, so the 64 MiB upload (4 parts of 16 MiB) can be
    // caught halfway: paused, it stays put; resumed, it finishes.
    await transfers.getByRole('button', { name: 'Clear finished' }).click()
    await transfers.getByRole('button', { name: 'Transfer settings' }).click()
    await transfers.getByLabel('Parts at once').fill('1')
    await transfers.getByRole('button', { name: 'Save' }).click()
    bed.emulator.setFaults({ latencyMs: 400 })
    await dropFiles(page, grid.getByRole('row', { name: 'tree', exact: true }), [big])
    const bigRow = row('big.bin')
    const bigBar = bigRow.getByRole('progressbar')
    await expect(bigRow).toContainText('Uploading')
    await expect
      .poll(async () => Number(await bigBar.getAttribute('aria-valuenow')), {
        timeout: 20_000,
        intervals: [50],
      })
      .toBeGreaterThanOrEqual(25)
    await bigRow.getByRole('button', { name: 'Pause' }).click()
    await expect(bigRow).toContainText('Paused')
    const pausedAt = Number(await bigBar.getAttribute('aria-valuenow'))
    expect(pausedAt).toBeLessThan(100)
    console.log(`64 MiB upload paused at ${pausedAt}%`)
    await page.waitForTimeout(1500)
    await expect(bigRow).toContainText('Paused')
    await expect(bigBar).toHaveAttribute('aria-valuenow', String(pausedAt))
    const resumed = Date.now()
    await bigRow.getByRole('button', { name: 'Resume' }).click()
    await expect(bigRow).toContainText('Done', { timeout: 30_000 })
    console.log(`64 MiB upload finished ${Date.now() - resumed} ms after resume`)
    bed.emulator.setFaults({})
    // After the resume only the parts still missing were sent (one part is 25%).
    const parts = bed.emulator
      .log()
      .filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/tree/big.bin'))
      .filter((entry) => entry.query.partNumber !== undefined && entry.status === 200)
    const sentAfterResume = parts.filter((entry) => entry.time >= resumed)
    expect(sentAfterResume).toHaveLength(4 - pausedAt / 25)
    expect(new Set(parts.map((entry) => entry.query.partNumber))).toEqual(
      new Set(['1', '2', '3', '4']),
    )

    // 4. Download the whole folder and compare every file with the original.
    await transfers.getByRole('button', { name: 'Clear finished' }).click()
    await grid.getByRole('row', { name: 'tree', exact: true }).click()
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Download' })
      .click()
    const download = page.getByRole('dialog', { name: 'Download' })
    const saveTo = path.join(work, 'downloads')
    await download.getByLabel('Save to folder').fill(saveTo)
    // What happens to a local file of the same name is a choice, keep both unless changed.
    await expect(download.getByRole('radio', { name: /^Keep both/ })).toBeChecked()
    await expect(download.getByRole('radio', { name: /^Skip/ })).not.toBeChecked()
    await page.screenshot({ path: 'test-results/download-dialog.png' })
    await download.getByRole('button', { name: 'Download' }).click()
    await expect(download).toHaveCount(0)
    await expect(row('big.bin')).toBeVisible()
    await expect(transfers.getByTestId('transfer')).toHaveCount(32)
    await expect(
      transfers.getByTestId('transfer').and(page.locator('[data-state="done"]')),
    ).toHaveCount(32, { timeout: 30_000 })
    const original = await snapshot(tree)
    original.set('big.bin', sha256(await readFile(big)))
    expect(await snapshot(path.join(saveTo, 'tree'))).toEqual(original)

    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({ path: 'docs/screenshots/transfers.png' })
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})
