/**
 * Issue 3 end to end: browse and manage a DSS account through the gateway emulator in Chromium,
 * and read the emulator's request log to see what the app really sent.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'
import { createS3TestClient } from './testbed/s3-test-client'
import type { TestBed } from './testbed/test-bed'

const seed = async (
  bed: TestBed,
  bucket: string,
  keys: readonly string[],
  contentType?: string,
) => {
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  for (let at = 0; at < keys.length; at += 50) {
    await Promise.all(
      keys
        .slice(at, at + 50)
        .map((Key) =>
          client.send(
            new PutObjectCommand({ Bucket: bucket, Key, Body: Key, ContentType: contentType }),
          ),
        ),
    )
  }
  client.destroy()
}

test('create, rename, move, edit, delete: the everyday work on a bucket', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(120_000)
  await seed(bed, 'e2e-photos', ['beach.jpg'], 'application/octet-stream')
  await seed(
    bed,
    'e2e-photos',
    Array.from({ length: 2500 }, (_, index) => `bulk/${String(index).padStart(4, '0')}.txt`),
  )
  await connectAccount(page, app.url, bed)
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })
  const jobs = page.getByRole('region', { name: 'Jobs' })

  // Create a bucket, with the naming rules checked as you type.
  await page.getByRole('button', { name: 'New bucket', exact: true }).click()
  const newBucket = page.getByRole('dialog', { name: 'New bucket' })
  await newBucket.getByLabel('Bucket name').fill('Bad_Name')
  await expect(newBucket.getByRole('button', { name: 'Create bucket' })).toBeDisabled()
  await newBucket.getByLabel('Bucket name').fill('e2e-made-here')
  await newBucket.getByRole('button', { name: 'Create bucket' }).click()
  await expect(tree.getByRole('treeitem', { name: 'e2e-made-here', exact: true })).toBeVisible()

  // Create a folder in e2e-photos and see it in the tree; then rename it.
  await tree.getByRole('treeitem', { name: 'e2e-photos', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'beach.jpg', exact: true })).toBeVisible()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'New folder' })
    .click()
  await page
    .getByRole('dialog', { name: 'New folder' })
    .getByLabel('Folder name')
    .fill('summer 2026')
  await page
    .getByRole('dialog', { name: 'New folder' })
    .getByRole('button', { name: 'Create folder' })
    .click()
  await expect(grid.getByRole('row', { name: 'summer 2026', exact: true })).toBeVisible()
  // Expanding the bucket in the tree (ArrowRight on its row) shows the new folder there too.
  await tree.getByRole('treeitem', { name: 'e2e-photos', exact: true }).press('ArrowRight')
  await expect(tree.getByRole('treeitem', { name: 'summer 2026', exact: true })).toBeVisible()
  await grid.getByRole('row', { name: 'summer 2026', exact: true }).click()
  await page.keyboard.press('F2')
  // A folder rename moves everything in it: the dialog says what that takes first.
  await expect(page.getByRole('dialog', { name: 'Rename' }).getByTestId('estimate')).toContainText(
    /1 object .* requests?/,
  )
  await page.getByRole('dialog', { name: 'Rename' }).getByLabel('New name').fill('summer #1')
  await page.getByRole('dialog', { name: 'Rename' }).getByRole('button', { name: 'Rename' }).click()
  await expect(grid.getByRole('row', { name: 'summer #1', exact: true })).toBeVisible()
  await expect(grid.getByRole('row', { name: 'summer 2026', exact: true })).toHaveCount(0)

  // Change an object's content type and see it in Properties.
  await grid.getByRole('row', { name: 'beach.jpg', exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Properties' })
    .click()
  const properties = page.getByRole('dialog', { name: 'Properties' })
  await properties.getByLabel('Content type').fill('image/jpeg')
  await properties.getByRole('button', { name: 'Save' }).click()
  await expect(properties.getByRole('status')).toHaveText('Saved')
  await properties.getByRole('button', { name: 'Close' }).click()
  await grid.getByRole('row', { name: 'beach.jpg', exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Properties' })
    .click()
  await expect(
    page.getByRole('dialog', { name: 'Properties' }).getByLabel('Content type'),
  ).toHaveValue('image/jpeg')
  await page
    .getByRole('dialog', { name: 'Properties' })
    .getByRole('button', { name: 'Close' })
    .click()

  // Move the object to another bucket.
  await grid.getByRole('row', { name: 'beach.jpg', exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Move to…' })
    .click()
  const moveTo = page.getByRole('dialog', { name: 'Move to' })
  await moveTo.getByLabel('Bucket').selectOption('e2e-archive')
  await moveTo.getByLabel('Folder').fill('')
  await moveTo.getByRole('button', { name: 'Move' }).click()
  await expect(grid.getByRole('row', { name: 'beach.jpg', exact: true })).toHaveCount(0)
  await tree.getByRole('treeitem', { name: 'e2e-archive', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'beach.jpg', exact: true })).toBeVisible()

  // Delete a folder of 2,500 objects: the estimate first, then 3 DeleteObjects requests.
  await tree.getByRole('treeitem', { name: 'e2e-photos', exact: true }).click()
  await grid.getByRole('row', { name: 'bulk', exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Delete' })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Delete' })
  await expect(confirm.getByTestId('estimate')).toContainText('2,500 objects')
  bed.emulator.clearLog()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(jobs.getByTestId('job').first()).toHaveAttribute('data-state', 'done', {
    timeout: 30_000,
  })
  await expect(grid.getByRole('row', { name: 'bulk', exact: true })).toHaveCount(0)
  const deletes = bed.emulator
    .log()
    .filter((entry) => entry.method === 'POST' && 'delete' in entry.query)
  expect(deletes).toHaveLength(3)
  expect(bed.emulator.log().filter((entry) => entry.method === 'DELETE')).toHaveLength(0)

  // Empty and delete a bucket.
  await tree.getByRole('treeitem', { name: 'e2e-photos', exact: true }).click({ button: 'right' })
  await page
    .getByRole('menu', { name: 'Tree actions' })
    .getByRole('menuitem', { name: 'Delete bucket…' })
    .click()
  const deleteBucket = page.getByRole('dialog', { name: 'Delete bucket' })
  await deleteBucket.getByLabel('Bucket name').fill('e2e-photos')
  await deleteBucket.getByRole('button', { name: 'Delete bucket' }).click()
  await expect(deleteBucket.getByTestId('estimate')).toBeVisible()
  await deleteBucket.getByRole('button', { name: 'Empty and delete' }).click()
  await expect(tree.getByRole('treeitem', { name: 'e2e-photos', exact: true })).toHaveCount(0, {
    timeout: 30_000,
  })
  if (process.env.UPDATE_SCREENSHOTS) {
    await tree.getByRole('treeitem', { name: 'e2e-archive', exact: true }).click()
    await page.screenshot({ path: 'docs/screenshots/browser.png' })
  }
})

test('a paste onto an existing name asks first: replace, skip or keep both', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  const put = (Key: string, Body: string) =>
    client.send(new PutObjectCommand({ Bucket: 'e2e-archive', Key, Body }))
  const read = async (Key: string) => {
    const answer = await client.send(new GetObjectCommand({ Bucket: 'e2e-archive', Key }))
    return (await answer.Body?.transformToString()) ?? ''
  }
  await put('hello.txt', '10 bytes!!')
  await put('new/hello.txt', '20 bytes of hello!!!')
  await connectAccount(page, app.url, bed)
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })
  const toolbar = page.getByRole('toolbar', { name: 'Browser' })

  await tree.getByRole('treeitem', { name: 'e2e-archive', exact: true }).click()
  await grid.getByRole('row', { name: 'new', exact: true }).dblclick()
  await grid.getByRole('row', { name: 'hello.txt', exact: true }).click()
  await toolbar.getByRole('button', { name: 'Copy', exact: true }).click()
  await tree.getByRole('treeitem', { name: 'e2e-archive', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'new', exact: true })).toBeVisible()
  await toolbar.getByRole('button', { name: 'Paste' }).click()

  const clash = page.getByRole('dialog', { name: 'Name clash' })
  await expect(clash).toContainText('“hello.txt” is already in this folder')
  await expect(clash).toContainText('Copying to e2e-archive/')
  await page.screenshot({ path: 'test-results/paste-name-clash.png' })
  // Nothing was written while the question was open.
  expect(await read('hello.txt')).toBe('10 bytes!!')
  await clash.getByRole('button', { name: 'Keep both' }).click()
  await expect(grid.getByRole('row', { name: 'hello (1).txt', exact: true })).toBeVisible()
  expect(await read('hello.txt')).toBe('10 bytes!!')
  expect(await read('hello (1).txt')).toBe('20 bytes of hello!!!')

  await toolbar.getByRole('button', { name: 'Paste' }).click()
  await clash.getByRole('button', { name: 'Overwrite' }).click()
  await expect(clash).toHaveCount(0)
  await expect.poll(() => read('hello.txt')).toBe('20 bytes of hello!!!')
  client.destroy()
})
