/**
 * Carries out a sync plan through the transfer queue (so every request passes the account's
 * governor, with the queue's progress, pause and resume): conflict copies first (a server-side
 * copy, nothing overwritten), then downloads and uploads as transfer batches, and only when every
 * one of them succeeded, the deletes (remote with DeleteObjects, local to the trash).
 */
import { CopyObjectCommand } from '@aws-sdk/client-s3'
import { mkdir, rmdir } from 'node:fs/promises'
import path from 'node:path'
import type { SyncAction } from '../../../shared/sync'
import type { TransferSnapshot } from '../../../shared/transfers'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import type { EventBus } from '../event-bus'
import { deleteKeys } from '../jobs/delete-objects'
import { copySource } from '../objects/copy-source'
import type { TransferService } from '../transfers/transfer-service'
import { localPathOf } from './comparer'
import { createTransferWatch, type TransferWatch } from './transfer-watch'
import type { Trash } from './trash'

export type RunTarget = {
  readonly accountId: string
  readonly bucket: string
  readonly prefix: string
  readonly localPath: string
}

export type RunFailure = { readonly path: string; readonly message: string }

export type RunOutcome = {
  /** Paths whose action finished (keep-both: both its paths). */
  readonly succeeded: ReadonlySet<string>
  readonly failures: readonly RunFailure[]
  readonly uploaded: number
  readonly downloaded: number
  readonly deleted: number
  readonly keptBoth: number
  readonly bytes: number
  /** Deletes were not made because a transfer failed or the run was stopped. */
  readonly deletesSkipped: boolean
  readonly batchIds: readonly string[]
}

export type RunProgress = {
  readonly phase: 'transfers' | 'deletes'
  readonly actionsDone: number
  readonly bytesDone: number
  readonly transfers: readonly TransferSnapshot[]
}

export type RunDeps = {
  readonly connection: Connection
  readonly transfers: TransferService
  readonly events: EventBus
  readonly trash: Trash
  readonly signal: AbortSignal
  /** Transfers of an interrupted run of this plan, resumed instead of queued again. */
  readonly restored: readonly TransferSnapshot[]
  /**
   * Paths the comparison found identical: a restored transfer of one of them had finished on the
   * server when the run was cut off (its answer never came back), so it is dropped, not resent.
   */
  readonly identical: ReadonlySet<string>
  /** The local file the comparison saw at a path (a replacing download replaces only it). */
  readonly localSeen: (path: string) => { size: number; mtimeMs: number } | null
  readonly onBatch: (batchId: string) => void
  readonly onProgress: (progress: RunProgress) => void
}

const DOWNLOADS = new Set(['download', 'replace-local'])
const UPLOADS = new Set(['upload', 'replace-remote'])

const fullKey = (target: RunTarget, relative: string): string => `${target.prefix}${relative}`

/** Folders that became empty when files in them went to the trash, up to the pair's root. */
const removeEmptyParents = async (root: string, relatives: readonly string[]): Promise<void> => {
  const folders = new Set<string>()
  for (const relative of relatives) {
    let at = relative.replace(/\/$/, '')
    while (at.includes('/')) {
      at = at.slice(0, at.lastIndexOf('/'))
      folders.add(at)
    }
  }
  // Deepest first; rmdir refuses a folder that still has anything in it.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(localPathOf(root, folder)).catch(() => undefined)
  }
}

