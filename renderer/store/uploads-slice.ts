/**
 * Starting uploads: files and folders the user dropped or picked go to main as one batch. Before
 * anything is queued, main says which keys exist and the user settles clashes once for the batch
 * (the 'name-clash' dialog). In Electron each file is named by its path (from the preload); in
 * the web shell each is first staged over HTTP, and the batch shows as "preparing" meanwhile.
 */
import type { CommandRequest, DssApi } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { ConflictPolicy, FileSource } from '../../shared/transfers'
import { MIB } from '../../shared/transfers'
import type { StageFile } from '../api/stage-file'
import type { SliceCreator } from './app-state'
import type { Location } from './location'
import { createRequestIds, sendCancellable } from './request-ids'
import type { PickedFile, PickedUpload } from './upload-batch'
import { batchName, chunksOf, runLimited, targetKeys } from './upload-batch'

export type PreparationState =
  /** Asking main which keys exist. */
  | 'checking'
  /** Waiting for the user to settle name clashes. */
  | 'asking'
  /** Handing the batch to main's queue. */
  | 'queuing'
  /** Staging files over HTTP (web shell). */
  | 'staging'
  | 'failed'

/** A batch on its way to main's queue, shown at the top of the transfers panel. */
export type Preparation = {
  readonly id: string
  readonly target: Location
  /** The one file or folder, or "12 items". */
  readonly name: string
  readonly state: PreparationState
  readonly files: number
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly error: AppError | null
  /** While asking: the target keys that exist (to show the question again). */
  readonly existing: readonly string[] | null
}

export type UploadsSlice = {
  readonly preparations: ReadonlyMap<string, Preparation>
  /** Uploads files and folders into `target`, asking about clashes first. */
  upload(target: Location, picked: PickedUpload): Promise<void>
  /** The user's answer to the open 'name-clash' dialog; null cancels the batch. */
  answerNameClash(preparationId: string, policy: ConflictPolicy | null): void
  /** Shows a batch's name clash question again (another dialog may have replaced it). */
  askAgain(preparationId: string): void
  /** Stops a batch still preparing, or forgets one that failed. */
  cancelPreparation(id: string): void
}

export type UploadOptions = {
  /** Stages a file in the web shell; unused where the API gives paths (Electron). */
  readonly stageFile: StageFile
  /** Files staged at once. */
  readonly stageConcurrency?: number
  /** Largest command: this many files, or about this many bytes staged before it is sent. */
  readonly chunkFiles?: number
  readonly chunkBytes?: number
}

const cancelled: AppError = { code: 'CANCELLED', message: 'Cancelled.' }

