/**
 * Open and edit in place: an object opened in the system's own app from a temporary copy, whose
 * saves are uploaded as they happen, each after checking the server copy was not changed
 * meanwhile (ETag); a changed server copy waits for the user's name-clash choice.
 */
import { z } from 'zod'
import type { AppError } from './errors'
import { nameClashPolicies } from './name-clash'

/**
 * opening: being fetched; editing: open, saves are watched for; saving: a save is uploading;
 * conflict: the server copy changed since it was fetched (or last saved), the save waits for a
 * choice; failed: it could not be fetched or opened; stopped: editing ended, the copy is gone.
 */
export const editStates = ['opening', 'editing', 'saving', 'conflict', 'failed', 'stopped'] as const
export type EditState = (typeof editStates)[number]

export type EditSession = {
  readonly id: string
  readonly accountId: string
  readonly bucket: string
  /** The object saves go to (after "keep both", the new copy's key). */
  readonly key: string
  readonly name: string
  readonly state: EditState
  /** Saves uploaded so far. */
  readonly saves: number
  readonly lastSavedAt: string | null
  readonly error: AppError | null
}

const id = z.string().min(1).max(200)

export const editOpenRequest = z.strictObject({
  accountId: id,
  bucket: z.string().min(1).max(255),
  key: z.string().min(1).max(1024),
})

export const editResolveRequest = z.strictObject({
  id,
  /** overwrite: the save replaces the server copy; keep-both: it goes beside it; skip: not sent. */
  choice: z.enum(nameClashPolicies),
})

export const editIdRequest = z.strictObject({ id })
