/**
 * The remote side of a comparison counts the listing requests it sent, one per 1,000 keys, and
 * an empty folder's one request too (the preview shows the figure).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../accounts'
import {
  closeTransferBed,
  connectionTo,
  openTransferBed,
  type TransferBed,
} from '../testing/transfer-core'
import { scanRemote } from './remote-scan'

let t: TransferBed
let connection: Connection

beforeAll(async () => {
  t = await openTransferBed('scan', 'remote-scan')
  connection = connectionTo(t.bed)
  const keys = Array.from({ length: 1500 }, (_, i) => `full/k-${String(i).padStart(4, '0')}`)
  for (let at = 0; at < keys.length; at += 50) {
    await Promise.all(
      keys
        .slice(at, at + 50)
        .map((Key) => t.direct.send(new PutObjectCommand({ Bucket: 'scan', Key, Body: 'x' }))),
    )
  }
})

afterAll(() => closeTransferBed({ ...t, connection }))

describe('the remote scan of a sync', () => {
  it('counts one request per page of 1,000 keys', async () => {
    t.bed.emulator.clearLog()
    const scan = await scanRemote(connection, 'scan', 'full/', new AbortController().signal)
    expect(scan.entries.size).toBe(1500)
    expect(scan.requests).toBe(2)
    expect(t.bed.emulator.log()).toHaveLength(2)
  })

  it('counts the one request an empty folder’s listing took', async () => {
    t.bed.emulator.clearLog()
    const scan = await scanRemote(connection, 'scan', 'empty/', new AbortController().signal)
    expect(scan.entries.size).toBe(0)
    expect(scan.requests).toBe(1)
    expect(t.bed.emulator.log()).toHaveLength(1)
  })
})
