/** The one modal dialog that can be open, with what it acts on. */
import type { CommandRequest } from '../../shared/contract'
import type { Location } from './location'
import type { Entry } from './object-entry'

export type TransferMode = 'copy' | 'move'

/** What is writing the names that clash (the dialog's wording, and who takes the answer). */
export type NameClashOperation = 'upload' | 'copy' | 'move' | 'rename'

export type Dialog =
  | { readonly kind: 'new-folder'; readonly location: Location }
  | { readonly kind: 'rename'; readonly location: Location; readonly entry: Entry }
  | {
      readonly kind: 'delete'
      readonly location: Location
      readonly entries: readonly Entry[]
    }
  | { readonly kind: 'properties'; readonly location: Location; readonly entry: Entry }
  | {
      readonly kind: 'transfer'
      readonly mode: TransferMode
      readonly location: Location
      readonly entries: readonly Entry[]
    }
  | { readonly kind: 'download'; readonly location: Location; readonly entries: readonly Entry[] }
  /** Download links for the selected files (folders are explained, not shared). */
  | { readonly kind: 'share'; readonly location: Location; readonly entries: readonly Entry[] }
  /** An upload link for a new key in the open folder. */
  | { readonly kind: 'upload-link'; readonly location: Location }
  | {
      /**
       * Some target keys of an upload, copy, move or rename exist: asked once per operation
       * (uploads: UploadsSlice; the others: JobsSlice).
       */
      readonly kind: 'name-clash'
      readonly operation: NameClashOperation
      /** The upload's preparation, or the job's question. */
      readonly preparationId: string
      readonly target: Location
      /** The target keys that exist. */
      readonly existing: readonly string[]
      /** How many files the batch has; null when not counted (a copy of folders). */
      readonly total: number | null
    }
  | { readonly kind: 'new-bucket'; readonly accountId: string }
  | { readonly kind: 'delete-bucket'; readonly accountId: string; readonly bucket: string }

/**
 * A selection as requests take it. (shared/objects.ts's `Selection` has readonly arrays, which
 * the request schemas' input types do not accept.)
 */
export type RequestSelection = CommandRequest<'objects.estimate'>['selection']

/** Rows as a job's selection: objects by key, folders by prefix (taken recursively). */
export const selectionOf = (bucket: string, entries: readonly Entry[]): RequestSelection => ({
  bucket,
  keys: entries.filter(({ kind }) => kind === 'object').map(({ key }) => key),
  prefixes: entries.filter(({ kind }) => kind === 'folder').map(({ key }) => key),
})
