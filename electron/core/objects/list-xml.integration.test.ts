/**
 * Our reading of ListObjectsV2 XML (list-xml.ts) against the SDK's, on the same bytes from the
 * RADOS Gateway: odd keys, markup characters, folders, pages with continuation tokens, url
 * encoding on and off. Any difference fails.
 */
import {
  ListObjectsV2Command,
  PutObjectCommand,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3'
import type { DeserializeMiddleware } from '@smithy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../testing/core-harness'
import { parseListBucketResult } from './list-xml'

const KEYS = [
  'plain.txt',
  'markup/<tag> & "quotes" \'single\'.txt',
  'markup/a&amp;b.txt',
  'markup/&#x41;.txt',
  'odd/a+b #c ?d &e %20f.txt',
  'odd/caf\u00e9.txt',
  'odd/cafe\u0301.txt',
  'odd/ spaced .txt',
  'odd/emoji \u{1f600}.txt',
  'odd/cjk \u6f22\u5b57.txt',
  'odd/\ue000 private use',
  'sib/dir',
  'sib/dir!',
  'sib/dir/',
  'sib/dir/file',
  'ctl/x\ry',
  'ctl/x\ny',
  'ctl/x\ty',
  'ctl/x\u0001y',
  'a//b',
  'deep/1/2/3/4.txt',
  'zero',
]
/** Keys XML 1.0 can carry raw, for listings that do not ask for url encoding. */
const RAW_SAFE = KEYS.filter((key) => [...key].every((char) => char >= ' '))

let h: Harness

beforeAll(async () => {
  h = await startHarness({ buckets: ['xml'], prefix: 'xml' })
  for (const [index, key] of KEYS.entries()) {
    const body = 'x'.repeat(index)
    await h.direct.send(new PutObjectCommand({ Bucket: 'xml', Key: key, Body: body }))
  }
})

afterAll(() => h.stop())

/** Each answer's bytes, as the server sent them, beside the SDK's reading of them. */
const listRaw = async (
  client: S3Client,
  input: ListObjectsV2CommandInput,
): Promise<{ bytes: Buffer; sdk: ListObjectsV2CommandOutput }> => {
  let bytes = Buffer.alloc(0)
  const command = new ListObjectsV2Command(input)
  const keep: DeserializeMiddleware<ListObjectsV2CommandInput, ListObjectsV2CommandOutput> =
    (next) => async (args) => {
      const result = await next(args)
      const response = result.response as { body: AsyncIterable<Uint8Array> }
      const chunks: Buffer[] = []
      for await (const chunk of response.body) chunks.push(Buffer.from(chunk))
      bytes = Buffer.concat(chunks)
      Object.assign(response, { body: new Uint8Array(bytes) })
      return result
    }
  command.middlewareStack.add(keep, { step: 'deserialize', priority: 'low', name: 'keepBytes' })
  const sdk = await client.send(command)
  return { bytes, sdk }
}

type SdkAnswer = {
  Contents?: { Key?: string; Size?: number; LastModified?: Date; ETag?: string }[]
  CommonPrefixes?: { Prefix?: string }[]
  IsTruncated?: boolean
  NextContinuationToken?: string
  EncodingType?: string
  StorageClass?: string
}

describe.each([
  { encoding: 'url' as const, keys: KEYS },
  { encoding: undefined, keys: RAW_SAFE },
])('with EncodingType $encoding', ({ encoding }) => {
  it.each([
    { label: 'recursive, 5 a page', delimiter: undefined, maxKeys: 5 },
    { label: 'by folder, 3 a page', delimiter: '/', maxKeys: 3 },
    { label: 'recursive, all at once', delimiter: undefined, maxKeys: 1000 },
  ])('reads every page as the SDK does ($label)', async ({ delimiter, maxKeys }) => {
    let token: string | undefined
    let pages = 0
    let entries = 0
    do {
      const { bytes, sdk } = await listRaw(h.direct, {
        Bucket: 'xml',
        Delimiter: delimiter,
        MaxKeys: maxKeys,
        EncodingType: encoding,
        ContinuationToken: token,
      })
      const theirs: SdkAnswer = sdk
      const ours = parseListBucketResult(bytes.toString('utf8'))
      expect(ours, bytes.toString('utf8')).not.toBeNull()
      expect(ours).toEqual({
        objects: (theirs.Contents ?? []).map((object) => ({
          key: object.Key,
          size: object.Size,
          lastModified: object.LastModified?.toISOString() ?? null,
          etag: object.ETag ?? null,
          storageClass: (object as { StorageClass?: string }).StorageClass ?? null,
        })),
        prefixes: (theirs.CommonPrefixes ?? []).map((prefix) => prefix.Prefix),
        isTruncated: theirs.IsTruncated ?? false,
        nextContinuationToken: theirs.NextContinuationToken ?? null,
        encodingType: theirs.EncodingType ?? null,
      })
      entries += (ours?.objects.length ?? 0) + (ours?.prefixes.length ?? 0)
      pages += 1
      token = theirs.NextContinuationToken
    } while (token)
    expect(entries).toBeGreaterThan(0)
    if (maxKeys < 10) expect(pages).toBeGreaterThan(1)
  })
})
