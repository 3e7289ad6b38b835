/**
 * The object browser's commands in one place — label, shortcut, whether it applies now, and
 * what it does — so the toolbar, the context menu and the keyboard all agree.
 */
import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { appStore, useAppStore } from '../../store/app-store'
import { pasteProblem } from '../../store/clipboard'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { selectSelectedEntries } from '../../store/visible-entries'
import type { Shortcut } from '../shortcuts'
import { isMac } from '../shortcuts'
import { uploadPicked } from '../uploads/start-upload'

export const commandIds = [
  'back',
  'forward',
  'up',
  'refresh',
  'open',
  'new-folder',
  'upload-files',
  'upload-folder',
  'download',
  'share',
  'copy-link',
  'upload-link',
  'delete',
  'rename',
  'copy',
  'cut',
  'paste',
  'copy-to',
  'move-to',
  'properties',
  'select-all',
] as const

export type CommandId = (typeof commandIds)[number]

export type ObjectCommand = {
  readonly id: CommandId
  readonly label: string
  readonly shortcuts: readonly Shortcut[]
  /** Null when the command applies now, else why not (shown as a tooltip). */
  readonly unavailable: string | null
  run(): void
}

type Definition = {
  readonly label: string
  readonly shortcuts: readonly Shortcut[]
  /** Runs on the selection (in display order) in the open folder. */
  readonly run: (selected: readonly Entry[], location: Location) => void
}

/**
 * Opens a folder, or a file in the system's app for editing (its saves are uploaded; Properties,
 * Alt+Enter, shows its details and a preview).
 */
export const openEntry = (entry: Entry): void => {
  const { location, openLocation, openForEditing } = appStore.getState()
  if (!location) return
  if (entry.kind === 'folder') openLocation({ ...location, prefix: entry.key })
  else void openForEditing(location, entry.key)
}

const definitions: Readonly<Record<CommandId, Definition>> = {
  back: {
    label: 'Back',
    shortcuts: [isMac ? { key: '[', mod: true } : { key: 'ArrowLeft', alt: true }],
    run: () => appStore.getState().goBack(),
  },
  forward: {
    label: 'Forward',
    shortcuts: [isMac ? { key: ']', mod: true } : { key: 'ArrowRight', alt: true }],
    run: () => appStore.getState().goForward(),
  },
  up: {
    label: 'Up',
    shortcuts: [{ key: 'Backspace' }, { key: 'ArrowUp', alt: true }],
    run: () => appStore.getState().goUp(),
  },
  refresh: {
    label: 'Refresh',
    shortcuts: [{ key: 'F5' }],
    run: () => appStore.getState().refreshListing(),
  },
  open: {
    label: 'Open',
    shortcuts: [{ key: 'Enter' }],
    run: ([entry]) => entry && openEntry(entry),
  },
  'new-folder': {
    label: 'New folder',
    shortcuts: [{ key: 'n', mod: true, shift: true }],
    run: (_, location) => appStore.getState().openDialog({ kind: 'new-folder', location }),
  },
  'upload-files': {
    label: 'Upload files',
    shortcuts: [{ key: 'u', mod: true }],
    run: (_, location) => void uploadPicked('files', location),
  },
  'upload-folder': {
    label: 'Upload folder',
    shortcuts: [],
    run: (_, location) => void uploadPicked('folder', location),
  },
  download: {
    label: 'Download',
    shortcuts: [],
    run: (entries, location) =>
      appStore.getState().openDialog({ kind: 'download', location, entries }),
  },
  share: {
    label: 'Share link…',
    shortcuts: [],
    run: (entries, location) =>
      appStore.getState().openDialog({ kind: 'share', location, entries }),
  },
  'copy-link': {
    label: 'Copy link',
    shortcuts: [{ key: 'l', mod: true }],
    run: () => void appStore.getState().copyLinksOfSelection(),
  },
  'upload-link': {
    label: 'Upload link…',
    shortcuts: [],
    // Into the folder when one folder is selected, else into the open one.
    run: (selected, location) => {
      const [only] = selected
      const folder = selected.length === 1 && only?.kind === 'folder' ? only.key : null
      appStore.getState().openDialog({
        kind: 'upload-link',
        location: folder === null ? location : { ...location, prefix: folder },
      })
    },
  },
  delete: {
    label: 'Delete',
    shortcuts: [{ key: 'Delete' }, ...(isMac ? [{ key: 'Backspace', mod: true }] : [])],
    run: (entries, location) =>
      appStore.getState().openDialog({ kind: 'delete', location, entries }),
  },
  rename: {
    label: 'Rename',
    shortcuts: [{ key: 'F2' }],
    run: ([entry], location) =>
      entry && appStore.getState().openDialog({ kind: 'rename', location, entry }),
  },
  copy: {
    label: 'Copy',
    shortcuts: [{ key: 'c', mod: true }],
    run: () => appStore.getState().copyToClipboard('copy'),
  },
  cut: {
    label: 'Cut',
    shortcuts: [{ key: 'x', mod: true }],
    run: () => appStore.getState().copyToClipboard('cut'),
  },
  paste: {
    label: 'Paste',
    shortcuts: [{ key: 'v', mod: true }],
    run: () => void appStore.getState().paste(),
  },
  'copy-to': {
    label: 'Copy to…',
    shortcuts: [],
    run: (entries, location) =>
      appStore.getState().openDialog({ kind: 'transfer', mode: 'copy', location, entries }),
  },
  'move-to': {
    label: 'Move to…',
    shortcuts: [],
    run: (entries, location) =>
      appStore.getState().openDialog({ kind: 'transfer', mode: 'move', location, entries }),
  },
  properties: {
    label: 'Properties',
    shortcuts: [{ key: 'Enter', alt: true }],
    run: ([entry], location) =>
      entry && appStore.getState().openDialog({ kind: 'properties', location, entry }),
  },
  'select-all': {
    label: 'Select all',
    shortcuts: [{ key: 'a', mod: true }],
    run: () => appStore.getState().selectAll(),
  },
}

