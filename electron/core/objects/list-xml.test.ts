/**
 * What our ListObjectsV2 reader understands and what it leaves to the SDK. Its agreement with the
 * SDK on real answers is list-xml.integration.test.ts; here, the forms RGW does not write, and a
 * listing through a loopback server whose XML the reader refuses: the SDK reads it instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLoopbackS3, type LoopbackS3 } from '../testing/loopback-s3'
import { listPage } from './listing'
import { parseListBucketResult, xmlText } from './list-xml'

const answer = (inner: string, root = '<ListBucketResult xmlns="x">'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${root}${inner}</ListBucketResult>`

describe('parseListBucketResult', () => {
  it('reads entries, folders, the token and the encoding wherever they stand', () => {
    const xml = answer(
      '<Contents><Key>a&lt;b&gt;&amp;&quot;&apos;&#x41;&#66;</Key>' +
        '<LastModified>2026-12-06T05:17:24Z</LastModified><ETag>&quot;e1&quot;</ETag>' +
        '<Size>12</Size><Owner><ID>o</ID><DisplayName>O</DisplayName></Owner>' +
        '<StorageClass>STANDARD</StorageClass></Contents>' +
        '<Contents><Key>b</Key><Size>0</Size></Contents>' +
        '<CommonPrefixes><Prefix>f/</Prefix></CommonPrefixes>' +
        '<KeyCount>3</KeyCount><IsTruncated>true</IsTruncated>' +
        '<NextContinuationToken>t&amp;1</NextContinuationToken><EncodingType>url</EncodingType>',
    )
    expect(parseListBucketResult(xml)).toEqual({
      objects: [
        {
          key: 'a<b>&"\'AB',
          size: 12,
          lastModified: '2026-12-06T05:17:24.000Z',
          etag: '"e1"',
          storageClass: 'STANDARD',
        },
        { key: 'b', size: 0, lastModified: null, etag: null, storageClass: null },
      ],
      prefixes: ['f/'],
      isTruncated: true,
      nextContinuationToken: 't&1',
      encodingType: 'url',
    })
  })

  it('reads an empty folder, and empty elements written short', () => {
    expect(
      parseListBucketResult(
        answer('<IsTruncated>false</IsTruncated><NextContinuationToken/><KeyCount>0</KeyCount>'),
      ),
    ).toEqual({
      objects: [],
      prefixes: [],
      isTruncated: false,
      nextContinuationToken: null,
      encodingType: null,
    })
  })

  it.each([
    ['another root', '<Error><Code>NoSuchBucket</Code></Error>'],
    ['a root it does not know', '<ListBucketResultV3></ListBucketResultV3>'],
    ['an element with attributes', answer('<Contents><Key a="1">k</Key></Contents>')],
    ['an entity XML does not define', answer('<Contents><Key>&nbsp;</Key></Contents>')],
    ['an ampersand that starts no reference', answer('<Contents><Key>a & b</Key></Contents>')],
    ['an entry without a key', answer('<Contents><Size>1</Size></Contents>')],
    [
      'a count KeyCount disagrees with',
      answer('<KeyCount>2</KeyCount><Contents><Key>k</Key></Contents>'),
    ],
    ['a size that is no number', answer('<Contents><Key>k</Key><Size>big</Size></Contents>')],
    [
      'a date that is no date',
      answer('<Contents><Key>k</Key><LastModified>soon</LastModified></Contents>'),
    ],
    ['an unclosed entry', answer('<Contents><Key>k</Key>')],
    ['IsTruncated neither true nor false', answer('<IsTruncated>maybe</IsTruncated>')],
  ])('leaves %s to the SDK', (_label, xml) => {
    expect(parseListBucketResult(xml)).toBeNull()
  })

  it('resolves character references up to U+10FFFF', () => {
    expect(xmlText('&#x1F600;&#233;')).toBe('\u{1f600}\u00e9')
  })
})

describe('a listing whose XML the reader leaves to the SDK', () => {
  let loopback: LoopbackS3

  beforeAll(async () => {
    // `xml:space` on each key: well-formed, and nothing the reader expects.
    loopback = await startLoopbackS3((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml' })
      res.end(
        answer(
          '<IsTruncated>false</IsTruncated>' +
            '<Contents><Key xml:space="preserve">k &amp; 1</Key><Size>5</Size></Contents>' +
            '<Contents><Key xml:space="preserve">k2</Key><Size>6</Size></Contents>',
        ),
      )
    })
  })

  afterAll(() => loopback.stop())

  it('is read by the SDK, with the same entries', async () => {
    const page = await listPage(loopback.connection, {
      bucket: 'b',
      prefix: '',
      recursive: true,
      continuationToken: null,
      maxKeys: 1000,
    })
    expect(page.objects.map((object) => [object.key, object.size])).toEqual([
      ['k & 1', 5],
      ['k2', 6],
    ])
    expect(page.nextToken).toBeNull()
  })
})
