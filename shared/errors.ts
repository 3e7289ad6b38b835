/** Stable error codes the UI can act on, and the result envelope every command returns. */

export const errorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_COMMAND',
  'UNTRUSTED_SENDER',
  'INVALID_ENDPOINT',
  'HTTPS_REQUIRED',
  'INVALID_ACCESS_KEY',
  'SIGNATURE_MISMATCH',
  'CLOCK_SKEW',
  'TLS_SELF_SIGNED',
  'TLS_EXPIRED',
  'TLS_HOST_MISMATCH',
  'TLS_UNTRUSTED',
  'DNS_NOT_FOUND',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'TIMEOUT',
  'ACCESS_DENIED',
  'NO_SUCH_BUCKET',
  'NO_SUCH_KEY',
  'BUCKET_NOT_EMPTY',
  /** A write would land on names that exist and no name-clash choice came with it. */
  'NAME_CLASH',
  'BUCKET_EXISTS',
  'INVALID_BUCKET_NAME',
  'INVALID_KEY',
  'SLOW_DOWN',
  'SERVER_ERROR',
  'NOT_FOUND',
  'CANCELLED',
  'SANDBOX_UNAVAILABLE',
  /** A local file moved or was deleted before (or while) it was uploaded. */
  'FILE_MISSING',
  /** A local file's size or modification time changed while it was uploaded. */
  'FILE_CHANGED',
  /** The bytes that arrived do not match their MD5 (ETag or Content-MD5). */
  'CHECKSUM_MISMATCH',
  /** The download's disk is full (ENOSPC / EDQUOT). */
  'DISK_FULL',
  /** A local file or folder could not be read or written (permissions, read-only disk). */
  'LOCAL_FILE_ERROR',
  /** A sync run would delete more than its pair allows: it stops and asks (confirmDeletes). */
  'NEEDS_CONFIRMATION',
  /** A file could not be handed to the system's app for it (open and edit in place). */
  'OPEN_FAILED',
  'UNKNOWN',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export type AppError = {
  readonly code: ErrorCode
  readonly message: string
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** An error that already carries a contract code; services throw it, the handler wrapper unwraps it. */
export class CodedError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'CodedError'
    this.code = code
  }
}

export const isCodedError = (error: unknown): error is CodedError => error instanceof CodedError