export const createUploadsSlice =
  (
    api: DssApi,
    { stageFile, stageConcurrency = 3, chunkFiles = 500, chunkBytes = 256 * MIB }: UploadOptions,
  ): SliceCreator<UploadsSlice> =>
  (set, get) => {
    let nextId = 0
    const requestId = createRequestIds()
    const aborts = new Map<string, AbortController>()
    const answers = new Map<string, (policy: ConflictPolicy | null) => void>()

    const update = (id: string, change: Partial<Preparation>): void =>
      set((state) => {
        const current = state.preparations.get(id)
        if (!current) return {}
        return { preparations: new Map(state.preparations).set(id, { ...current, ...change }) }
      })

    const remove = (id: string): void => {
      aborts.delete(id)
      answers.get(id)?.(null)
      answers.delete(id)
      set((state) => {
        if (!state.preparations.has(id)) return {}
        const preparations = new Map(state.preparations)
        preparations.delete(id)
        return { preparations }
      })
    }

    const fail = (id: string, error: AppError): void => {
      aborts.delete(id)
      if (error.code === 'CANCELLED') remove(id)
      else update(id, { state: 'failed', error })
    }

    /** Which target keys exist, asked a few thousand at a time. */
    const existingKeys = async (target: Location, keys: readonly string[], signal: AbortSignal) => {
      const existing: string[] = []
      for (let at = 0; at < keys.length; at += 5000) {
        // Cancelling the upload while it checks stops the listings in main too.
        const result = await sendCancellable(api, requestId('conflicts'), signal, (id) =>
          api.invoke('transfers.conflicts', {
            accountId: target.accountId,
            bucket: target.bucket,
            keys: keys.slice(at, at + 5000),
            requestId: id,
          }),
        )
        if (!result.ok) return result
        existing.push(...result.value.existing)
      }
      return { ok: true, value: existing } as const
    }

    const askPolicy = (
      id: string,
      target: Location,
      existing: readonly string[],
      total: number,
    ): Promise<ConflictPolicy | null> =>
      new Promise((resolve) => {
        answers.set(id, resolve)
        update(id, { state: 'asking', existing })
        get().openDialog({
          kind: 'name-clash',
          operation: 'upload',
          preparationId: id,
          target,
          existing,
          total,
        })
      })

    /** Each file as main reads it: its path in Electron, else a staged copy. */
    const sourcesOf = async (
      id: string,
      files: readonly PickedFile[],
      signal: AbortSignal,
    ): Promise<Result<FileSource[]>> => {
      const { pathForFile } = api
      if (pathForFile) {
        const sources: FileSource[] = []
        for (const { file, relativePath } of files) {
          const path = pathForFile(file)
          if (path === '') {
            return {
              ok: false,
              error: { code: 'FILE_MISSING', message: `"${relativePath}" is not a file on disk.` },
            }
          }
          sources.push({ kind: 'path', path })
        }
        return { ok: true, value: sources }
      }
      update(id, { state: 'staging' })
      const sources: FileSource[] = []
      let error: AppError | null = null
      const staged = await runLimited(
        [...files.entries()],
        stageConcurrency,
        async ([at, item]) => {
          const { file } = item
          const result = await stageFile(file, signal)
          // A file that changed while it was read fails alone, with the reason beside it.
          if (!result.ok && result.error.code === 'FILE_CHANGED' && !signal.aborted) {
            sources[at] = {
              kind: 'unreadable',
              name: file.name,
              size: file.size,
              problem: result.error.message.slice(0, 500),
            }
            return true
          }
          if (!result.ok) {
            error = signal.aborted ? cancelled : result.error
            return false
          }
          sources[at] = {
            kind: 'staged',
            stagedId: result.value.stagedId,
            name: file.name,
            size: file.size,
            lastModified: Math.max(0, Math.floor(file.lastModified)),
          }
          const current = get().preparations.get(id)
          if (current) update(id, { bytesDone: current.bytesDone + file.size })
          return true
        },
      )
      return staged ? { ok: true, value: sources } : { ok: false, error: error ?? cancelled }
    }

    return {
      preparations: new Map(),

      upload: async (target, picked) => {
        if (picked.files.length === 0 && picked.folders.length === 0) return
        const id = `upload-${++nextId}`
        const abort = new AbortController()
        aborts.set(id, abort)
        set((state) => ({
          preparations: new Map(state.preparations).set(id, {
            id,
            target,
            name: batchName(picked),
            state: 'checking',
            files: picked.files.length,
            bytesDone: 0,
            bytesTotal: picked.files.reduce((sum, { file }) => sum + file.size, 0),
            error: null,
            existing: null,
          }),
          transfersPanelOpen: true,
        }))

        const keys = targetKeys(target.prefix, picked.files)
        const existing = await existingKeys(target, keys, abort.signal)
        if (abort.signal.aborted) return
        if (!existing.ok) return fail(id, existing.error)
        let policy: ConflictPolicy = 'overwrite'
        if (existing.value.length > 0) {
          const answer = await askPolicy(id, target, existing.value, keys.length)
          if (answer === null || abort.signal.aborted) return remove(id)
          policy = answer
        }
        update(id, { state: 'queuing', existing: null })
        const clashes = new Set(existing.value)
        // Skipped files need not be staged at all.
        const files =
          policy === 'skip'
            ? picked.files.filter((_, at) => !clashes.has(keys[at] as string))
            : picked.files
        update(id, { bytesTotal: files.reduce((sum, { file }) => sum + file.size, 0) })

        for (const chunk of chunksOf(
          { files, folders: picked.folders },
          { files: chunkFiles, bytes: chunkBytes },
        )) {
          const sources = await sourcesOf(id, chunk.files, abort.signal)
          if (abort.signal.aborted) return
          if (!sources.ok) return fail(id, sources.error)
          const request: CommandRequest<'transfers.upload'> = {
            accountId: target.accountId,
            bucket: target.bucket,
            prefix: target.prefix,
            files: chunk.files.map((file, at) => ({
              source: sources.value[at] as FileSource,
              relativeKey: file.relativePath,
            })),
            folders: [...chunk.folders],
            conflict: policy,
          }
          const result = await api.invoke('transfers.upload', request)
          if (!result.ok) return fail(id, result.error)
        }
        remove(id)
      },

      answerNameClash: (preparationId, policy) => {
        const answer = answers.get(preparationId)
        answers.delete(preparationId)
        const { dialog } = get()
        if (dialog?.kind === 'name-clash' && dialog.preparationId === preparationId) {
          get().closeDialog()
        }
        answer?.(policy)
      },

      askAgain: (preparationId) => {
        const preparation = get().preparations.get(preparationId)
        if (preparation?.state !== 'asking' || !preparation.existing) return
        get().openDialog({
          kind: 'name-clash',
          operation: 'upload',
          preparationId,
          target: preparation.target,
          existing: preparation.existing,
          total: preparation.files,
        })
      },

      cancelPreparation: (id) => {
        aborts.get(id)?.abort()
        const { dialog } = get()
        if (dialog?.kind === 'name-clash' && dialog.preparationId === id) get().closeDialog()
        remove(id)
      },
    }
  }