export const runPlan = async (
  target: RunTarget,
  actions: readonly SyncAction[],
  deps: RunDeps,
): Promise<RunOutcome> => {
  const failures: RunFailure[] = []
  const succeeded = new Set<string>()
  const relativeOf = (t: TransferSnapshot): string =>
    t.kind === 'upload'
      ? t.key.slice(target.prefix.length)
      : path
          .relative(target.localPath, t.localPath ?? '')
          .split(path.sep)
          .join('/')
  const fail = (where: string, error: unknown) =>
    failures.push({
      path: where,
      message: toAppError(error, { endpoint: deps.connection.endpoint }).message,
    })
  const watch: TransferWatch = createTransferWatch(deps.events)
  const batchIds: string[] = []
  const watchBatch = (batchId: string, created: number) => {
    batchIds.push(batchId)
    deps.onBatch(batchId)
    watch.expect(batchId, created)
  }
  let stepsDone = 0
  const report = (phase: RunProgress['phase']) => {
    const transfers = watch.snapshots()
    deps.onProgress({
      phase,
      actionsDone: stepsDone + transfers.filter((t) => t.state === 'done').length,
      bytesDone: transfers.reduce((sum, t) => sum + t.bytesDone, 0),
      transfers,
    })
  }
  watch.onChange(() => report('transfers'))
  try {
    // Transfers of an interrupted run continue where they stopped (a multipart upload from its
    // last recorded part); their paths are not queued again.
    const finishedBefore = deps.restored.filter((t) => deps.identical.has(relativeOf(t)))
    for (const transfer of finishedBefore) {
      watch.ignore(transfer.id)
      await deps.transfers.cancel(transfer.id)
    }
    const restored = deps.restored.filter((t) => !finishedBefore.includes(t))
    const restoredKeys = new Set(restored.map((t) => t.key))
    const restoredPaths = new Set(restored.flatMap((t) => (t.localPath ? [t.localPath] : [])))
    const restoredBatches = new Map<string, number>()
    for (const transfer of restored) {
      restoredBatches.set(transfer.batchId, (restoredBatches.get(transfer.batchId) ?? 0) + 1)
    }
    watch.seed(restored)
    for (const [batchId, count] of restoredBatches) watchBatch(batchId, count)
    for (const transfer of restored) {
      if (transfer.state === 'paused') await deps.transfers.resume(transfer.id)
      else if (transfer.state === 'failed') await deps.transfers.retry(transfer.id)
    }
    const pending = actions.filter(
      (action) =>
        !restoredKeys.has(fullKey(target, action.path)) &&
        !restoredPaths.has(localPathOf(target.localPath, action.path)),
    )

    // 1. Conflicts: the bucket's version is copied to the new name on the server first.
    const keepBoth: SyncAction[] = []
    for (const action of pending.filter((a) => a.kind === 'keep-both' && a.newPath)) {
      deps.signal.throwIfAborted()
      try {
        await deps.connection.client.send(
          new CopyObjectCommand({
            Bucket: target.bucket,
            Key: fullKey(target, action.newPath as string),
            CopySource: copySource(target.bucket, fullKey(target, action.path)),
          }),
          { abortSignal: deps.signal },
        )
        keepBoth.push(action)
        stepsDone += 1
      } catch (error) {
        if (deps.signal.aborted) throw error
        fail(action.path, error)
      }
    }

    // 2. Local folders.
    for (const action of pending.filter((a) => a.kind === 'create-local-folder')) {
      deps.signal.throwIfAborted()
      try {
        await mkdir(localPathOf(target.localPath, action.path), { recursive: true })
        succeeded.add(action.path)
        stepsDone += 1
      } catch (error) {
        fail(action.path, error)
      }
    }

    // 3. Downloads, one batch per local folder and kind: new files (and conflict copies) never
    // replace a file that appeared meanwhile; a replacing download takes the place of the file
    // the comparison saw, in one rename once complete (one changed since is kept beside).
    const batches = new Map<string, { replace: boolean; folder: string; keys: string[] }>()
    const downloads = [
      ...pending.filter((a) => DOWNLOADS.has(a.kind)),
      ...keepBoth.map((a) => ({ ...a, kind: 'download' as const, path: a.newPath as string })),
    ]
    for (const action of downloads) {
      const folder = path.dirname(localPathOf(target.localPath, action.path))
      const replace = action.kind === 'replace-local'
      const id = `${replace}:${folder}`
      const batch = batches.get(id) ?? { replace, folder, keys: [] }
      batch.keys.push(fullKey(target, action.path))
      batches.set(id, batch)
    }
    const seen = new Map<string, { size: number; mtimeMs: number }>()
    for (const action of pending.filter((a) => a.kind === 'replace-local')) {
      const local = deps.localSeen(action.path)
      if (local) seen.set(fullKey(target, action.path), local)
    }
    for (const { replace, folder, keys } of batches.values()) {
      deps.signal.throwIfAborted()
      const batch = await deps.transfers.download({
        accountId: target.accountId,
        bucket: target.bucket,
        keys,
        prefixes: [],
        destination: folder,
        conflict: replace ? 'overwrite' : 'keep-both',
        ...(replace ? { seen } : {}),
      })
      watchBatch(batch.batchId, batch.created)
    }

    // 4. Uploads (a conflict's local version goes over the bucket's name), then empty folders.
    const uploads = [...pending.filter((a) => UPLOADS.has(a.kind)), ...keepBoth]
    if (uploads.length > 0) {
      const batch = await deps.transfers.upload({
        accountId: target.accountId,
        bucket: target.bucket,
        prefix: target.prefix,
        files: uploads.map((action) => ({
          source: { kind: 'path', path: localPathOf(target.localPath, action.path) },
          relativeKey: action.path,
        })),
        folders: [],
        conflict: 'overwrite',
      })
      watchBatch(batch.batchId, batch.created)
    }
    const folders = pending.filter((a) => a.kind === 'create-remote-folder').map((a) => a.path)
    if (folders.length > 0) {
      const batch = await deps.transfers.upload({
        accountId: target.accountId,
        bucket: target.bucket,
        prefix: target.prefix,
        files: [],
        folders,
        conflict: 'overwrite',
      })
      watchBatch(batch.batchId, batch.created)
      // Folders already there are not created again: they count as done.
      if (batch.created < folders.length) for (const folder of folders) succeeded.add(folder)
    }
    report('transfers')
    await watch.settled(deps.signal)

    const transfers = watch.snapshots()
    let uploaded = 0
    let downloaded = 0
    let bytes = 0
    for (const transfer of transfers) {
      if (transfer.state === 'done') {
        succeeded.add(relativeOf(transfer))
        bytes += transfer.bytesDone
        if (transfer.kind === 'upload') uploaded += 1
        else downloaded += 1
      } else {
        failures.push({
          path: relativeOf(transfer),
          message: transfer.error?.message ?? `The transfer was ${transfer.state}.`,
        })
      }
    }
    const keptBoth = keepBoth.filter(
      (a) => succeeded.has(a.path) && succeeded.has(a.newPath as string),
    ).length

    // 5. Deletes, only when every transfer of the run succeeded.
    const deletes = pending.filter((a) => a.kind === 'delete-remote' || a.kind === 'delete-local')
    let deleted = 0
    const deletesSkipped = failures.length > 0 && deletes.length > 0
    if (!deletesSkipped && deletes.length > 0) {
      report('deletes')
      const remote = deletes.filter((a) => a.kind === 'delete-remote')
      if (remote.length > 0) {
        const refused = new Set<string>()
        deleted += await deleteKeys(
          deps.connection,
          target.bucket,
          remote.map((a) => fullKey(target, a.path)),
          {
            signal: deps.signal,
            fail: (failure) => {
              refused.add(failure.key)
              failures.push({
                path: failure.key.slice(target.prefix.length),
                message: failure.message,
              })
            },
          },
        )
        for (const action of remote) {
          if (!refused.has(fullKey(target, action.path))) succeeded.add(action.path)
        }
      }
      const trashed: string[] = []
      for (const action of deletes.filter((a) => a.kind === 'delete-local')) {
        deps.signal.throwIfAborted()
        try {
          await deps.trash(localPathOf(target.localPath, action.path), action.path)
          trashed.push(action.path)
          succeeded.add(action.path)
          deleted += 1
        } catch (error) {
          fail(action.path, error)
        }
      }
      await removeEmptyParents(target.localPath, trashed)
    }
    return {
      succeeded,
      failures,
      uploaded,
      downloaded,
      deleted,
      keptBoth,
      bytes,
      deletesSkipped,
      batchIds,
    }
  } finally {
    watch.close()
  }
}
