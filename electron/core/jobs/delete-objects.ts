/**
 * Deletes a selection with DeleteObjects, 1,000 keys a request (Content-MD5 is added by the
 * client's middleware); every key the server refuses is reported by name. A key that XML 1.0
 * cannot carry goes by DeleteObject, its key in the URL.
 */
import { DeleteObjectCommand, DeleteObjectsCommand } from '@aws-sdk/client-s3'
import type { Selection } from '../../../shared/objects'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import type { JobContext } from './job-manager'
import { BATCH, walkSelection } from './selection-walk'

/**
 * XML 1.0 has no way to write most control characters (U+0001, U+001F…), not even as `&#1;`:
 * a DeleteObjects body naming such a key is refused whole (RGW: 400 MalformedXML).
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u

export const xmlCanCarry = (key: string): boolean => !NOT_XML_CHARACTER.test(key)

type DeleteContext = Pick<JobContext, 'fail' | 'signal'>

const deleteOneByOne = async (
  connection: Connection,
  bucket: string,
  keys: readonly string[],
  context: DeleteContext,
): Promise<number> => {
  let deleted = 0
  for (const Key of keys) {
    try {
      await connection.client.send(new DeleteObjectCommand({ Bucket: bucket, Key }), {
        abortSignal: context.signal,
      })
      deleted += 1
    } catch (error) {
      if (context.signal.aborted) throw error
      const { code, message } = toAppError(error, { endpoint: connection.endpoint, bucket })
      context.fail({ key: Key, code, message })
    }
  }
  return deleted
}

export const deleteKeys = async (
  connection: Connection,
  bucket: string,
  allKeys: readonly string[],
  context: DeleteContext,
): Promise<number> => {
  const keys = allKeys.filter(xmlCanCarry)
  let deleted = await deleteOneByOne(
    connection,
    bucket,
    allKeys.filter((key) => !xmlCanCarry(key)),
    context,
  )
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
