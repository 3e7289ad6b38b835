import { baseName } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { sameLocation } from '../../store/location'
import { treeNodeId } from '../../store/tree-slice'
import { BucketIcon, FolderIcon } from '../icons'
import { Spinner } from '../spinner'
import type { MenuItem } from '../context-menu'
import { useFileDrop } from '../uploads/use-file-drop'
import { TreeNote, TreeRow } from './tree-row'

type Props = {
  readonly node: Location
  readonly level: number
  readonly onMenu: (x: number, y: number, items: readonly MenuItem[]) => void
}

/**
 * A bucket (prefix '') or a folder, and — once expanded — its subfolders, listed only then.
 * Rendered as sibling rows: the DOM stays a flat list of treeitems.
 */
export const FolderNode = ({ node, level, onMenu }: Props) => {
  const id = treeNodeId(node)
  const expanded = useAppStore((state) => state.expandedFolders.has(id))
  const list = useAppStore((state) => state.folderLists.get(id))
  const current = useAppStore((state) => sameLocation(state.location, node))
  const openLocation = useAppStore((state) => state.openLocation)
  const toggleFolder = useAppStore((state) => state.toggleFolder)
  const loadFolders = useAppStore((state) => state.loadFolders)
  const openDialog = useAppStore((state) => state.openDialog)
  const openSync = useAppStore((state) => state.openSync)
  const drop = useFileDrop(node)
  const isBucket = node.prefix === ''
  const label = isBucket ? node.bucket : baseName(node.prefix)
  const open = () => openLocation(node)
  const deleteBucket = () =>
    openDialog({ kind: 'delete-bucket', accountId: node.accountId, bucket: node.bucket })

  const menu: readonly MenuItem[] = [
    { label: 'Open', run: open },
    { label: expanded ? 'Collapse' : 'Expand', run: () => toggleFolder(node) },
    { label: 'Sync with a local folder…', run: () => openSync(node) },
    ...(isBucket
      ? [
          { kind: 'separator' } as const,
          { label: 'Delete bucket…', shortcut: 'Del', danger: true, run: deleteBucket },
        ]
      : []),
  ]
  const loading = list === undefined || list.status.state === 'loading'

  return (
    <>
      <TreeRow
        label={label}
        level={level}
        icon={isBucket ? <BucketIcon /> : <FolderIcon />}
        expanded={expanded}
        current={current}
        onActivate={open}
        onToggle={() => toggleFolder(node)}
        onMenu={(x, y) => onMenu(x, y, menu)}
        onDelete={isBucket ? deleteBucket : undefined}
        drop={drop}
      />
      {expanded &&
        list?.folders.map((prefix) => (
          <FolderNode key={prefix} node={{ ...node, prefix }} level={level + 1} onMenu={onMenu} />
        ))}
      {expanded && loading && (
        <TreeNote level={level + 1}>
          <Spinner /> Loading folders…
        </TreeNote>
      )}
      {expanded && list?.status.state === 'failed' && (
        <TreeNote level={level + 1} tone="error">
          <span title={list.status.error.message}>Could not list.</span>
          <button type="button" className="link-button" onClick={() => void loadFolders(node)}>
            Retry
          </button>
        </TreeNote>
      )}
    </>
  )
}
