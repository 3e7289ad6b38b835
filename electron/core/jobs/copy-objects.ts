/**
 * Copy and move, within and across buckets of one account: CopyObject, or a multipart copy for
 * objects over 5 GiB; to another account, read and written through both accounts' connections
 * (cross-account-copy.ts). A move deletes a source only after its copy is verified (size, and
 * ETag where it is a plain MD5), so a failed move leaves the source where it was.
 */
import { CopyObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import type { NameClashPolicy } from '../../../shared/name-clash'
import type { Selection } from '../../../shared/objects'
import { CodedError } from '../../../shared/errors'
import { baseName, isFolderKey, joinKey, keyProblem, parentPrefix } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import { toAppError } from '../error-mapper'
import { settleName } from '../name-clash'
import { copySource } from '../objects/copy-source'
import { MAX_SINGLE_COPY_BYTES, multipartCopy } from '../objects/multipart-copy'
import { copyAcross } from './cross-account-copy'
import { deleteKeys } from './delete-objects'
import type { JobContext } from './job-manager'
import { findCopyClashes, type CopyClashes } from './copy-clashes'
import { walkSelection, type SourceObject } from './selection-walk'

export type CopyTarget = { readonly bucket: string; readonly prefix: string }

export type CopyPlan = {
  readonly selection: Selection
  readonly target: CopyTarget
  readonly newName?: string
  readonly move: boolean
  /** Where a destination exists; 'overwrite' checks nothing (the caller made sure). */
  readonly conflict?: NameClashPolicy
  /** The target account's connection, when the target is in another account. */
  readonly across?: Connection
}

/** Objects copied at once; the account's request governor paces the requests. */
const PARALLEL = 8

/** Where a picked key or folder lands: the target prefix plus its name (or the new name). */
const destinationOf = (picked: string, plan: CopyPlan): string => {
  const name = plan.newName ?? baseName(picked)
  return joinKey(plan.target.prefix, picked.endsWith('/') ? `${name}/` : name)
}

/** The destination key of one object: its key relative to the picked item, moved over. */
export const targetKey = (source: SourceObject, plan: CopyPlan): string =>
  source.picked === ''
    ? joinKey(plan.target.prefix, source.key)
    : destinationOf(source.picked, plan) + source.key.slice(source.picked.length)

/** Which destinations of a plan exist already (from listings of the target folders). */
export const findPlanClashes = (
  connection: Connection,
  plan: CopyPlan,
  signal?: AbortSignal,
): Promise<CopyClashes> =>
  findCopyClashes(
    connection,
    { ...plan, destinationOf: (source) => targetKey(source, plan) },
    signal,
  )

/** Refuses what cannot work before any request is made. */
export const checkCopyPlan = (plan: CopyPlan): void => {
  const { selection, target, newName } = plan
  if (newName !== undefined) {
    if (selection.keys.length + selection.prefixes.length !== 1) {
      throw new CodedError('INVALID_REQUEST', 'Renaming works on one object or folder at a time.')
    }
    if (newName.includes('/')) throw new CodedError('INVALID_KEY', 'A name cannot contain "/".')
  }
  const picked = [...selection.keys, ...selection.prefixes]
  for (const item of picked) {
    const destination = item === '' ? target.prefix : destinationOf(item, plan)
    const tooLong = keyProblem(destination)
    if (tooLong && destination !== '') throw new CodedError('INVALID_KEY', tooLong)
    if (selection.bucket !== target.bucket || plan.across) continue
    if (destination === item) {
      throw new CodedError('INVALID_REQUEST', `"${item || selection.bucket}" is already there.`)
    }
    if (item.endsWith('/') && destination.startsWith(item)) {
      throw new CodedError('INVALID_REQUEST', `Cannot put the folder "${item}" inside itself.`)
    }
  }
}

type Verified = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/** A plain MD5 ETag (not a multipart "-N" one) must survive a server-side copy unchanged. */
const verify = async (
  connection: Connection,
  bucket: string,
  key: string,
  size: number,
  etag: string | null,
  signal: AbortSignal,
): Promise<Verified> => {
  const head = await connection.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
    abortSignal: signal,
  })
  if ((head.ContentLength ?? -1) !== size) {
    return { ok: false, reason: `The copy has ${head.ContentLength} bytes, the source ${size}.` }
  }
  if (etag && !etag.includes('-') && head.ETag !== etag) {
    return { ok: false, reason: `The copy's ETag ${head.ETag} differs from the source's ${etag}.` }
  }
  return { ok: true }
}

