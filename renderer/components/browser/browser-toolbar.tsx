import type { ReactNode } from 'react'
import { useCallback, useRef, useState } from 'react'
import { useAppStore } from '../../store/app-store'
import {
  ArrowLeftIcon,
  ArrowRightIcon,
  ArrowUpIcon,
  CopyIcon,
  DownloadIcon,
  InfoIcon,
  MoreIcon,
  LinkIcon,
  MoveIcon,
  PasteIcon,
  PencilIcon,
  PlusIcon,
  RefreshIcon,
  TrashIcon,
  UploadFolderIcon,
  UploadIcon,
  UploadLinkIcon,
} from '../icons'
import type { MenuItem } from '../context-menu'
import { ContextMenu } from '../context-menu'
import { ariaShortcut, shortcutLabel } from '../shortcuts'
import { Spinner } from '../spinner'
import { useRovingToolbar } from '../use-roving-toolbar'
import { overflowItem, overflowMore, useToolbarOverflow } from '../use-toolbar-overflow'
import type { CommandId, ObjectCommand } from './object-commands'

type Props = { readonly commands: Readonly<Record<CommandId, ObjectCommand>> }

const tooltip = (command: ObjectCommand): string => {
  const shortcut = command.shortcuts[0]
  const name = shortcut ? `${command.label} (${shortcutLabel(shortcut)})` : command.label
  return command.unavailable ? `${name} — ${command.unavailable}` : name
}

const CommandButton = ({
  command,
  icon,
  iconOnly = false,
  label = 'always',
  hidden,
}: {
  readonly command: ObjectCommand
  readonly icon: ReactNode
  readonly iconOnly?: boolean
  /** 'narrow' labels hide first when the toolbar has no room (the name stays the same). */
  readonly label?: 'always' | 'narrow'
  /** Moved to the More menu (no room on the row); undefined for buttons that never move. */
  readonly hidden?: boolean
}) => (
  <button
    type="button"
    {...(hidden === undefined ? {} : { [overflowItem]: 'button' })}
    hidden={hidden}
    className={iconOnly ? 'button button-quiet button-icon' : 'button button-quiet'}
    aria-label={iconOnly || label === 'narrow' ? command.label : undefined}
    title={tooltip(command)}
    disabled={command.unavailable !== null}
    onClick={command.run}
  >
    {icon}
    {!iconOnly &&
      (label === 'always' ? (
        command.label
      ) : (
        <span className="toolbar-label is-optional">{command.label}</span>
      ))}
  </button>
)

/** What the row holds after the navigation group, in order; the end moves to More first. */
type Item =
  | {
      readonly kind: 'command'
      readonly id: CommandId
      readonly icon: ReactNode
      readonly label?: 'always' | 'narrow'
    }
  | { readonly kind: 'sync' }
  | { readonly kind: 'divider' }

const items: readonly Item[] = [
  { kind: 'command', id: 'new-folder', icon: <PlusIcon /> },
  { kind: 'command', id: 'upload-files', icon: <UploadIcon /> },
  { kind: 'command', id: 'upload-folder', icon: <UploadFolderIcon /> },
  { kind: 'command', id: 'download', icon: <DownloadIcon /> },
  { kind: 'command', id: 'share', icon: <LinkIcon />, label: 'narrow' },
  { kind: 'command', id: 'upload-link', icon: <UploadLinkIcon />, label: 'narrow' },
  { kind: 'divider' },
  { kind: 'command', id: 'copy', icon: <CopyIcon />, label: 'narrow' },
  { kind: 'command', id: 'paste', icon: <PasteIcon />, label: 'narrow' },
  { kind: 'command', id: 'move-to', icon: <MoveIcon />, label: 'narrow' },
  { kind: 'command', id: 'rename', icon: <PencilIcon />, label: 'narrow' },
  { kind: 'command', id: 'delete', icon: <TrashIcon /> },
  { kind: 'divider' },
  { kind: 'command', id: 'properties', icon: <InfoIcon />, label: 'narrow' },
  { kind: 'sync' },
]

