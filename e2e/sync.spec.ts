/**
 * Issue 12 end to end: a local folder kept in step with a bucket folder through the sync panel —
 * picked with the in-app folder chooser, compared, previewed, run, checked in the bucket, changed
 * and synced again from the saved pair in the sidebar; a mirror that would delete most of the
 * bucket folder stops and asks. Screenshots for the README with UPDATE_SCREENSHOTS=1.
 */
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import type { Page } from '@playwright/test'
import { axeFindings } from './axe-check'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'
import { createS3TestClient } from './testbed/s3-test-client'
import type { TestBed } from './testbed/test-bed'

const screenshotForReadme = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: `test-results/${name}.png` })
  if (!process.env.UPDATE_SCREENSHOTS) return
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

/** The bucket folder's objects and their bodies, as S3 has them. */
const bucketFolder = async (bed: TestBed, bucket: string, prefix: string) => {
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))
    const found: Record<string, string> = {}
    for (const { Key } of listed.Contents ?? []) {
      if (!Key) continue
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }))
      found[Key.slice(prefix.length)] = (await object.Body?.transformToString()) ?? ''
    }
    return found
  } finally {
    client.destroy()
  }
}

/** Walks the in-app chooser from the home folder up to the root and down to `folder`. */
const chooseInApp = async (page: Page, dialogName: string, folder: string): Promise<void> => {
  const chooser = page.getByRole('dialog', { name: dialogName })
  await expect(chooser.getByRole('list', { name: /^Folders in / })).toBeVisible()
  const up = chooser.getByRole('button', { name: 'Up', exact: true })
  while (await up.isEnabled()) {
    const before = await chooser
      .getByRole('list', { name: /^Folders in / })
      .getAttribute('aria-label')
    await up.click()
    await expect(chooser.getByRole('list', { name: /^Folders in / })).not.toHaveAttribute(
      'aria-label',
      before ?? '',
    )
  }
  for (const part of folder.split(path.sep).filter(Boolean)) {
    await chooser.getByRole('button', { name: part, exact: true }).click()
    await expect(chooser.getByRole('list', { name: /^Folders in / })).toHaveAttribute(
      'aria-label',
      new RegExp(`${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    )
  }
  await chooser.getByRole('button', { name: 'Choose this folder' }).click()
  await expect(chooser).toHaveCount(0)
}

test('compare, preview, run, and sync again from the saved pair', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(120_000)
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-sync-'))
  const local = path.join(work, 'holiday photos')
  try {
    await mkdir(path.join(local, 'day 1'), { recursive: true })
    await writeFile(path.join(local, 'notes.txt'), 'first notes\n')
    await writeFile(path.join(local, 'day 1', 'beach.jpg'), Buffer.alloc(64 * 1024, 7))
    await writeFile(path.join(local, 'day 1', 'café.txt'), 'unicode name\n')

    await connectAccount(page, app.url, bed)
    const tree = page.getByRole('tree', { name: 'Accounts' })
    await tree.getByRole('treeitem', { name: 'e2e-photos', exact: true }).click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'Sync with a local folder…' }).click()
    const panel = page.getByRole('region', { name: 'New sync' })
    await expect(panel).toBeVisible()

    // The local folder is picked in the in-app chooser (the web shell has no OS dialog).
    await panel.getByRole('button', { name: 'Browse…' }).click()
    await expect(page.getByRole('list', { name: /^Folders in / })).toBeVisible()
    expect(await axeFindings(page, 'folder chooser')).toEqual([])
    await chooseInApp(page, 'Sync with which local folder?', local)
    await expect(panel.getByRole('textbox', { name: 'Local folder' })).toHaveValue(local)
    await panel.getByLabel('Bucket folder', { exact: true }).fill('holiday/')
    await expect(panel.getByRole('radio', { name: /^Upload/ })).toBeChecked()
    await panel.getByLabel('Name', { exact: true }).fill('Holiday photos')
    await panel.getByRole('button', { name: 'Compare', exact: true }).click()

    // The comparison: everything is only here; the preview says what a run would do.
    const sync = page.getByRole('region', { name: 'Sync: Holiday photos' })
    const groups = sync.getByRole('group', { name: 'Show only' })
    await expect(groups.getByRole('button', { name: /^Only here\s*3/ })).toBeVisible()
    await expect(groups.getByRole('button', { name: /^Identical\s*0/ })).toBeVisible()
    const table = sync.getByRole('table', { name: 'Compared files' })
    await expect(table.getByRole('row', { name: /day 1\/café\.txt/ })).toBeVisible()
    const preview = sync.getByRole('region', { name: 'Preview' })
    await expect(preview.getByText('3 files', { exact: false }).first()).toBeVisible()
    await expect(preview.getByText(/at the account’s rate/)).toBeVisible()
    // Nothing is sent before the run is confirmed.
    expect(await bucketFolder(bed, 'e2e-photos', 'holiday/')).toEqual({})
    // The pair is saved in the sidebar already.
    const pairs = page.getByRole('region', { name: 'Sync pairs' })
    await expect(pairs.getByRole('listitem', { name: 'Holiday photos' })).toBeVisible()
    await screenshotForReadme(page, 'sync-preview')
    expect(await axeFindings(page, 'sync preview')).toEqual([])

    // From the keyboard: the preview has focus once compared, and Run is the next stop.
    await expect(preview.getByRole('heading', { name: 'Preview' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(preview.getByRole('button', { name: 'Run sync' })).toBeFocused()
    await page.keyboard.press('Enter')
    const result = sync.getByRole('region', { name: 'Result' })
    await expect(result.getByText('3 uploaded.')).toBeVisible({ timeout: 30_000 })
    await expect(pairs.getByText(/^3 uploaded\./)).toBeVisible()
    expect(await bucketFolder(bed, 'e2e-photos', 'holiday/')).toEqual({
      'notes.txt': 'first notes\n',
      'day 1/beach.jpg': Buffer.alloc(64 * 1024, 7).toString(),
      'day 1/café.txt': 'unicode name\n',
    })
    await screenshotForReadme(page, 'sync-result')
    expect(await axeFindings(page, 'sync result')).toEqual([])

    // A file changed here: one click on the saved pair compares and previews; the run waits.
    await page.getByRole('button', { name: 'Close sync' }).click()
    await writeFile(path.join(local, 'notes.txt'), 'second notes, longer\n')
    await pairs.getByRole('button', { name: 'Sync Holiday photos now' }).click()
    await expect(groups.getByRole('button', { name: /^Changed\s*1/ })).toBeVisible()
    await expect(groups.getByRole('button', { name: /^Identical\s*2/ })).toBeVisible()
    await groups.getByRole('button', { name: /^Changed/ }).click()
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table.getByRole('row', { name: /notes\.txt/ })).toBeVisible()
    await preview.getByRole('button', { name: 'Run sync' }).click()
    await expect(result.getByText('1 uploaded.')).toBeVisible({ timeout: 30_000 })
    expect((await bucketFolder(bed, 'e2e-photos', 'holiday/'))['notes.txt']).toBe(
      'second notes, longer\n',
    )

    // Compared again: both sides are in step.
    await result.getByRole('button', { name: 'Compare again' }).click()
    await expect(preview.getByText('Both sides are in step: nothing to do.')).toBeVisible()

    // A mirror that would delete most of the bucket folder stops and asks first.
    await sync.getByRole('button', { name: 'Edit pair' }).click()
    await sync.getByRole('radio', { name: /^Mirror to the bucket/ }).check()
    await unlink(path.join(local, 'notes.txt'))
    await unlink(path.join(local, 'day 1', 'café.txt'))
    await sync.getByRole('button', { name: 'Compare', exact: true }).click()
    await expect(groups.getByRole('button', { name: /^Only in the bucket\s*2/ })).toBeVisible()
    await preview.getByRole('button', { name: 'Run sync' }).click()
    const question = sync.getByRole('alertdialog')
    await expect(question).toContainText('Nothing has been changed yet.')
    expect(Object.keys(await bucketFolder(bed, 'e2e-photos', 'holiday/'))).toHaveLength(3)
    await screenshotForReadme(page, 'sync-confirm')
    expect(await axeFindings(page, 'sync delete question')).toEqual([])
    await question.getByRole('button', { name: 'Delete and run' }).click()
    await expect(result.getByText('2 deleted.')).toBeVisible({ timeout: 30_000 })
    expect(Object.keys(await bucketFolder(bed, 'e2e-photos', 'holiday/'))).toEqual([
      'day 1/beach.jpg',
    ])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})

test('a run pauses, is cancelled, and the next run sends only what is missing', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(180_000)
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-sync-pause-'))
  // 400 files: at 100 requests a second the run lasts seconds, long enough to pause it.
  const count = 400
  try {
    for (let n = 0; n < count; n += 1) {
      await writeFile(path.join(work, `file-${String(n).padStart(3, '0')}.txt`), `file ${n}\n`)
    }
    await connectAccount(page, app.url, bed)
    await page
      .getByRole('tree', { name: 'Accounts' })
      .getByRole('treeitem', { name: 'e2e-archive', exact: true })
      .click()
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Sync with a local folder' })
      .click()
    const panel = page.getByRole('region', { name: 'New sync' })
    await panel.getByRole('textbox', { name: 'Local folder' }).fill(work)
    await expect(panel.getByRole('textbox', { name: 'Bucket', exact: true })).toHaveValue(
      'e2e-archive',
    )
    await panel.getByRole('textbox', { name: 'Name' }).fill('Many files')
    await panel.getByRole('button', { name: 'Compare', exact: true }).click()
    const sync = page.getByRole('region', { name: 'Sync: Many files' })
    const groups = sync.getByRole('group', { name: 'Show only' })
    await expect(groups.getByRole('button', { name: /^Only here\s*400/ })).toBeVisible()

    await sync.getByRole('button', { name: 'Run sync' }).click()
    const running = sync.getByRole('region', { name: 'Running' })
    await running.getByRole('button', { name: 'Pause' }).click()
    await expect(running.getByRole('status')).toContainText('Paused')
    await expect(running.getByRole('button', { name: 'Resume' })).toBeVisible()
    // Its transfers are in the queue like any other.
    const transfers = page.getByRole('region', { name: 'Transfers' })
    if (!(await transfers.isVisible())) {
      await page.getByRole('button', { name: /^Transfers/ }).click()
    }
    await expect(transfers).toContainText('file-')
    await running.getByRole('button', { name: 'Cancel sync' }).click()
    const result = sync.getByRole('region', { name: 'Result' })
    await expect(result.getByRole('status')).toContainText('Cancelled')
    const sent = Object.keys(await bucketFolder(bed, 'e2e-archive', '')).length
    expect(sent).toBeLessThan(count)

    // Run again from the saved pair: what arrived is identical, only the rest goes.
    await page
      .getByRole('region', { name: 'Sync pairs' })
      .getByRole('button', { name: 'Sync Many files now' })
      .click()
    await expect(
      groups.getByRole('button', { name: new RegExp(`^Identical\\s*${sent}\\b`) }),
    ).toBeVisible()
    await sync.getByRole('button', { name: 'Run sync' }).click()
    await expect(result.getByText(`${count - sent} uploaded.`)).toBeVisible({ timeout: 60_000 })
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})

test('two-way: each side’s new file goes across, a file changed on both is kept as both', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  test.setTimeout(120_000)
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-sync-two-way-'))
  const client = createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })
  const put = (Key: string, Body: string) =>
    client.send(new PutObjectCommand({ Bucket: 'e2e-archive', Key, Body }))
  try {
    await writeFile(path.join(work, 'here.txt'), 'made here\n')
    await writeFile(path.join(work, 'shared.txt'), 'first\n')
    await put('two-way/there.txt', 'made there\n')
    await connectAccount(page, app.url, bed)
    await page
      .getByRole('region', { name: 'Sync pairs' })
      .getByRole('button', { name: 'New sync pair' })
      .click()
    const panel = page.getByRole('region', { name: 'New sync' })
    await panel.getByRole('textbox', { name: 'Local folder' }).fill(work)
    await panel.getByRole('textbox', { name: 'Bucket', exact: true }).fill('e2e-archive')
    await panel.getByRole('textbox', { name: 'Bucket folder' }).fill('two-way/')
    await panel.getByRole('radio', { name: /^Two-way/ }).check()
    await panel.getByRole('textbox', { name: 'Name' }).fill('Both ways')
    await panel.getByRole('button', { name: 'Compare', exact: true }).click()
    const sync = page.getByRole('region', { name: 'Sync: Both ways' })
    const groups = sync.getByRole('group', { name: 'Show only' })
    await expect(groups.getByRole('button', { name: /^Only here\s*2/ })).toBeVisible()
    await expect(groups.getByRole('button', { name: /^Only in the bucket\s*1/ })).toBeVisible()
    await sync.getByRole('button', { name: 'Run sync' }).click()
    const result = sync.getByRole('region', { name: 'Result' })
    await expect(result.getByText('2 uploaded, 1 downloaded.')).toBeVisible({ timeout: 30_000 })

    // Changed on both sides: a conflict, kept as both, never overwritten.
    await writeFile(path.join(work, 'shared.txt'), 'changed here\n')
    await put('two-way/shared.txt', 'changed there, longer\n')
    await result.getByRole('button', { name: 'Compare again' }).click()
    await groups.getByRole('button', { name: /^Conflicts\s*1/ }).click()
    const table = sync.getByRole('table', { name: 'Compared files' })
    await expect(table.getByRole('row', { name: /shared\.txt/ })).toContainText(
      'Changed on both sides',
    )
    await expect(
      sync.getByRole('region', { name: 'Preview' }).getByRole('list', { name: 'Kept as both' }),
    ).toContainText('shared.txt: the other side’s version is saved beside it as shared (1).txt')
    await screenshotForReadme(page, 'sync-conflict')
    await sync.getByRole('button', { name: 'Run sync' }).click()
    await expect(result.getByRole('status')).toContainText('1 conflict kept as both', {
      timeout: 30_000,
    })
    const local = (await readdir(work)).sort()
    expect(local).toContain('here.txt')
    expect(local).toContain('there.txt')
    expect(local.filter((name) => name.startsWith('shared'))).toHaveLength(2)
  } finally {
    client.destroy()
    await rm(work, { recursive: true, force: true })
  }
})

test('the download dialog picks its folder with Browse', async ({
  page,
  app,
  liveTestBed: bed,
}) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-browse-'))
  try {
    await mkdir(path.join(work, 'saved here'))
    const client = createS3TestClient({
      endpoint: bed.peer.url,
      accessKeyId: bed.accessKeyId,
      secretAccessKey: bed.secretAccessKey,
    })
    await client.send(
      new PutObjectCommand({
        Bucket: 'e2e-photos',
        Key: 'one.txt',
        Body: 'one\n',
      }),
    )
    client.destroy()
    await connectAccount(page, app.url, bed)
    await page
      .getByRole('tree', { name: 'Accounts' })
      .getByRole('treeitem', { name: 'e2e-photos', exact: true })
      .click()
    await page.getByRole('grid', { name: 'Objects' }).getByRole('row', { name: 'one.txt' }).click()
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Download' })
      .click()
    const download = page.getByRole('dialog', { name: 'Download' })
    // Escape in the chooser closes the chooser alone.
    await download.getByRole('button', { name: 'Browse…' }).click()
    const chooser = page.getByRole('dialog', { name: 'Save the download in which folder?' })
    await expect(chooser.getByRole('list', { name: /^Folders in / })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(chooser).toHaveCount(0)
    await expect(download).toBeVisible()
    await download.getByRole('button', { name: 'Browse…' }).click()
    await chooseInApp(page, 'Save the download in which folder?', path.join(work, 'saved here'))
    await expect(download.getByRole('textbox', { name: 'Save to folder' })).toHaveValue(
      path.join(work, 'saved here'),
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})
