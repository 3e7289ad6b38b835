/**
 * What the user does to objects: the clipboard, the open dialog, and the commands behind new
 * folder, rename, delete, copy/move and properties. Bulk work goes to main as jobs.
 */
import type { CommandRequest, DssApi } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { CostEstimate, ObjectProperties, Preview } from '../../shared/objects'
import { parentPrefix } from '../../shared/s3-keys'
import type { SliceCreator } from './app-state'
import type { Clipboard } from './clipboard'
import { pasteProblem } from './clipboard'
import type { Dialog, RequestSelection, TransferMode } from './dialogs'
import { selectionOf } from './dialogs'
import type { Location } from './location'
import { createRequestIds, sendCancellable } from './request-ids'
import { sameLocation } from './location'
import type { Entry } from './object-entry'
import { entriesOfPage } from './object-entry'
import { selectSelectedEntries } from './visible-entries'

type PropertiesChange = Omit<CommandRequest<'objects.updateProperties'>, 'accountId' | 'bucket'>

/** An action that failed outside a dialog (a paste), shown above the table until dismissed. */
export type ActionError = { readonly title: string; readonly error: AppError }

export type ObjectActionsSlice = {
  readonly clipboard: Clipboard | null
  readonly dialog: Dialog | null
  readonly actionError: ActionError | null
  dismissActionError(): void
  openDialog(dialog: Dialog): void
  closeDialog(): void
  /** Puts the selected rows on the clipboard, to copy or to move when pasted. */
  copyToClipboard(mode: Clipboard['mode']): void
  /** Copies or moves the clipboard into the open folder (a cut is then used up). */
  paste(): Promise<AppError | null>
  /** Creates a folder in `location`, shows it selected, and returns its key. */
  createFolder(location: Location, name: string): Promise<Result<string>>
  rename(location: Location, entry: Entry, newName: string): Promise<AppError | null>
  deleteEntries(location: Location, entries: readonly Entry[]): Promise<AppError | null>
  transfer(
    mode: TransferMode,
    location: Location,
    entries: readonly Entry[],
    target: { readonly bucket: string; readonly prefix: string },
  ): Promise<AppError | null>
  estimate(
    accountId: string,
    selection: RequestSelection,
    operation: 'delete' | 'copy' | 'move',
  ): Promise<Result<CostEstimate>>
  /** Aborting `signal` (the dialog closed) stops the request in main. */
  headObject(
    location: Location,
    key: string,
    signal?: AbortSignal,
  ): Promise<Result<ObjectProperties>>
  updateProperties(location: Location, change: PropertiesChange): Promise<Result<ObjectProperties>>
  previewObject(location: Location, key: string, signal?: AbortSignal): Promise<Result<Preview>>
  /** Electron: files can be dragged out to the desktop (main fetches them first). */
  readonly canDragOut: boolean
  dragOut(location: Location, key: string): void
}

export const createObjectActionsSlice =
  (api: DssApi): SliceCreator<ObjectActionsSlice> =>
  (set, get) => {
    const requestId = createRequestIds()
    /** Adds a row the user just made, without waiting for the refresh that follows. */
    const showNewFolder = (location: Location, key: string): void => {
      const { listing } = get()
      if (!listing || !sameLocation(listing.location, location) || listing.search !== null) return
      if (!listing.entries.some((entry) => entry.key === key)) {
        const [row] = entriesOfPage(
          { folders: [{ prefix: key }], objects: [], nextToken: null },
          location.prefix,
          false,
        )
        if (row) set({ listing: { ...listing, entries: listing.entries.concat(row) } })
      }
      set({ selectedKeys: new Set([key]), focusKey: key, anchorKey: key })
    }

    return {
      clipboard: null,
      dialog: null,
      actionError: null,

      dismissActionError: () => set({ actionError: null }),

      openDialog: (dialog) => set({ dialog }),
      closeDialog: () => set({ dialog: null }),

      copyToClipboard: (mode) => {
        const { location } = get()
        const entries = selectSelectedEntries(get())
        if (!location || entries.length === 0) return
        set({
          clipboard: {
            mode,
            accountId: location.accountId,
            selection: selectionOf(location.bucket, entries),
            from: location,
          },
        })
      },

      paste: async () => {
        const { clipboard, location } = get()
        const problem = pasteProblem(clipboard, location)
        if (problem !== null || !clipboard || !location) {
          return { code: 'INVALID_REQUEST', message: problem ?? 'Nothing to paste.' }
        }
        const error = await get().startJob({
          kind: clipboard.mode === 'cut' ? 'move' : 'copy',
          accountId: clipboard.accountId,
          selection: clipboard.selection,
          target: {
            bucket: location.bucket,
            prefix: location.prefix,
            // Into another account: main reads through the source's connection, writes through this.
            ...(location.accountId === clipboard.accountId
              ? {}
              : { accountId: location.accountId }),
          },
        })
        // Backing out of the name-clash question is not a failure: the clipboard stays.
        if (error?.code === 'CANCELLED') return null
        if (error) set({ actionError: { title: 'Could not paste', error } })
        // Moved items are no longer where the clipboard says: a cut pastes once.
        else if (clipboard.mode === 'cut') set({ clipboard: null })
        return error
      },

      createFolder: async (location, name) => {
        const result = await api.invoke('objects.createFolder', { ...location, name })
        if (!result.ok) return result
        showNewFolder(location, result.value.key)
        get().invalidateFolders(location)
        return { ok: true, value: result.value.key }
      },

      rename: (location, entry, newName) =>
        get().startJob({
          kind: 'move',
          accountId: location.accountId,
          selection: selectionOf(location.bucket, [entry]),
          target: { bucket: location.bucket, prefix: parentPrefix(entry.key) },
          newName,
        }),

      deleteEntries: (location, entries) =>
        get().startJob({
          kind: 'delete',
          accountId: location.accountId,
          selection: selectionOf(location.bucket, entries),
        }),

      transfer: (mode, location, entries, target) =>
        get().startJob({
          kind: mode,
          accountId: location.accountId,
          selection: selectionOf(location.bucket, entries),
          target,
        }),

      estimate: (accountId, selection, operation) =>
        api.invoke('objects.estimate', { accountId, selection, operation }),

      headObject: (location, key, signal) =>
        sendCancellable(api, requestId('head'), signal, (id) =>
          api.invoke('objects.head', {
            accountId: location.accountId,
            bucket: location.bucket,
            key,
            requestId: id,
          }),
        ),

      updateProperties: (location, change) =>
        api.invoke('objects.updateProperties', {
          accountId: location.accountId,
          bucket: location.bucket,
          ...change,
        }),

      previewObject: (location, key, signal) =>
        sendCancellable(api, requestId('preview'), signal, (id) =>
          api.invoke('objects.preview', {
            accountId: location.accountId,
            bucket: location.bucket,
            key,
            requestId: id,
          }),
        ),
      canDragOut: api.startDrag !== undefined,
      dragOut: (location, key) =>
        api.startDrag?.({ accountId: location.accountId, bucket: location.bucket, key }),
    }
  }