const syncLabel = 'Sync with a local folder'

/** Navigation and the actions on the selection, disabled when they do not apply. */
export const BrowserToolbar = ({ commands }: Props) => {
  const refreshing = useAppStore((state) => state.listing?.refreshed != null)
  const location = useAppStore((state) => state.location)
  const openSync = useAppStore((state) => state.openSync)
  const ref = useRef<HTMLDivElement>(null)
  const moreRef = useRef<HTMLButtonElement>(null)
  const roving = useRovingToolbar(ref)
  const shown = useToolbarOverflow(ref, items.length)
  const [menuAt, setMenuAt] = useState<{ readonly x: number; readonly y: number } | null>(null)
  const closeMenu = useCallback(() => setMenuAt(null), [])
  const sync = () => location && openSync(location)

  // The items that did not fit, as menu entries (a divider at the start of the rest is dropped).
  const menuItems = items.slice(shown).flatMap((item, index): MenuItem[] => {
    if (item.kind === 'divider') return index === 0 ? [] : [{ kind: 'separator' }]
    if (item.kind === 'sync') return [{ label: `${syncLabel}…`, disabled: !location, run: sync }]
    const command = commands[item.id]
    const shortcut = command.shortcuts[0]
    return [
      {
        label: command.label,
        shortcut: shortcut && shortcutLabel(shortcut),
        ariaShortcut: shortcut && ariaShortcut(shortcut),
        disabled: command.unavailable !== null,
        danger: item.id === 'delete',
        run: command.run,
      },
    ]
  })

  return (
    <div
      ref={ref}
      className="browser-toolbar"
      role="toolbar"
      aria-label="Browser"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <div className="toolbar-group">
        <CommandButton command={commands.back} icon={<ArrowLeftIcon />} iconOnly />
        <CommandButton command={commands.forward} icon={<ArrowRightIcon />} iconOnly />
        <CommandButton command={commands.up} icon={<ArrowUpIcon />} iconOnly />
        <CommandButton
          command={commands.refresh}
          icon={refreshing ? <Spinner /> : <RefreshIcon />}
          iconOnly
        />
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      {items.map((item, index) => {
        const hidden = index >= shown
        if (item.kind === 'divider') {
          return (
            <span
              // The list is fixed: its order is its identity.
              key={`divider-${index}`}
              className="toolbar-divider"
              aria-hidden="true"
              {...{ [overflowItem]: 'divider' }}
              hidden={hidden}
            />
          )
        }
        if (item.kind === 'sync') {
          return (
            <button
              key="sync"
              type="button"
              className="button button-quiet"
              aria-label={syncLabel}
              title="Sync this folder with a local folder"
              disabled={!location}
              onClick={sync}
              {...{ [overflowItem]: 'button' }}
              hidden={hidden}
            >
              <RefreshIcon />
              <span className="toolbar-label is-optional">Sync</span>
            </button>
          )
        }
        return (
          <CommandButton
            key={item.id}
            command={commands[item.id]}
            icon={item.icon}
            label={item.label}
            hidden={hidden}
          />
        )
      })}
      <button
        ref={moreRef}
        type="button"
        className="button button-quiet toolbar-more"
        title="More commands"
        aria-haspopup="menu"
        aria-expanded={menuAt !== null}
        {...{ [overflowMore]: '' }}
        hidden={shown >= items.length}
        onClick={() => {
          const box = moreRef.current?.getBoundingClientRect()
          if (box) setMenuAt({ x: box.left, y: box.bottom + 2 })
        }}
      >
        <MoreIcon />
        More
      </button>
      {menuAt && menuItems.length > 0 && (
        <ContextMenu
          label="More commands"
          x={menuAt.x}
          y={menuAt.y}
          items={menuItems}
          onClose={closeMenu}
        />
      )}
    </div>
  )
}
