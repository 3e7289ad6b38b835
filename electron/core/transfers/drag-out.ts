/**
 * Dragging an object from the table to the desktop (Electron): the OS wants a real file when the
 * drag starts, so the object is fetched into a private temporary folder first, under its own safe
 * name, and that file is what gets dragged. Only files up to DRAG_OUT_MAX_BYTES: a bigger one
 * would keep the pointer waiting, and Download does it better.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { CodedError } from '../../../shared/errors'
import { baseName, isFolderKey, keyProblem } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { s3Call } from '../s3-call'
import { localError } from './file-source'
import { createPartFile, drainInto, type PartState } from './part-file'
import { safeSegment } from './local-path'
import { bareEtag, isPlainMd5 } from './part-plan'

export const DRAG_OUT_MAX_BYTES = 256 * 1024 * 1024

/** A drag is not paused or cancelled: the OS drag waits for it. */
const NEVER = new AbortController().signal

const mib = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024 / 1024))} MiB`

export type ObjectRef = {
  readonly accountId: string
  readonly bucket: string
  readonly key: string
}

export type DragOut = {
  /** Fetches the object and resolves with the local file to drag. */
  prepare(ref: ObjectRef): Promise<string>
  /** Removes every file prepared so far. */
  dispose(): Promise<void>
}

export const createDragOut = (options: {
  readonly connection: (accountId: string) => Promise<Connection>
  /** A folder of its own; removed by dispose. */
  readonly folder: string
  readonly maxBytes?: number
}): DragOut => ({
  async prepare({ accountId, bucket, key }) {
    const problem = keyProblem(key)
    if (problem) throw new CodedError('INVALID_KEY', problem)
    if (isFolderKey(key)) {
      throw new CodedError('INVALID_REQUEST', 'Folders cannot be dragged out; use Download.')
    }
    const connection = await options.connection(accountId)
    // Each drag gets its own folder: the file keeps the object's name, and never replaces one.
    const folder = path.join(options.folder, randomUUID())
    const file = path.join(folder, safeSegment(baseName(key)))
    await mkdir(folder, { recursive: true }).catch((error: unknown) => {
      throw localError(error, `create the folder ${folder}`)
    })
    try {
      await s3Call(connection, { bucket, key }, async () => {
        const answer = await connection.client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key }),
        )
        const body = answer.Body as Readable
        const size = answer.ContentLength ?? 0
        const limit = options.maxBytes ?? DRAG_OUT_MAX_BYTES
        if (size > limit) {
          body.destroy()
          throw new CodedError(
            'INVALID_REQUEST',
            `"${baseName(key)}" is ${mib(size)}: drag files up to ${mib(limit)} out, or use Download.`,
          )
        }
        // Written like any download: in batches, every byte hashed, a full disk said as such.
        const part = createPartFile(`${file}.part`, false, (error) =>
          localError(error, `write ${file}`),
        )
        const state: PartState = { position: 0, hash: createHash('md5'), record: null }
        try {
          await part.touch()
          await drainInto(body, part, state, { signal: NEVER, progress: () => undefined })
        } finally {
          await part.close()
        }
        const etag = bareEtag(answer.ETag)
        if (state.position !== size || (isPlainMd5(etag) && state.hash.digest('hex') !== etag)) {
          throw new CodedError(
            'CHECKSUM_MISMATCH',
            `"${baseName(key)}" arrived damaged; try again.`,
          )
        }
      })
      await rename(`${file}.part`, file)
      return file
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw error
    }
  },
  dispose: () => rm(options.folder, { recursive: true, force: true }),
})
