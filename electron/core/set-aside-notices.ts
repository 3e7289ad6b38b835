/**
 * Tells the user about data files the core could not read and set aside (see atomic-file.ts):
 * each as an `app.notice` when it happens, and kept for `app.info`, since files read at start are
 * set aside before any window listens.
 */
import path from 'node:path'
import type { OnSetAside } from './atomic-file'
import type { EventBus } from './event-bus'

/** What each data file holds, in the user's words. */
const WHAT: Readonly<Record<string, string>> = {
  'accounts.json': 'Your saved accounts',
  'transfers.json': 'The list of unfinished transfers',
  'transfers.parts': 'The record of uploaded parts',
  'transfer-settings.json': 'The transfer settings',
  'share-links.json': 'The history of share links',
}

export type SetAsideNotices = {
  readonly onSetAside: OnSetAside
  /** Every notice so far, oldest first. */
  list(): readonly string[]
}

export const setAsideMessage = (file: string, movedTo: string): string => {
  const name = path.basename(file)
  const what = WHAT[name] ?? `The file ${name}`
  return `${what} could not be read: ${name} in ${path.dirname(file)} was damaged. It was set aside as ${path.basename(movedTo)} in the same folder, and DSS Explorer carried on with what it could read.`
}

export const createSetAsideNotices = (events: EventBus): SetAsideNotices => {
  const notices: string[] = []
  return {
    onSetAside({ file, movedTo }) {
      const message = setAsideMessage(file, movedTo)
      notices.push(message)
      events.emit('app.notice', { level: 'error', message })
    },
    list: () => [...notices],
  }
}
