/**
 * The app's log: JSON lines in <data>/logs/app.log, what ran and how it ended. Every line passes
 * the redactor, so no secret the core knows can be written.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Redactor } from './redactor'

export type AppLog = {
  readonly file: string
  write(event: string, details?: Readonly<Record<string, unknown>>): void
  /** Resolves once everything written so far is on disk. */
  flush(): Promise<void>
}

/** Past this size the log is moved to app.log.1 at start, keeping one old file. */
const ROTATE_BYTES = 5 * 1024 * 1024

export const createAppLog = (dataDir: string, redactor: Redactor): AppLog => {
  const file = path.join(dataDir, 'logs', 'app.log')
  // Writes are chained so lines keep their order and never interleave.
  let chain: Promise<void> = (async () => {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    const size = await stat(file)
      .then((info) => info.size)
      .catch(() => 0)
    if (size > ROTATE_BYTES) await rename(file, `${file}.1`)
  })().catch(() => undefined)

  return {
    file,
    write(event, details = {}) {
      const line = redactor.redact(
        JSON.stringify({ time: new Date().toISOString(), event, ...details }),
      )
      chain = chain
        .then(() => appendFile(file, `${line}\n`, { mode: 0o600 }))
        .catch(() => undefined)
    },
    flush: () => chain,
  }
}
