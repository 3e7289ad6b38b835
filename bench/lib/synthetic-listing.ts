/**
 * A synthetic S3 upstream for the scale benchmark: one bucket, `scale`, whose folder `big/` holds
 * `count` generated objects. It answers ListBuckets and ListObjectsV2 (prefix, delimiter,
 * start-after, continuation token, max-keys, url encoding) from a formula, so a million objects
 * cost no disk and no setup time; it checks no signature. Nothing else is stored or answered.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const SCALE_BUCKET = 'scale'
export const SCALE_PREFIX = 'big/'

export type SyntheticListing = {
  readonly endpoint: string
  /** ListObjectsV2 requests answered so far. */
  listRequests(): number
  stop(): Promise<void>
}

const keyOf = (index: number): string => `${SCALE_PREFIX}obj-${String(index).padStart(7, '0')}`

/** The first index whose key sorts after `after` (keys are ASCII: code-unit order is byte order). */
const firstAfter = (after: string, count: number): number => {
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >>> 1
    if (keyOf(middle) <= after) low = middle + 1
    else high = middle
  }
  return low
}

const EPOCH = Date.UTC(2026, 0, 1)

const contents = (index: number): string =>
  `<Contents><Key>${encodeURIComponent(keyOf(index)).replace(/%2F/g, '/')}</Key>` +
  `<LastModified>${new Date(EPOCH + index * 1000).toISOString()}</LastModified>` +
  `<ETag>"${index.toString(16).padStart(32, '0')}"</ETag>` +
  `<Size>${(index * 7919) % 10_000_000}</Size><StorageClass>STANDARD</StorageClass></Contents>`

const listPage = (url: URL, count: number): string => {
  const query = url.searchParams
  const prefix = query.get('prefix') ?? ''
  const delimiter = query.get('delimiter')
  const maxKeys = Math.min(1000, Number(query.get('max-keys') ?? 1000))
  const token = query.get('continuation-token')
  const startAfter = token ?? query.get('start-after') ?? ''
  const head =
    `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult>` +
    `<Name>${SCALE_BUCKET}</Name><Prefix>${prefix}</Prefix><MaxKeys>${maxKeys}</MaxKeys>` +
    `<EncodingType>url</EncodingType>`
  // Above the folder with a delimiter: the folder itself is the one entry.
  if (delimiter === '/' && SCALE_PREFIX.startsWith(prefix) && prefix !== SCALE_PREFIX) {
    const shown = startAfter < SCALE_PREFIX
    return (
      `${head}<KeyCount>${shown ? 1 : 0}</KeyCount><IsTruncated>false</IsTruncated>` +
      (shown ? `<CommonPrefixes><Prefix>${SCALE_PREFIX}</Prefix></CommonPrefixes>` : '') +
      `</ListBucketResult>`
    )
  }
  if (!SCALE_PREFIX.startsWith(prefix) && !prefix.startsWith(SCALE_PREFIX)) {
    return `${head}<KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>`
  }
  let index = Math.max(firstAfter(startAfter, count), firstAfter(prefix, count))
  const entries: string[] = []
  while (index < count && entries.length < maxKeys) {
    const key = keyOf(index)
    if (!key.startsWith(prefix)) break
    entries.push(contents(index))
    index += 1
  }
  const truncated = index < count && keyOf(index).startsWith(prefix)
  const next = truncated ? keyOf(index - 1) : null
  return (
    `${head}<KeyCount>${entries.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>` +
    (next ? `<NextContinuationToken>${next}</NextContinuationToken>` : '') +
    `${entries.join('')}</ListBucketResult>`
  )
}

export const startSyntheticListing = async (count: number): Promise<SyntheticListing> => {
  let lists = 0
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const xml = (body: string): void => {
      response.writeHead(200, { 'content-type': 'application/xml' }).end(body)
    }
    if (url.pathname === '/') {
      if (request.method === 'HEAD') return void response.writeHead(200).end()
      return xml(
        `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Owner><ID>bench</ID></Owner>` +
          `<Buckets><Bucket><Name>${SCALE_BUCKET}</Name>` +
          `<CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets>` +
          `</ListAllMyBucketsResult>`,
      )
    }
    if (url.pathname.replace(/\/$/, '') === `/${SCALE_BUCKET}` && request.method === 'GET') {
      if (url.searchParams.get('list-type') === '2') {
        lists += 1
        return xml(listPage(url, count))
      }
    }
    response
      .writeHead(501, { 'content-type': 'application/xml' })
      .end('<Error><Code>NotImplemented</Code><Message>Only listings here.</Message></Error>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    listRequests: () => lists,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
