/**
 * The web shell's way to hand a dropped file to the core: POST its bytes to /files/stage on the
 * page's own origin (the token rides along as the cookie and in the query), and get a stagedId to
 * name it in `transfers.upload`. Electron never uses this: its preload gives the file's path.
 */
import type { AppError, ErrorCode, Result } from '../../shared/errors'
import { TOKEN_PARAM } from '../../shared/wire'

export const STAGE_PATH = '/files/stage'

export type StageFile = (
  file: File,
  signal: AbortSignal,
) => Promise<Result<{ readonly stagedId: string }>>

type StageAnswer = { stagedId?: unknown; error?: { code?: unknown; message?: unknown } }

const failure = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** The staging address for a file, carrying the token the shell put in the page's URL. */
export const stageUrl = (file: Pick<File, 'name' | 'size' | 'lastModified'>, search: string) => {
  const query = new URLSearchParams({
    name: file.name,
    size: String(file.size),
    lastModified: String(Math.max(0, Math.floor(file.lastModified))),
  })
  const token = new URLSearchParams(search).get(TOKEN_PARAM)
  if (token !== null) query.set(TOKEN_PARAM, token)
  return `${STAGE_PATH}?${query.toString()}`
}

/**
 * Whether the page can still read the file: Chromium refuses to read a File whose file on disk
 * changed or went away after it was picked, and a fetch sending it fails with nothing more said.
 */
export const stillReadable = async (file: Pick<Blob, 'slice'>): Promise<boolean> => {
  try {
    await file.slice(0, 1).arrayBuffer()
    return true
  } catch {
    return false
  }
}

/** Why handing a file to the core failed, in words: the file itself, or the connection. */
export const stagingFailure = (
  name: string,
  readable: boolean,
  reason: string | null,
): Result<never> =>
  readable
    ? failure(
        'CONNECTION_RESET',
        `Could not hand "${name}" to the core${reason ? ` (${reason})` : ''}.`,
      )
    : failure(
        'FILE_CHANGED',
        `"${name}" changed or was removed while it was being read, so nothing of it was uploaded. Upload it again once it is complete.`,
      )

export const stageOverHttp: StageFile = async (file, signal) => {
  let response: Response
  try {
    response = await fetch(stageUrl(file, window.location.search), {
      method: 'POST',
      body: file,
      signal,
      credentials: 'same-origin',
    })
  } catch (error) {
    if (signal.aborted) return failure('CANCELLED', 'Cancelled.')
    return stagingFailure(
      file.name,
      await stillReadable(file),
      error instanceof Error ? error.message : null,
    )
  }
  const answer = (await response.json().catch(() => null)) as StageAnswer | null
  if (response.ok && typeof answer?.stagedId === 'string') {
    return { ok: true, value: { stagedId: answer.stagedId } }
  }
  const message =
    typeof answer?.error?.message === 'string'
      ? answer.error.message
      : `The core refused "${file.name}" (HTTP ${response.status}).`
  const code = (
    typeof answer?.error?.code === 'string' ? answer.error.code : 'UNKNOWN'
  ) as AppError['code']
  return failure(code, message)
}
