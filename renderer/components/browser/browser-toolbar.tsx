import type { ReactNode } from 'react'
import { useRef } from 'react'
import { useAppStore } from '../../store/app-store'
import {
  ArrowLeftIcon,
  ArrowRightIcon,
  ArrowUpIcon,
  CopyIcon,
  DownloadIcon,
  InfoIcon,
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
import { shortcutLabel } from '../shortcuts'
import { Spinner } from '../spinner'
import { useRovingToolbar } from '../use-roving-toolbar'
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
}: {
  readonly command: ObjectCommand
  readonly icon: ReactNode
  readonly iconOnly?: boolean
  /** 'narrow' labels hide first when the toolbar has no room (the name stays the same). */
  readonly label?: 'always' | 'narrow'
}) => (
  <button
    type="button"
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

/** Navigation and the actions on the selection, disabled when they do not apply. */
export const BrowserToolbar = ({ commands }: Props) => {
  const refreshing = useAppStore((state) => state.listing?.refreshed != null)
  const location = useAppStore((state) => state.location)
  const openSync = useAppStore((state) => state.openSync)
  const ref = useRef<HTMLDivElement>(null)
  const roving = useRovingToolbar(ref)
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
      <CommandButton command={commands['new-folder']} icon={<PlusIcon />} />
      <CommandButton command={commands['upload-files']} icon={<UploadIcon />} />
      <CommandButton command={commands['upload-folder']} icon={<UploadFolderIcon />} />
      <CommandButton command={commands.download} icon={<DownloadIcon />} />
      <CommandButton command={commands.share} icon={<LinkIcon />} label="narrow" />
      <CommandButton command={commands['upload-link']} icon={<UploadLinkIcon />} label="narrow" />
      <span className="toolbar-divider" aria-hidden="true" />
      <CommandButton command={commands.copy} icon={<CopyIcon />} label="narrow" />
      <CommandButton command={commands.paste} icon={<PasteIcon />} label="narrow" />
      <CommandButton command={commands['move-to']} icon={<MoveIcon />} label="narrow" />
      <CommandButton command={commands.rename} icon={<PencilIcon />} label="narrow" />
      <CommandButton command={commands.delete} icon={<TrashIcon />} />
      <span className="toolbar-divider" aria-hidden="true" />
      <CommandButton command={commands.properties} icon={<InfoIcon />} label="narrow" />
      <button
        type="button"
        className="button button-quiet"
        aria-label="Sync with a local folder"
        title="Sync this folder with a local folder"
        disabled={!location}
        onClick={() => location && openSync(location)}
      >
        <RefreshIcon />
        <span className="toolbar-label is-optional">Sync</span>
      </button>
    </div>
  )
}
