import type { MenuItem } from '../context-menu'
import { ContextMenu } from '../context-menu'
import { ariaShortcut, shortcutLabel } from '../shortcuts'
import type { CommandId, ObjectCommand } from './object-commands'

type Props = {
  readonly x: number
  readonly y: number
  readonly commands: Readonly<Record<CommandId, ObjectCommand>>
  /** Whether it was opened on rows (else on the empty area of the folder). */
  readonly onRows: boolean
  readonly onClose: () => void
}

const onRowsLayout: readonly (CommandId | null)[] = [
  'open',
  'download',
  null,
  'share',
  'copy-link',
  'upload-link',
  null,
  'cut',
  'copy',
  'paste',
  null,
  'rename',
  'copy-to',
  'move-to',
  'delete',
  null,
  'properties',
]

const onFolderLayout: readonly (CommandId | null)[] = [
  'new-folder',
  'upload-files',
  'upload-folder',
  'upload-link',
  'paste',
  null,
  'select-all',
  'refresh',
]

/** The right-click menu: the browser's commands that apply, with their shortcuts. */
export const ObjectContextMenu = ({ x, y, commands, onRows, onClose }: Props) => {
  const items = (onRows ? onRowsLayout : onFolderLayout).map((id): MenuItem => {
    if (id === null) return { kind: 'separator' }
    const command = commands[id]
    const shortcut = command.shortcuts[0]
    return {
      label: command.label,
      shortcut: shortcut && shortcutLabel(shortcut),
      ariaShortcut: shortcut && ariaShortcut(shortcut),
      disabled: command.unavailable !== null,
      danger: id === 'delete',
      run: command.run,
    }
  })
  return <ContextMenu label="Object actions" x={x} y={y} items={items} onClose={onClose} />
}
