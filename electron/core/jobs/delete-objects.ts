/**
 * Deletes a selection with DeleteObjects, 1,000 keys a request (Content-MD5 is added by the
 * client's middleware); every key the server refuses is reported by name.
 */
import { DeleteObjectsCommand } from '@aws-sdk/client-s3'
import type { Selection } from '../../../shared/objects'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import type { JobContext } from './job-manager'
import { BATCH, walkSelection } from './selection-walk'

export const deleteKeys = async (
  connection: Connection,
  bucket: string,
  keys: readonly string[],
  context: Pick<JobContext, 'fail' | 'signal'>,
): Promise<number> => {
  let deleted = 0
  for (let at = 0; at < keys.length; at += BATCH) {
    const batch = keys.slice(at, at + BATCH)
    try {
      const answer = await connection.client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
        { abortSignal: context.signal },
      )
      for (const error of answer.Errors ?? []) {
        context.fail({
          key: error.Key ?? '',
          code: error.Code ?? 'UNKNOWN',
          message: error.Message ?? 'The server refused to delete this object.',
        })
      }
      deleted += batch.length - (answer.Errors?.length ?? 0)
    } catch (error) {
      if (context.signal.aborted) throw error
      // The whole request failed (after the client's retries): every key in it is reported.
      const { code, message } = toAppError(error, { endpoint: connection.endpoint, bucket })
      for (const key of batch) context.fail({ key, code, message })
    }
  }
  return deleted
}

export const deleteSelection = async (
  connection: Connection,
  selection: Selection,
  context: JobContext,
): Promise<void> => {
  let pending: string[] = []
  const flush = async (): Promise<void> => {
    const keys = pending
    pending = []
    await deleteKeys(connection, selection.bucket, keys, context)
    context.progress(keys.length)
  }
  let seen = 0
  for await (const page of walkSelection(connection, selection, context.signal)) {
    seen += page.length
    pending.push(...page.map((object) => object.key))
    // Full batches go at once; a partial one waits for the next page to fill it.
    while (pending.length >= BATCH) {
      const rest = pending.slice(BATCH)
      pending = pending.slice(0, BATCH)
      await flush()
      pending = rest
    }
  }
  context.progress(0, seen)
  if (pending.length > 0) await flush()
}
