/**
 * Issue 14, item 3: the bucket list works like the object table — rows selected by click,
 * Ctrl-click, Shift-click and arrows, opened by Enter or a double-click, sorted by name or
 * creation date, a context menu (open, copy name, delete), and a delete that asks for the name.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3'
import type { Locator, Page } from '@playwright/test'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'
import { createS3TestClient } from './testbed/s3-test-client'

const rowNames = (grid: Locator): Promise<string[]> =>
  grid
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))

const selectedNames = (grid: Locator): Promise<string[]> =>
  grid
    .locator('tbody tr[aria-selected="true"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))

const readClipboard = (page: Page): Promise<string> =>
  page.evaluate<string>('navigator.clipboard.readText()')

test('the bucket list selects, sorts, opens and deletes like the object table', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(90_000)
  // A bucket made a moment after the test bed's two: first by name, last by creation date.
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  await client.send(new CreateBucketCommand({ Bucket: 'e2e-aaa-new' }))
  client.destroy()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin,
  })
  await connectAccount(page, app.url, bed)
  const grid = page.getByRole('grid', { name: 'Buckets' })
  await expect(grid.getByRole('row', { name: 'e2e-aaa-new' })).toBeVisible()

  // Sorted by name at first; the titles sort, and say how.
  const nameTitle = grid.getByRole('columnheader', { name: /Name/ })
  const createdTitle = grid.getByRole('columnheader', { name: /Created/ })
  expect(await rowNames(grid)).toEqual(['e2e-aaa-new', 'e2e-archive', 'e2e-photos'])
  await expect(nameTitle).toHaveAttribute('aria-sort', 'ascending')
  await nameTitle.getByRole('button').click()
  await expect(nameTitle).toHaveAttribute('aria-sort', 'descending')
  expect(await rowNames(grid)).toEqual(['e2e-photos', 'e2e-archive', 'e2e-aaa-new'])
  await createdTitle.getByRole('button').click()
  await expect(createdTitle).toHaveAttribute('aria-sort', 'ascending')
  await expect(nameTitle).toHaveAttribute('aria-sort', 'none')
  expect((await rowNames(grid)).at(-1)).toBe('e2e-aaa-new')
  await createdTitle.getByRole('button').click()
  expect((await rowNames(grid))[0]).toBe('e2e-aaa-new')
  await nameTitle.getByRole('button').click()

  // Click selects one row, Ctrl-click adds, Shift-click takes the range, arrows move.
  await grid.getByRole('row', { name: 'e2e-aaa-new' }).click()
  expect(await selectedNames(grid)).toEqual(['e2e-aaa-new'])
  await grid.getByRole('row', { name: 'e2e-archive' }).click({ modifiers: ['Control'] })
  expect(await selectedNames(grid)).toEqual(['e2e-aaa-new', 'e2e-archive'])
  await grid.getByRole('row', { name: 'e2e-aaa-new' }).click()
  await grid.getByRole('row', { name: 'e2e-photos' }).click({ modifiers: ['Shift'] })
  expect(await selectedNames(grid)).toEqual(['e2e-aaa-new', 'e2e-archive', 'e2e-photos'])
  await grid.getByRole('row', { name: 'e2e-aaa-new' }).click()
  await page.keyboard.press('ArrowDown')
  expect(await selectedNames(grid)).toEqual(['e2e-archive'])
  await expect(grid).toHaveAttribute('aria-activedescendant', 'bucket-row-1')
  await page.keyboard.press('Shift+ArrowDown')
  expect(await selectedNames(grid)).toEqual(['e2e-archive', 'e2e-photos'])
  await page.screenshot({ path: '/tmp/bucket-list-selected.png' })

  // The context menu acts on the selection: both names, then one.
  await grid.getByRole('row', { name: 'e2e-archive' }).click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Bucket actions' })
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeDisabled()
  await menu.getByRole('menuitem', { name: 'Copy names' }).click()
  expect(await readClipboard(page)).toBe('e2e-archive\ne2e-photos')
  await grid.getByRole('row', { name: 'e2e-archive' }).click()
  await grid.getByRole('row', { name: 'e2e-archive' }).click({ button: 'right' })
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeEnabled()
  await page.screenshot({ path: '/tmp/bucket-list-menu.png' })
  await menu.getByRole('menuitem', { name: 'Copy name' }).click()
  expect(await readClipboard(page)).toBe('e2e-archive')
  // The notice says so, then goes away.
  await expect(page.getByText('Copied “e2e-archive”')).toBeVisible()
  await expect(page.getByText('Copied “e2e-archive”')).toBeHidden({ timeout: 10_000 })

  // Delete asks for the name: a wrong one is refused and said so, the right one deletes.
  await grid.getByRole('row', { name: 'e2e-aaa-new' }).click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Delete bucket…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete bucket' })
  const field = dialog.getByLabel('Bucket name')
  await expect(field).toBeFocused()
  await expect(field).not.toHaveAttribute('aria-invalid', 'true')
  await field.fill('e2e-aaa')
  await dialog.getByRole('button', { name: 'Delete bucket' }).click()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('That is not the name: type “e2e-aaa-new” exactly.')).toBeVisible()
  await page.screenshot({ path: '/tmp/bucket-list-delete.png' })
  expect(bed.emulator.log().filter((entry) => entry.method === 'DELETE')).toEqual([])
  await field.fill('e2e-aaa-new')
  await dialog.getByRole('button', { name: 'Delete bucket' }).click()
  await expect(dialog).toBeHidden()
  await expect(grid.getByRole('row', { name: 'e2e-aaa-new' })).toHaveCount(0)

  // The Delete key on a selected row asks too (and Cancel leaves it).
  await grid.getByRole('row', { name: 'e2e-photos' }).click()
  await page.keyboard.press('Delete')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // New bucket: an unfinished name is not called wrong while typed; S3's reserved names are
  // refused at once or when tried, in words, and nothing is sent.
  await page.getByRole('button', { name: 'New bucket', exact: true }).click()
  const newBucket = page.getByRole('dialog', { name: 'New bucket' })
  const bucketName = newBucket.getByLabel('Bucket name')
  await bucketName.fill('ab')
  await expect(bucketName).not.toHaveAttribute('aria-invalid', 'true')
  await bucketName.fill('xn--photos')
  await expect(
    newBucket.getByText('A bucket name cannot start with "xn--": S3 keeps that for itself.'),
  ).toBeVisible()
  await expect(newBucket.getByRole('button', { name: 'Create bucket' })).toBeDisabled()
  await bucketName.fill('photos-s3alias')
  await newBucket.getByRole('button', { name: 'Create bucket' }).click()
  await expect(
    newBucket.getByText('A bucket name cannot end with "-s3alias": S3 keeps that for itself.'),
  ).toBeVisible()
  await page.screenshot({ path: '/tmp/bucket-name-refused.png' })
  await newBucket.getByRole('button', { name: 'Cancel' }).click()
  expect(bed.emulator.log().filter((entry) => entry.method === 'PUT')).toEqual([])

  // Enter opens the focused bucket; so does a double-click.
  await grid.getByRole('row', { name: 'e2e-photos' }).click()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('grid', { name: 'Objects' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Bucket e2e-photos' })).toBeVisible()
  await page
    .getByRole('tree', { name: 'Accounts' })
    .getByRole('treeitem', { name: 'DSS test bed' })
    .click()
  await grid.getByRole('row', { name: 'e2e-archive' }).dblclick()
  await expect(page.getByRole('region', { name: 'Bucket e2e-archive' })).toBeVisible()
})