const NONE = 'Select something first.'
const ONE = 'Select one item.'

export const useObjectCommands = (): Readonly<Record<CommandId, ObjectCommand>> => {
  const selected = useAppStore(selectSelectedEntries)
  const state = useAppStore(
    useShallow((state) => ({
      location: state.location,
      searching: state.listing?.search != null,
      canGoBack: state.history.back.length > 0,
      canGoForward: state.history.forward.length > 0,
      pasteProblem: pasteProblem(state.clipboard, state.location),
      rows: state.listing?.entries.length ?? 0,
    })),
  )

  return useMemo(() => {
    const count = selected.length
    const single = count === 1 ? null : count === 0 ? NONE : ONE
    const unavailable: Record<CommandId, string | null> = {
      back: state.canGoBack ? null : 'Nowhere to go back to.',
      forward: state.canGoForward ? null : 'Nowhere to go forward to.',
      up: state.location?.prefix ? null : 'This is the top of the bucket.',
      refresh: null,
      open: single,
      'new-folder': state.searching ? 'Leave the search to make a folder.' : null,
      'upload-files': null,
      'upload-folder': null,
      download: count > 0 ? null : NONE,
      // A folder alone is explained (dialog, notice) rather than silently refused.
      share: count > 0 ? null : NONE,
      'copy-link': count > 0 ? null : NONE,
      'upload-link': null,
      delete: count > 0 ? null : NONE,
      rename: single,
      copy: count > 0 ? null : NONE,
      cut: count > 0 ? null : NONE,
      paste: state.pasteProblem,
      'copy-to': count > 0 ? null : NONE,
      'move-to': count > 0 ? null : NONE,
      properties: single ?? (selected[0]?.kind === 'folder' ? 'Folders have no properties.' : null),
      'select-all': state.rows > 0 ? null : 'Nothing to select.',
    }
    const commands = {} as Record<CommandId, ObjectCommand>
    for (const id of commandIds) {
      const { label, shortcuts, run } = definitions[id]
      commands[id] = {
        id,
        label,
        shortcuts,
        unavailable: state.location ? unavailable[id] : 'Open a bucket first.',
        run: () => {
          if (state.location) run(selected, state.location)
        },
      }
    }
    return commands
  }, [selected, state])
}
