/** A row of the object browser: a folder or an object, named exactly as stored. */
import type { ObjectPage } from '../../shared/objects'
import { isFolderKey } from '../../shared/s3-keys'
import { typeOf } from './object-type'

export type Entry = {
  /** The full S3 key, or the folder's prefix ending in '/'; unique in a listing. */
  readonly key: string
  readonly kind: 'folder' | 'object'
  /** Relative to the open folder, or the full key in search results; never trimmed or normalised. */
  readonly name: string
  readonly size: number | null
  readonly lastModified: string | null
  readonly type: string
  /** Case- and normalisation-folded name, for filtering only. */
  readonly folded: string
  /** `folded` with digit runs padded, so a plain comparison sorts 'file 9' before 'file 10'. */
  readonly sortKey: string
}

const padDigits = (text: string): string =>
  text.replace(/\d+/g, (digits) => digits.padStart(20, '0'))

const entry = (
  key: string,
  name: string,
  kind: Entry['kind'],
  size: number | null,
  lastModified: string | null,
): Entry => {
  const folded = name.normalize('NFC').toLowerCase()
  return {
    key,
    kind,
    name,
    size,
    lastModified,
    type: kind === 'folder' ? 'Folder' : typeOf(key),
    folded,
    sortKey: padDigits(folded),
  }
}

/**
 * The rows of one page. In a folder, names are relative to the folder (folders without their
 * slash); in a bucket search, names are the full keys and keys ending in '/' are folders.
 */
export const entriesOfPage = (page: ObjectPage, prefix: string, search: boolean): Entry[] => [
  ...page.folders.map(({ prefix: folder }) =>
    entry(folder, search ? folder : folder.slice(prefix.length, -1), 'folder', null, null),
  ),
  ...page.objects.map((object) =>
    search && isFolderKey(object.key)
      ? entry(object.key, object.key, 'folder', null, object.lastModified)
      : entry(
          object.key,
          search ? object.key : object.key.slice(prefix.length),
          'object',
          object.size,
          object.lastModified,
        ),
  ),
]
