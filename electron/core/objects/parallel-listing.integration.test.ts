/**
 * The parallel listing against the sequential one, on random key sets stored in RGW behind the
 * gateway emulator: unicode, control characters, '/' nesting, keys that are prefixes of others,
 * and tiny pages (2–7 entries) so a few dozen keys make many ranges. Both must give every key
 * once, in S3's byte order, and each folder once.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBed } from '../../../e2e/testbed/test-bed'
import { startTestBed } from '../../../e2e/testbed/test-bed'
import { compareKeys } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { createRequestGovernor, type RequestPriority } from '../request-governor'
import { createS3Client } from '../s3-client'
import { closeTransferBed, connectionTo, directClientOf } from '../testing/transfer-core'
import { walkListing, type ListScope, type ParallelOptions } from './parallel-listing'

const BUCKET = 'ranges'
let bed: TestBed
let direct: ReturnType<typeof directClientOf>
let connection: Connection
let runs = 0

beforeAll(async () => {
  // A higher limit than DSS's: the property runs many small listings, and the rate is not what
  // is tested here.
  bed = await startTestBed({ buckets: [BUCKET], rateLimit: 1000 })
  direct = directClientOf(bed)
  connection = connectionTo(bed)
  connection.governor.setRate(500)
})

afterAll(() => closeTransferBed({ direct, connection, bed }))

/** Characters that sort around '/' and each other in byte order, and some XML cannot carry. */
const CHARACTERS = [
  'a',
  'b',
  'z',
  '0',
  '9',
  '/',
  '.',
  '!',
  ' ',
  '+',
  '%',
  '~',
  'é',
  'e\u0301',
].concat(['\u0001', '\t', '\n', '\r', '\u007f', '\u{e000}', '\u{ffef}', '😀', '中'])

const name = fc
  .array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))

/**
 * Numbered names ("k-007"), evenly spread as a bucket of logs or photos often is: cuts guessed
 * from them land on real keys, where a range's end must be kept and the next range start after.
 */
const numbered = fc
  .tuple(name, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 3 }))
  .map(([stem, count, every]) =>
    Array.from({ length: count }, (_, index) => `${stem}${String(index * every).padStart(3, '0')}`),
  )

/** Names, plus some of their own prefixes and "name/child" twins, so keys nest and collide. */
const keySet = fc
  .tuple(
    fc
      .tuple(fc.uniqueArray(name, { maxLength: 40 }), numbered)
      .map(([names, more]) => [...new Set([...names, ...more])]),
    fc.array(fc.nat(), { maxLength: 8 }),
  )
  .map(([names, picks]) => {
    const keys = new Set(names)
    for (const pick of picks) {
      const base = [...(names[pick % Math.max(1, names.length)] ?? '')]
      if (base.length === 0) continue
      keys.add(base.slice(0, 1 + (pick % base.length)).join(''))
      keys.add(`${base.join('')}/${pick % 3 === 0 ? '' : 'x'}`)
    }
    return [...keys]
  })

const seed = async (prefix: string, names: readonly string[]): Promise<void> => {
  await Promise.all(
    names.map((key) =>
      direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: prefix + key, Body: 'x' })),
    ),
  )
}

type Listed = { readonly objects: string[]; readonly folders: string[] }

const list = async (scope: ListScope, options: ParallelOptions): Promise<Listed> => {
  const objects: string[] = []
  const folders: string[] = []
  for await (const page of walkListing(connection, scope, undefined, options)) {
    objects.push(...page.objects.map((object) => object.key))
    folders.push(...page.folders.map((folder) => folder.prefix))
  }
  return { objects, folders }
}

/** What S3 should answer, worked out from the keys alone. */
const expected = (prefix: string, names: readonly string[], recursive: boolean): Listed => {
  const keys = names.map((key) => prefix + key).sort(compareKeys)
  if (recursive) return { objects: keys, folders: [] }
  const folders = new Set<string>()
  const objects: string[] = []
  for (const key of keys) {
    // The folder's own marker is not one of its children.
    if (key === prefix) continue
    const rest = key.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash === -1) objects.push(key)
    else folders.add(prefix + rest.slice(0, slash + 1))
  }
  return { objects, folders: [...folders].sort(compareKeys) }
}

describe('the parallel listing', () => {
  it.each([true, false])(
    'gives what the sequential walk gives, and what S3 holds (recursive: %s)',
    async (recursive) => {
      bed.emulator.clearLog()
      await fc.assert(
        fc.asyncProperty(keySet, fc.integer({ min: 2, max: 7 }), async (names, maxKeys) => {
          runs += 1
          const prefix = `run-${runs}/`
          await seed(prefix, names)
          const scope: ListScope = { bucket: BUCKET, prefix, recursive, maxKeys }
          const parallel = await list(scope, { inFlight: 6 })
          const sequential = await list(scope, { parallel: false })
          expect(parallel).toEqual(sequential)
          expect(parallel).toEqual(expected(prefix, names, recursive))
        }),
        { numRuns: 15, endOnFailure: true },
      )
      // The ranges were really there: later ones began with a StartAfter.
      const ranged = bed.emulator.log().filter((entry) => 'start-after' in entry.query)
      expect(ranged.length).toBeGreaterThan(15)
    },
    240_000,
  )

  it('starts after a given entry, skipping a folder whole', async () => {
    const prefix = 'after/'
    const names = ['a', 'b/1', 'b/2', 'c', 'd/x/y', 'e']
    await seed(prefix, names)
    const scope = { bucket: BUCKET, prefix, maxKeys: 2 }
    expect(await list({ ...scope, recursive: false, after: `${prefix}b/` }, {})).toEqual({
      objects: [`${prefix}c`, `${prefix}e`],
      folders: [`${prefix}d/`],
    })
    expect(await list({ ...scope, recursive: true, after: `${prefix}b/1` }, {})).toEqual({
      objects: ['b/2', 'c', 'd/x/y', 'e'].map((key) => prefix + key),
      folders: [],
    })
  })

  it("asks for the reader's range as interactive and the ranges after it as read-ahead, with no listener warning", async () => {
    const prefix = 'priorities/'
    await seed(
      prefix,
      Array.from({ length: 60 }, (_, index) => String(index).padStart(3, '0')),
    )
    const asked: RequestPriority[] = []
    const inner = createRequestGovernor(500)
    const governor = {
      ...inner,
      acquire(priority: RequestPriority, signal?: AbortSignal) {
        asked.push(priority)
        return inner.acquire(priority, signal)
      },
    }
    const recording = {
      ...connection,
      governor,
      client: createS3Client(connection.settings, governor),
    }
    // Every request in flight listens for the listing's abort: that must not look like a leak.
    const warnings: string[] = []
    const onWarning = (warning: Error): void => void warnings.push(warning.name)
    process.on('warning', onWarning)
    try {
      const pages = walkListing(recording, { bucket: BUCKET, prefix, recursive: true, maxKeys: 5 })
      let listed = 0
      for await (const page of pages) listed += page.objects.length
      expect(listed).toBe(60)
    } finally {
      process.off('warning', onWarning)
      recording.client.destroy()
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning')
    expect(asked[0]).toBe('interactive')
    expect(asked).toContain('read-ahead')
  })
})
