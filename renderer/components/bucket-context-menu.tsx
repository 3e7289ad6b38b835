import type { MenuItem } from './context-menu'
import { ContextMenu } from './context-menu'
import { ariaShortcut, shortcutLabel, type Shortcut } from './shortcuts'

type Props = {
  readonly x: number
  readonly y: number
  /** The selected buckets the menu acts on. */
  readonly names: readonly string[]
  readonly onOpen: () => void
  readonly onCopyNames: () => void
  readonly onDelete: () => void
  readonly onClose: () => void
}

const ENTER: Shortcut = { key: 'Enter' }
const DELETE: Shortcut = { key: 'Delete' }

/** The bucket list's right-click menu: open, copy the name(s), delete (one bucket at a time). */
export const BucketContextMenu = ({
  x,
  y,
  names,
  onOpen,
  onCopyNames,
  onDelete,
  onClose,
}: Props) => {
  const one = names.length === 1
  const items: MenuItem[] = [
    {
      label: 'Open',
      shortcut: shortcutLabel(ENTER),
      ariaShortcut: ariaShortcut(ENTER),
      disabled: !one,
      run: onOpen,
    },
    { label: one ? 'Copy name' : 'Copy names', disabled: names.length === 0, run: onCopyNames },
    { kind: 'separator' },
    {
      label: 'Delete bucket…',
      shortcut: shortcutLabel(DELETE),
      ariaShortcut: ariaShortcut(DELETE),
      disabled: !one,
      danger: true,
      run: onDelete,
    },
  ]
  return <ContextMenu label="Bucket actions" x={x} y={y} items={items} onClose={onClose} />
}
