/**
 * A ListObjectsV2 answer read straight from its XML. The SDK's general parser spends about 10 ms
 * of the main process's time on a page of 1,000 keys (tags, schema walk, dates, log filter) —
 * at 100 pages a second that alone fills a core. This reads only what a listing shows, by
 * searching for the elements S3 documents (text never holds a raw `<`, so a search cannot land
 * inside a key), in a fraction of that time.
 *
 * It answers null for anything it does not fully understand — another root, an element with
 * attributes, an entity XML does not define, an entry without a key, a count that disagrees with
 * KeyCount — and the caller then keeps the SDK's reading of the same bytes.
 */

export type ListedObjectXml = {
  readonly key: string
  readonly size: number
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it. */
  readonly lastModified: string | null
  /** As the server wrote it, quotes included. */
  readonly etag: string | null
  readonly storageClass: string | null
}

export type ListBucketResultXml = {
  readonly objects: readonly ListedObjectXml[]
  readonly prefixes: readonly string[]
  readonly isTruncated: boolean
  readonly nextContinuationToken: string | null
  /** "url" when the keys came url-encoded. */
  readonly encodingType: string | null
}

/** Anything this reader does not understand: the SDK reads the answer instead. */
class NotUnderstood extends Error {}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

const entity = (_match: string, body: string): string => {
  const named = ENTITIES[body]
  if (named !== undefined) return named
  const point = body.startsWith('#x')
    ? Number.parseInt(body.slice(2), 16)
    : body.startsWith('#')
      ? Number.parseInt(body.slice(1), 10)
      : Number.NaN
  if (!Number.isInteger(point) || point < 0 || point > 0x10ffff) throw new NotUnderstood()
  return String.fromCodePoint(point)
}

const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g
/** An `&` that starts no reference at all. */
const STRAY_AMPERSAND = /&(?!(?:#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);)/

/** Element text with XML's five entities and character references resolved. */
export const xmlText = (raw: string): string => {
  if (!raw.includes('&')) return raw
  if (STRAY_AMPERSAND.test(raw)) throw new NotUnderstood()
  return raw.replace(REFERENCE, entity)
}

/**
 * The text of the first `<name>` element in `xml[from, to)`, or undefined when there is none.
 * `<name/>` is an empty text; an element with attributes is not understood.
 */
const textOf = (xml: string, name: string, from: number, to: number): string | undefined => {
  const start = xml.indexOf(`<${name}`, from)
  if (start === -1 || start >= to) return undefined
  const after = xml[start + name.length + 1] ?? ''
  if (xml.startsWith('/>', start + name.length + 1)) return ''
  if (after !== '>') {
    // `<KeyCount>` when looking for `<Key>`: another element, look further.
    if (/[\w.-]/.test(after)) return textOf(xml, name, start + name.length + 1, to)
    throw new NotUnderstood() // `<Key a="b">`: attributes are not expected here
  }
  const valueStart = start + name.length + 2
  const end = xml.indexOf(`</${name}>`, valueStart)
  if (end === -1 || end > to) throw new NotUnderstood()
  return xmlText(xml.slice(valueStart, end))
}

/** `2026-12-06T05:17:24.123Z` as is; other forms of a date through Date. */
const isoDate = (text: string | undefined): string | null => {
  if (text === undefined || text === '') return null
  if (text.length === 24 && text[10] === 'T' && text[19] === '.' && text[23] === 'Z') return text
  const date = new Date(text)
  if (Number.isNaN(date.getTime())) throw new NotUnderstood()
  return date.toISOString()
}

/** The `[start, end)` spans of each `<name>…</name>` in `xml[from, to)`, in order. */
const blocks = (xml: string, name: string, from: number, to: number): [number, number][] => {
  const open = `<${name}>`
  const close = `</${name}>`
  const spans: [number, number][] = []
  for (let at = xml.indexOf(open, from); at !== -1 && at < to; at = xml.indexOf(open, at)) {
    const end = xml.indexOf(close, at + open.length)
    if (end === -1 || end > to) throw new NotUnderstood()
    spans.push([at + open.length, end])
    at = end + close.length
  }
  return spans
}

const objectIn = (xml: string, [from, to]: [number, number]): ListedObjectXml => {
  const key = textOf(xml, 'Key', from, to)
  if (key === undefined) throw new NotUnderstood()
  const sizeText = textOf(xml, 'Size', from, to)
  const size = sizeText === undefined || sizeText === '' ? 0 : Number(sizeText)
  if (!Number.isFinite(size)) throw new NotUnderstood()
  const etag = textOf(xml, 'ETag', from, to)
  const storageClass = textOf(xml, 'StorageClass', from, to)
  return {
    key,
    size,
    lastModified: isoDate(textOf(xml, 'LastModified', from, to)),
    etag: etag === undefined ? null : etag,
    storageClass: storageClass === undefined || storageClass === '' ? null : storageClass,
  }
}

/** The answer to ListObjectsV2 in `xml`, or null when it should be left to the SDK. */
export const parseListBucketResult = (xml: string): ListBucketResultXml | null => {
  try {
    const root = xml.indexOf('<ListBucketResult')
    const rootEnd = xml.lastIndexOf('</ListBucketResult>')
    if (root === -1 || rootEnd === -1) return null
    const next = xml.charCodeAt(root + '<ListBucketResult'.length)
    if (next !== 0x3e && next !== 0x20) return null // `<ListBucketResult>` or `… xmlns=…>`
    const from = xml.indexOf('>', root) + 1
    const objects = blocks(xml, 'Contents', from, rootEnd).map((span) => objectIn(xml, span))
    const prefixes = blocks(xml, 'CommonPrefixes', from, rootEnd).map(([start, end]) => {
      const prefix = textOf(xml, 'Prefix', start, end)
      if (prefix === undefined) throw new NotUnderstood()
      return prefix
    })
    // Top-level elements may come before, between or after the entries, and none of these names
    // is used inside an entry: the whole answer is searched.
    const truncated = textOf(xml, 'IsTruncated', from, rootEnd)
    if (truncated !== undefined && truncated !== 'true' && truncated !== 'false') return null
    const keyCount = textOf(xml, 'KeyCount', from, rootEnd)
    if (keyCount !== undefined && Number(keyCount) !== objects.length + prefixes.length) return null
    const token = textOf(xml, 'NextContinuationToken', from, rootEnd)
    const encoding = textOf(xml, 'EncodingType', from, rootEnd)
    return {
      objects,
      prefixes,
      isTruncated: truncated === 'true',
      nextContinuationToken: token ? token : null,
      encodingType: encoding ? encoding : null,
    }
  } catch (error) {
    if (error instanceof NotUnderstood) return null
    throw error
  }
}
