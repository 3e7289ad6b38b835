/**
 * Issue 5 end to end: share links made in Chromium against the test bed. A link copied from the
 * share dialog and one copied with Ctrl+L are read back from the clipboard and fetched without
 * any SDK, byte for byte; an upload link's curl command is run as shown; a legacy SigV2 link
 * works; the QR code and the link history (with an expired link) are looked at in screenshots.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import type { Page } from '@playwright/test'
import { connectAccount } from './connect-account'
import { expect, test } from './fixtures'
import { rawRequest } from './testbed/raw-request'
import { createS3TestClient } from './testbed/s3-test-client'
import type { TestBed } from './testbed/test-bed'

/** A key a browser has to get right: a space, a '#' and a non-ASCII letter. */
const KEY = 'holiday photo #1 (ä).jpg'

const clientOf = (bed: TestBed) =>
  createS3TestClient({
    endpoint: bed.peer.url,
    accessKeyId: bed.accessKeyId,
    secretAccessKey: bed.secretAccessKey,
  })

/** Puts an object straight into the S3 peer, past the emulator. */
const seed = async (bed: TestBed, bucket: string, key: string, body: Buffer): Promise<void> => {
  const client = clientOf(bed)
  try {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/jpeg' }),
    )
  } finally {
    client.destroy()
  }
}

/** A plain GET of a link, as any HTTP client would send it: no SDK, no credentials. */
const fetchLink = (link: string, bed: TestBed) => {
  const url = new URL(link)
  return rawRequest(url.origin, { path: `${url.pathname}${url.search}`, ca: bed.caPem })
}

/** What the page's clipboard holds (an expression: this file is type-checked without the DOM). */
const readClipboard = (page: Page): Promise<string> =>
  page.evaluate<string>('navigator.clipboard.readText()')

const openBucket = async (page: Page, app: { url: string }, bed: TestBed) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin,
  })
  await connectAccount(page, app.url, bed)
  await page
    .getByRole('tree', { name: 'Accounts' })
    .getByRole('treeitem', { name: 'e2e-photos', exact: true })
    .click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await expect(grid.getByRole('row', { name: KEY, exact: true })).toBeVisible()
  return grid
}

