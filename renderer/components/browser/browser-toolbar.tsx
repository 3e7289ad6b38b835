import type { ReactNode } from 'react'
import { useAppStore } from '../../store/app-store'
import {
  ArrowLeftIcon,
  ArrowRightIcon,
  ArrowUpIcon,
  CopyIcon,
  InfoIcon,
  MoveIcon,
  PasteIcon,
  PencilIcon,
  PlusIcon,
  RefreshIcon,
  TrashIcon,
} from '../icons'
import { shortcutLabel } from '../shortcuts'
import { Spinner } from '../spinner'
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
}: {
  readonly command: ObjectCommand
  readonly icon: ReactNode
  readonly iconOnly?: boolean
}) => (
  <button
    type="button"
    className={iconOnly ? 'button button-quiet button-icon' : 'button button-quiet'}
    aria-label={iconOnly ? command.label : undefined}
    title={tooltip(command)}
    disabled={command.unavailable !== null}
    onClick={command.run}
  >
    {icon}
    {!iconOnly && command.label}
  </button>
)

/** Navigation and the actions on the selection, disabled when they do not apply. */
export const BrowserToolbar = ({ commands }: Props) => {
  const refreshing = useAppStore((state) => state.listing?.refreshed != null)
  return (
    <div className="browser-toolbar" role="toolbar" aria-label="Browser">
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
      <CommandButton command={commands['new-folder']} icon={<PlusIcon />} />
      <span className="toolbar-divider" aria-hidden="true" />
      <CommandButton command={commands.copy} icon={<CopyIcon />} />
      <CommandButton command={commands.paste} icon={<PasteIcon />} />
      <CommandButton command={commands['move-to']} icon={<MoveIcon />} />
      <CommandButton command={commands.rename} icon={<PencilIcon />} />
      <CommandButton command={commands.delete} icon={<TrashIcon />} />
      <span className="toolbar-divider" aria-hidden="true" />
      <CommandButton command={commands.properties} icon={<InfoIcon />} />
    </div>
  )
}
