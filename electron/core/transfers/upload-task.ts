/**
 * One file's upload as a queue task: a single PutObject below the multipart threshold, our part
 * manager at or above it (or whenever the journal holds an upload to continue).
 */
import { open } from 'node:fs/promises'
import { CodedError } from '../../../shared/errors'
import type { TransferRef, TransferSettings } from '../../../shared/transfers'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { contentTypeFor } from '../../../shared/content-types'
import { changed, checkUnchanged, identify, readExactly } from './file-source'
import type { Journal } from './journal'
import { uploadMultipart } from './multipart-upload'
import { partSizeFor, uploadShape } from './part-plan'
import type { PartSlots } from './part-slots'
import type { RetryPolicy } from './retry'
import { abortUpload, putObject } from './s3-steps'
import { multipartStart, singleMetadata } from './upload-metadata'
import type { Staging } from './staging'
import type { TransferTask } from './transfer-queue'

export type UploadSpec = TransferRef & {
  /** The file's own name, for messages. */
  readonly name: string
  readonly path: string
  readonly stagedId: string | null
}

export type TransferDeps = {
  readonly connection: (accountId: string) => Promise<Connection>
  readonly journal: Journal
  readonly slots: PartSlots
  readonly staging: Staging
  readonly settings: () => TransferSettings
  readonly retry: RetryPolicy
}

/** Failures leave the task as contract errors that name the object. */
export const asCoded = (error: unknown, connection: Connection | null, key: string) => {
  if (error instanceof CodedError) return error
  const appError = toAppError(error, { endpoint: connection?.endpoint, key })
  return new CodedError(appError.code, appError.message)
}

/** Single PUTs larger than this wait for a part slot, so they count in the memory bound too. */
const SLOT_FOR_SINGLE_PUT = 1024 * 1024

const readWhole = async (spec: UploadSpec, buffer: Buffer): Promise<void> => {
  const handle = await open(spec.path, 'r')
  try {
    await readExactly(handle, buffer, 0, spec.name)
    // More bytes than at the start: the file grew while we read it.
    const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, buffer.length)
    if (bytesRead > 0) throw changed(spec.name)
  } finally {
    await handle.close()
  }
}

export const createUploadTask = (spec: UploadSpec, deps: TransferDeps): TransferTask => ({
  async run(context) {
    let connection: Connection | null = null
    try {
      connection = await deps.connection(spec.accountId)
      const step = { policy: deps.retry, signal: context.signal }
      const identity = await identify(spec.path, spec.name)
      context.setTotal(identity.size)
      const settings = deps.settings()
      const contentType = contentTypeFor(spec.key)
      // A multipart upload in the journal is continued whatever the size; a queued record is not one.
      const journaled = deps.journal.get(spec.id, 'upload') !== undefined
      const shape = uploadShape(identity.size, settings)
      if (!journaled && shape.kind === 'single') {
        const slot =
          identity.size > SLOT_FOR_SINGLE_PUT
            ? await deps.slots.acquire(identity.size, context.signal)
            : null
        try {
          const body = slot?.buffer ?? Buffer.allocUnsafe(identity.size)
          await readWhole(spec, body)
          await checkUnchanged(spec.path, spec.name, identity)
          const metadata = singleMetadata(identity.mtimeMs)
          await putObject(
            connection,
            { bucket: spec.bucket, key: spec.key, contentType, metadata },
            body,
            {
              ...step,
              progress: context.progress,
            },
          )
        } finally {
          slot?.release()
        }
      } else {
        const fresh = {
          kind: 'upload' as const,
          ...spec,
          size: identity.size,
          mtimeMs: identity.mtimeMs,
          contentType,
          // A journaled upload of the same file keeps its own part size (see startOrContinue).
          partSize: partSizeFor(identity.size, settings.partSize),
        }
        await uploadMultipart(
          {
            connection,
            journal: deps.journal,
            slots: deps.slots,
            step,
            context,
            start: (partSize) => multipartStart(spec.path, identity.mtimeMs, partSize),
          },
          fresh,
          identity,
        )
      }
    } catch (error) {
      if (context.signal.aborted) throw error
      throw asCoded(error, connection, spec.key)
    }
    if (spec.stagedId) await deps.staging.remove(spec.stagedId).catch(() => undefined)
  },
  async discard() {
    const record = deps.journal.get(spec.id, 'upload')
    if (record) {
      const connection = await deps.connection(spec.accountId)
      await abortUpload(connection, record, {
        policy: deps.retry,
        signal: AbortSignal.timeout(120_000),
      })
      deps.journal.remove(spec.id)
      await deps.journal.save()
    }
    if (spec.stagedId) await deps.staging.remove(spec.stagedId)
  },
})