test('share dialog: a 1-hour link, copied, fetches the exact bytes; the QR code is shown', async ({
  page,
  app,
  liveTestBed: bed,
}, testInfo) => {
  const body = randomBytes(256 * 1024)
  await seed(bed, 'e2e-photos', KEY, body)
  const grid = await openBucket(page, app, bed)

  await grid.getByRole('row', { name: KEY, exact: true }).click()
  await page
    .getByRole('toolbar', { name: 'Browser' })
    .getByRole('button', { name: 'Share link…' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Share link' })
  await expect(dialog).toContainText(`e2e-photos/${KEY}`)
  const create = dialog.getByRole('button', { name: 'Create link' })

  // More than 7 days cannot be signed with SigV4: said inline, and Create stays disabled.
  await dialog.getByRole('radio', { name: 'Custom' }).check()
  await dialog.getByLabel('Unit').selectOption('days')
  await dialog.getByLabel('Custom expiry').fill('8')
  await expect(dialog.getByTestId('expiry')).toHaveText(/^SigV4 links live at most 7 days/)
  await expect(create).toBeDisabled()

  await dialog.getByRole('radio', { name: '1 hour' }).check()
  await expect(dialog.getByTestId('expiry')).toHaveText(/^Expires .* \(in 1 hour\)$/)
  await expect(create).toBeEnabled()
  await create.click()

  const qr = dialog.getByRole('img', { name: 'QR code for the link' })
  await expect(qr).toBeVisible()
  const box = await qr.boundingBox()
  expect(box?.width).toBeGreaterThanOrEqual(200)
  await expect(dialog.getByTestId('link-expiry')).toHaveText(/^Expires .* \(in 1 hour\)$/)
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(dialog.getByRole('button', { name: 'Copied', exact: true })).toBeVisible()

  const link = await readClipboard(page)
  expect(link).toBe(await dialog.getByLabel('Link', { exact: true }).inputValue())
  expect(link.startsWith(`${bed.endpoint}/e2e-photos/`)).toBe(true)
  expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('3600')
  // Clean links (DSS.md §3): nothing a plain client would have to compute or send.
  expect(link).not.toMatch(/checksum/i)
  const answer = await fetchLink(link, bed)
  expect(answer.status).toBe(200)
  expect(answer.body.equals(body)).toBe(true)

  // Check link: one ranged GET through the app.
  await dialog.getByRole('button', { name: 'Check link' }).click()
  await expect(dialog.getByText(/^The link works \((200|206)\)\.$/)).toBeVisible()

  const shot = testInfo.outputPath('share-dialog.png')
  await page.screenshot({ path: shot })
  await testInfo.attach('share dialog with its QR code', { path: shot, contentType: 'image/png' })
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.screenshot({ path: 'docs/screenshots/share.png' })
  }
})

test('Ctrl+L, an upload link run with curl, a SigV2 link; the history counts them down', async ({
  page,
  app,
  liveTestBed: bed,
}, testInfo) => {
  const body = randomBytes(40 * 1024)
  await seed(bed, 'e2e-photos', KEY, body)
  const grid = await openBucket(page, app, bed)
  const work = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-share-'))
  try {
    // 1. Ctrl+L on the selected file: a link with the default hour, on the clipboard at once.
    await grid.getByRole('row', { name: KEY, exact: true }).click()
    await page.keyboard.press('Control+l')
    await expect(page.getByText(/^Link copied — expires /)).toBeVisible()
    const link = await readClipboard(page)
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('3600')
    const answer = await fetchLink(link, bed)
    expect(answer.status).toBe(200)
    expect(answer.body.equals(body)).toBe(true)

    // 2. An upload link for a new key, its content type guessed from the name.
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Upload link…' })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Upload link' })
    await dialog.getByLabel('File name').fill('inbox/from a friend.pdf')
    await expect(dialog.getByLabel('Content type')).toHaveValue('application/pdf')
    await dialog.getByRole('button', { name: 'Create upload link' }).click()
    const curl = dialog.getByTestId('curl')
    await expect(curl).toContainText("curl -X PUT -H 'Content-Type: application/pdf'")
    await expect(curl).toContainText('--upload-file FILE')
    await expect(dialog.getByTestId('link-expiry')).toHaveText(/\(in 1 hour\)$/)

    // Copied as shown, and pasted into a shell with FILE replaced (and the test bed's CA trusted).
    const command = (await curl.textContent()) ?? ''
    expect(command).toContain(`'${await dialog.getByLabel('Link', { exact: true }).inputValue()}'`)
    await dialog.getByRole('button', { name: 'Copy command' }).click()
    expect(await readClipboard(page)).toBe(command)
    const file = path.join(work, "it's here.pdf")
    const sent = randomBytes(20 * 1024)
    await writeFile(file, sent)
    const run = command
      .replace(/^curl /, `curl -sS --fail-with-body --cacert '${bed.caFile}' `)
      .replace('--upload-file FILE', `--upload-file '${file.replaceAll("'", `'\\''`)}'`)
    await promisify(execFile)('bash', ['-c', run])
    const client = clientOf(bed)
    try {
      const key = 'inbox/from a friend.pdf'
      const head = await client.send(new HeadObjectCommand({ Bucket: 'e2e-photos', Key: key }))
      expect(head.ContentType).toBe('application/pdf')
      const got = await client.send(new GetObjectCommand({ Bucket: 'e2e-photos', Key: key }))
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(sent)).toBe(true)
    } finally {
      client.destroy()
    }
    await dialog.getByRole('button', { name: 'Done' }).click()

    // 3. A legacy SigV2 link for 30 days, offered once the app has found the endpoint takes it.
    await grid.getByRole('row', { name: KEY, exact: true }).click()
    await page
      .getByRole('toolbar', { name: 'Browser' })
      .getByRole('button', { name: 'Share link…' })
      .click()
    const share = page.getByRole('dialog', { name: 'Share link' })
    const legacy = share.getByLabel('Long-lived link (SigV2, legacy)')
    await expect(legacy).toBeEnabled()
    await legacy.check()
    await share.getByRole('radio', { name: '30 days' }).check()
    await expect(share.getByTestId('expiry')).toHaveText(/\(in 30 days\)$/)
    await share.getByRole('button', { name: 'Create link' }).click()
    await expect(share.getByTestId('link-expiry')).toContainText('SigV2 legacy')
    const legacyLink = await share.getByLabel('Link', { exact: true }).inputValue()
    expect(new URL(legacyLink).searchParams.has('Signature')).toBe(true)
    const legacyAnswer = await fetchLink(legacyLink, bed)
    expect(legacyAnswer.status).toBe(200)
    expect(legacyAnswer.body.equals(body)).toBe(true)

    // 4. And two that live three seconds, to watch them expire in the history.
    await share.getByRole('button', { name: 'Change settings' }).click()
    await legacy.uncheck()
    await share.getByRole('radio', { name: 'Custom' }).check()
    await share.getByLabel('Unit').selectOption('minutes')
    await share.getByLabel('Custom expiry').fill('0.05')
    await expect(share.getByTestId('expiry')).toHaveText(/\(in 3 seconds\)$/)
    await share.getByRole('button', { name: 'Create link' }).click()
    await share.getByRole('button', { name: 'Change settings' }).click()
    await share.getByRole('button', { name: 'Create link' }).click()
    await share.getByRole('button', { name: 'Done' }).click()

    // 5. All five are in the link history, with kind, signature and a live countdown; expired
    // ones go to the bottom, marked, until re-signed or cleared.
    await page.getByRole('button', { name: 'Links', exact: true }).click()
    const history = page.getByRole('region', { name: 'Links' })
    const summary = history.getByTestId('shares-summary')
    const rows = history.getByTestId('share-link')
    await expect(rows).toHaveCount(5)
    await expect(summary).toHaveText('3 live links, 2 expired')
    for (const at of [3, 4]) {
      await expect(rows.nth(at)).toHaveAttribute('data-expired', 'true')
      await expect(rows.nth(at)).toContainText(/expired \d+ s ago/)
    }
    await expect(rows.nth(0)).toContainText(KEY)
    await expect(rows.nth(0)).toContainText('SigV2 legacy')
    await expect(rows.nth(0)).toContainText('expires in 29 days')
    await expect(rows.nth(1)).toContainText('from a friend.pdf')
    await expect(rows.nth(1)).toContainText('Upload')
    await expect(rows.nth(2)).toContainText(/Download\s*SigV4/)
    await expect(rows.nth(2)).toContainText(/expires in (59 min|1 h)/)
    const shot = testInfo.outputPath('share-history.png')
    await page.screenshot({ path: shot })
    await testInfo.attach('link history', { path: shot, contentType: 'image/png' })
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({ path: 'docs/screenshots/share-history.png' })
    }

    // Re-signed, an expired link is issued again for its three seconds from now, first in the
    // list (the old one stays until cleared): fetched at once it works, then it is refused.
    await rows.nth(3).getByRole('button', { name: 'Re-sign' }).click()
    await expect(rows).toHaveCount(6)
    await rows.nth(0).getByRole('button', { name: 'Copy' }).click()
    const resigned = await readClipboard(page)
    expect(new URL(resigned).searchParams.get('X-Amz-Expires')).toBe('3')
    expect((await fetchLink(resigned, bed)).status).toBe(200)
    await expect(summary).toHaveText('3 live links, 3 expired')
    await expect.poll(async () => (await fetchLink(resigned, bed)).status).toBe(403)

    await history.getByRole('button', { name: 'Clear expired' }).click()
    await expect(rows).toHaveCount(3)
    await expect(summary).toHaveText('3 live links')
    await rows.nth(1).getByRole('button', { name: 'Forget' }).click()
    await expect(rows).toHaveCount(2)
    await expect(history).not.toContainText('from a friend.pdf')
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})