/** Copies one object; returns the source's size and ETag for verification. */
const copyOne = async (
  connection: Connection,
  plan: CopyPlan,
  source: SourceObject,
  destination: string,
  signal: AbortSignal,
): Promise<{ size: number; etag: string | null }> => {
  const { client } = connection
  const bucket = plan.selection.bucket
  if (plan.across) {
    return copyAcross(
      connection,
      plan.across,
      { bucket, key: source.key, size: source.size },
      { bucket: plan.target.bucket, key: destination },
      signal,
    )
  }
  let size = source.size
  let etag = source.etag
  if (size === null || size > MAX_SINGLE_COPY_BYTES) {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: source.key }), {
      abortSignal: signal,
    })
    size = head.ContentLength ?? 0
    etag = head.ETag ?? null
    if (size > MAX_SINGLE_COPY_BYTES) {
      await multipartCopy(connection, {
        source: { bucket, key: source.key, size },
        target: { bucket: plan.target.bucket, key: destination },
        headers: {
          ContentType: head.ContentType,
          CacheControl: head.CacheControl,
          ContentDisposition: head.ContentDisposition,
          ContentEncoding: head.ContentEncoding,
          ContentLanguage: head.ContentLanguage,
          Metadata: head.Metadata,
        },
        signal,
      })
      return { size, etag }
    }
  }
  await client.send(
    new CopyObjectCommand({
      Bucket: plan.target.bucket,
      Key: destination,
      CopySource: copySource(bucket, source.key),
      MetadataDirective: 'COPY',
    }),
    { abortSignal: signal },
  )
  return { size, etag }
}

export const copySelection = async (
  connection: Connection,
  plan: CopyPlan,
  context: JobContext,
): Promise<void> => {
  checkCopyPlan(plan)
  const bucket = plan.selection.bucket
  const policy = plan.conflict ?? 'overwrite'
  // Skip and keep-both need to know what is there: listings of the target folders, once.
  const stored =
    policy === 'overwrite'
      ? new Set<string>()
      : (await findPlanClashes(connection, plan, context.signal)).stored
  /** Names this job writes, so "name (1)" is never given twice. */
  const claimed = new Set<string>()
  let seen = 0
  for await (const page of walkSelection(connection, plan.selection, context.signal)) {
    seen += page.length
    const verifiedSources: string[] = []
    const queue = [...page]
    const worker = async (): Promise<void> => {
      for (let source = queue.shift(); source; source = queue.shift()) {
        const wanted = targetKey(source, plan)
        const destination = isFolderKey(wanted)
          ? wanted
          : settleName(wanted, policy, (name) => stored.has(name) || claimed.has(name))
        if (destination === null) {
          // Skipped: left where it is (a move keeps its source).
          context.progress(1)
          continue
        }
        claimed.add(destination)
        try {
          const { size, etag } = await copyOne(
            connection,
            plan,
            source,
            destination,
            context.signal,
          )
          if (plan.move) {
            const check = await verify(
              plan.across ?? connection,
              plan.target.bucket,
              destination,
              size,
              etag,
              context.signal,
            )
            if (!check.ok) {
              context.fail({
                key: source.key,
                code: 'VERIFY_FAILED',
                message: `${check.reason} The source was kept.`,
              })
              continue
            }
            verifiedSources.push(source.key)
          } else {
            context.progress(1)
          }
        } catch (error) {
          if (context.signal.aborted) throw error
          const { code, message } = toAppError(error, {
            endpoint: connection.endpoint,
            bucket,
            key: source.key,
          })
          context.fail({
            key: source.key,
            code,
            message: plan.move ? `${message} The source was kept.` : message,
          })
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
    if (plan.move && verifiedSources.length > 0) {
      const deleted = await deleteKeys(connection, bucket, verifiedSources, context)
      context.progress(deleted)
    }
  }
  context.progress(0, seen)
}

/** The folder a plan's sources leave (for "objects.changed"). */
export const sourceFolders = (selection: Selection): string[] => [
  ...new Set([...selection.keys, ...selection.prefixes].map((item) => parentPrefix(item))),
]
