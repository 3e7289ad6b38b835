/**
 * Open and edit in place: the sessions open now, each in a folder of its own under one private
 * temporary folder that is removed when the core stops, so nothing is left behind.
 */
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { EditSession } from '../../../shared/edits'
import { CodedError } from '../../../shared/errors'
import type { NameClashPolicy } from '../../../shared/name-clash'
import { keyProblem } from '../../../shared/s3-keys'
import type { Connection } from '../accounts'
import type { EventBus } from '../event-bus'
import type { TransferService } from '../transfers/transfer-service'
import { createEditSession, type EditRef, type EditSessionControl } from './edit-session'
import type { OpenFile } from './open-with-os'

export type EditService = {
  open(ref: EditRef): Promise<EditSession>
  list(): EditSession[]
  resolve(id: string, choice: NameClashPolicy): Promise<EditSession>
  stop(id: string): Promise<void>
  /** Ends every session and removes every copy (the app quits). */
  dispose(): Promise<void>
}

export const createEditService = (deps: {
  readonly connection: (accountId: string) => Promise<Connection>
  readonly transfers: Pick<TransferService, 'upload'>
  readonly events: EventBus
  readonly openFile: OpenFile
  /** Tests: a folder of their own, and a shorter quiet time after a save. */
  readonly root?: string
  readonly settleMs?: number
}): EditService => {
  const root = deps.root ?? path.join(os.tmpdir(), `dss-explorer-edit-${randomUUID()}`)
  const sessions = new Map<string, EditSessionControl>()
  const find = (id: string): EditSessionControl => {
    const session = sessions.get(id)
    if (!session) throw new CodedError('NOT_FOUND', 'That file is no longer open for editing.')
    return session
  }
  return {
    async open(ref) {
      const problem = keyProblem(ref.key)
      if (problem) throw new CodedError('INVALID_KEY', problem)
      if (ref.key.endsWith('/')) {
        throw new CodedError('INVALID_REQUEST', 'A folder cannot be opened for editing.')
      }
      // The same object open twice would be two copies racing to save: the first one serves.
      const already = [...sessions.values()].find((session) => {
        const s = session.snapshot()
        return s.accountId === ref.accountId && s.bucket === ref.bucket && s.key === ref.key
      })
      if (already) return already.snapshot()
      const id = randomUUID()
      const session = createEditSession(id, ref, {
        connection: deps.connection,
        transfers: deps.transfers,
        events: deps.events,
        openFile: deps.openFile,
        folder: path.join(root, id),
        settleMs: deps.settleMs,
        changed: (snapshot) => {
          if (snapshot.state === 'stopped' || snapshot.state === 'failed') sessions.delete(id)
          deps.events.emit('edits.updated', snapshot)
        },
      })
      sessions.set(id, session)
      await session.start()
      const opened = session.snapshot()
      if (opened.state === 'failed' && opened.error) {
        throw new CodedError(opened.error.code, opened.error.message)
      }
      return opened
    },
    list: () => [...sessions.values()].map((session) => session.snapshot()),
    async resolve(id, choice) {
      const session = find(id)
      await session.resolve(choice)
      return session.snapshot()
    },
    async stop(id) {
      await find(id).stop()
    },
    async dispose() {
      await Promise.all([...sessions.values()].map((session) => session.stop()))
      await rm(root, { recursive: true, force: true })
    },
  }
}
