/** Every object a selection stands for: the picked keys, and all objects under picked folders. */
import type { Selection } from '../../../shared/objects'
import { parentPrefix } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { walkPrefix } from '../objects/listing'

export type SourceObject = {
  readonly key: string
  /** Known from a listing; null for a picked key (not looked up unless needed). */
  readonly size: number | null
  readonly etag: string | null
  /** The picked item's parent prefix: what is kept of the key is relative to it. */
  readonly base: string
  /** The picked item itself (a key, or a folder prefix). */
  readonly picked: string
}

export const BATCH = 1000

/** Objects a page at a time (at most 1,000 per batch), in selection order. */
export async function* walkSelection(
  connection: Connection,
  selection: Selection,
  signal?: AbortSignal,
): AsyncGenerator<SourceObject[]> {
  for (let at = 0; at < selection.keys.length; at += BATCH) {
    yield selection.keys.slice(at, at + BATCH).map((key) => ({
      key,
      size: null,
      etag: null,
      base: parentPrefix(key),
      picked: key,
    }))
  }
  for (const prefix of selection.prefixes) {
    for await (const page of walkPrefix(connection, selection.bucket, prefix, signal)) {
      yield page.map((object) => ({
        key: object.key,
        size: object.size,
        etag: object.etag,
        base: prefix === '' ? '' : parentPrefix(prefix),
        picked: prefix,
      }))
    }
  }
}
