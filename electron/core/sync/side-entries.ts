/** What each side holds, by path relative to its root ('/'-separated; folders end in '/'). */
import type { LocalSide, RemoteSide } from '../../../shared/sync'

export type LocalFile = LocalSide & { readonly kind: 'file' }
export type LocalFolder = { readonly kind: 'folder' }
export type LocalEntry = LocalFile | LocalFolder

export type RemoteFile = RemoteSide & { readonly kind: 'file' }
export type RemoteFolder = { readonly kind: 'folder' }
export type RemoteEntry = RemoteFile | RemoteFolder

/** Something one side has that is never synced, and why. */
export type Skipped = { readonly path: string; readonly reason: string }

export type SideScan<Entry> = {
  readonly entries: ReadonlyMap<string, Entry>
  readonly skipped: readonly Skipped[]
}
