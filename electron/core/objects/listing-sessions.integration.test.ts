/**
 * `objects.list` through the real core on RGW behind the emulator: pages come from a parallel
 * listing kept between calls, and a token whose listing is gone resumes after its last entry.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ObjectPage } from '../../../shared/objects'
import { startHarness, type Harness } from '../testing/core-harness'

let h: Harness
const BUCKET = 'sessions'
const PREFIX = 'folder/'
/** 90 objects and 30 folders, each folder between objects, plus the folder's own marker. */
const KEYS = [
  PREFIX,
  ...Array.from({ length: 90 }, (_, index) => `${PREFIX}item-${String(index).padStart(3, '0')}`),
  ...Array.from(
    { length: 30 },
    (_, index) => `${PREFIX}item-${String(index * 3).padStart(3, '0')}/x`,
  ),
]

beforeAll(async () => {
  h = await startHarness({ buckets: [BUCKET], prefix: 'sessions' })
  await Promise.all(
    KEYS.map((Key) => h.direct.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'x' }))),
  )
})

afterAll(() => h.stop())

const page = (continuationToken: string | null): Promise<ObjectPage> =>
  h.call('objects.list', {
    accountId: h.accountId,
    bucket: BUCKET,
    prefix: PREFIX,
    maxKeys: 7,
    continuationToken,
  })

describe('objects.list from a parallel listing', () => {
  it('lists a folder exactly, with pages in flight at once', async () => {
    h.bed.emulator.clearLog()
    const listed = await h.listAll(BUCKET, PREFIX, { maxKeys: 7 })
    expect(listed.keys).toEqual(KEYS.slice(1, 91))
    expect(listed.folders).toEqual(KEYS.slice(91).map((key) => key.slice(0, -1)))
    const ranged = h.bed.emulator.log().filter((entry) => 'start-after' in entry.query)
    expect(ranged.length).toBeGreaterThan(0)
  })

  it('resumes after the last entry handed out when a token names a listing that is gone', async () => {
    const first = await page(null)
    await page(first.nextToken)
    // The first token again: its listing has moved on, so a new one starts after its last entry.
    const objects = [...first.objects]
    const folders = [...first.folders]
    let token = first.nextToken
    while (token !== null) {
      const next = await page(token)
      objects.push(...next.objects)
      folders.push(...next.folders)
      token = next.nextToken
    }
    expect(objects.map((object) => object.key)).toEqual(KEYS.slice(1, 91))
    expect(folders.map((folder) => folder.prefix)).toEqual(
      KEYS.slice(91).map((key) => key.slice(0, -1)),
    )
  })

  it("hands back several requests' worth in one answer when asked, every entry once", async () => {
    const objects: string[] = []
    const folders: string[] = []
    let answers = 0
    let largest = 0
    let token: string | null = null
    do {
      const next: ObjectPage = await h.call('objects.list', {
        accountId: h.accountId,
        bucket: BUCKET,
        prefix: PREFIX,
        maxKeys: 7,
        maxEntries: 40,
        continuationToken: token,
      })
      answers += 1
      const size = next.objects.length + next.folders.length
      largest = Math.max(largest, size)
      expect(size).toBeLessThanOrEqual(40)
      objects.push(...next.objects.map((object) => object.key))
      folders.push(...next.folders.map((folder) => folder.prefix))
      token = next.nextToken
    } while (token !== null)
    expect(objects).toEqual(KEYS.slice(1, 91))
    expect(folders).toEqual(KEYS.slice(91).map((key) => key.slice(0, -1)))
    // 120 entries at 7 a request: 18 requests' worth, handed back in fewer answers.
    expect(largest).toBeGreaterThan(7)
    expect(answers).toBeLessThan(18)
  })
})
