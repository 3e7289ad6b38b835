/**
 * Issue 14, items 4 and 6 in the window: a whole-bucket search by any part of a name says what
 * it costs before it runs, then fills the table as pages arrive; folder names that cannot work
 * are refused in words; the Move dialog opens without an error; "1 item copied" goes away.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'
import { createS3TestClient } from './testbed/s3-test-client'
import type { TestBed } from './testbed/test-bed'

const seed = async (bed: TestBed, bucket: string, keys: readonly string[]) => {
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  for (let at = 0; at < keys.length; at += 50) {
    await Promise.all(
      keys
        .slice(at, at + 50)
        .map((Key) => client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))),
    )
  }
  client.destroy()
}

test('search a bucket for any part of a name: the cost first, then the matches', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(120_000)
  const logs = Array.from({ length: 30 }, (_, n) => `logs/event-${String(n).padStart(4, '0')}.json`)
  const other = Array.from({ length: 2_470 }, (_, n) => `data/${n % 5}/part-${n}.bin`)
  await seed(bed, 'e2e-photos', [...logs, ...other])
  await connectAccount(page, app.url, bed)
  await page
    .getByRole('tree', { name: 'Accounts' })
    .getByRole('treeitem', { name: 'e2e-photos', exact: true })
    .click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await expect(grid.getByRole('row', { name: 'logs', exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Search bucket' }).click()
  const box = page.getByRole('searchbox', { name: 'Search bucket' })
  await box.fill('event-00')
  // Typing sends nothing: the note says what Enter will cost first.
  const cost = page.getByTestId('search-cost')
  await expect(cost).toContainText('Enter searches every key in all of e2e-photos for “event-00”')
  await expect(cost).toContainText('one request per 1,000 objects')
  await expect(cost).toContainText('at 100 requests/s')
  await page.screenshot({ path: '/tmp/search-cost.png' })
  const listingsOf = () =>
    bed.emulator.log().filter((entry) => entry.method === 'GET' && entry.path === '/e2e-photos/')
      .length
  const listingsBefore = listingsOf()

  await box.press('Enter')
  await expect(grid.getByRole('row', { name: 'logs/event-0000.json', exact: true })).toBeVisible()
  const count = page.getByTestId('object-count')
  await expect(count).toHaveText(/^30 results in 2,500 objects \(\d+ requests\)$/)
  // The table is virtual: its row count says how many rows it has (30 and the header).
  await expect(grid).toHaveAttribute('aria-rowcount', '31')
  await page.screenshot({ path: '/tmp/search-results.png' })
  // The requests it reports are the listings the server saw.
  const reported = Number(/\((\d+) requests\)/.exec((await count.textContent()) ?? '')?.[1])
  expect(listingsOf() - listingsBefore).toBe(reported)

  // The next search knows the size of the bucket from this one.
  await box.fill('part-7')
  await expect(cost).toContainText(
    `The last search here went through 2,500 objects in ${reported} listing requests`,
  )
  await box.press('Enter')
  await expect(count).toContainText('in 2,500 objects (')
  expect(await grid.getByRole('row', { name: /^data\/\d\/part-7/ }).count()).toBeGreaterThan(0)

  // Leaving the search shows the folder again.
  await page.getByRole('button', { name: 'Search bucket' }).click()
  await expect(grid.getByRole('row', { name: 'logs', exact: true })).toBeVisible()

  // "1 item copied" is news for a moment, not a fixture of the status bar.
  await grid.getByRole('row', { name: 'logs', exact: true }).click()
  await page.keyboard.press('Control+c')
  await expect(page.getByText('1 item copied')).toBeVisible()
  await expect(page.getByText('1 item copied')).toBeHidden({ timeout: 10_000 })

  // Move to opens on the current folder without calling it an error.
  await grid.getByRole('row', { name: 'logs', exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Move to…' })
    .click()
  const moveTo = page.getByRole('dialog', { name: 'Move to' })
  await expect(moveTo.getByLabel('Folder')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(moveTo.getByRole('button', { name: 'Move' })).toBeDisabled()
  await page.screenshot({ path: '/tmp/move-calm.png' })
  await moveTo.getByRole('button', { name: 'Cancel' }).click()

  // Folder names that cannot work are refused, in words.
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'New folder' })
    .click()
  const newFolder = page.getByRole('dialog', { name: 'New folder' })
  const name = newFolder.getByLabel('Folder name')
  await name.fill('..')
  await newFolder.getByRole('button', { name: 'Create folder' }).click()
  await expect(newFolder.getByText('A folder cannot be named "..".')).toBeVisible()
  await name.fill('   ')
  await expect(newFolder.getByText('A folder name cannot be only spaces.')).toBeVisible()
  await expect(newFolder.getByRole('button', { name: 'Create folder' })).toBeDisabled()
  await page.screenshot({ path: '/tmp/folder-refused.png' })
  await newFolder.getByRole('button', { name: 'Cancel' }).click()
  expect(bed.emulator.log().filter((entry) => entry.method === 'PUT')).toEqual([])
})
