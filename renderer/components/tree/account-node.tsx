import type { AccountSummary } from '../../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../../shared/accounts'
import { useAppStore } from '../../store/app-store'
import { selectBucketList } from '../../store/selectors'
import type { MenuItem } from '../context-menu'
import { AlertIcon, PlusIcon } from '../icons'
import { KindIcon } from '../kind-icon'
import { Spinner } from '../spinner'
import { selectCurrentRowShown } from './current-row-shown'
import { FolderNode } from './folder-node'
import { TreeNote, TreeRow } from './tree-row'

type Props = {
  readonly account: AccountSummary
  readonly first: boolean
  readonly onMenu: (x: number, y: number, items: readonly MenuItem[]) => void
}

/** An account in the tree, and its buckets once listed (unless folded away). */
export const AccountNode = ({ account, first, onMenu }: Props) => {
  const current = useAppStore((state) =>
    state.editor.mode === 'closed'
      ? state.location === null && state.selectedAccountId === account.id
      : state.editor.mode === 'edit' && state.editor.accountId === account.id,
  )
  const bucketList = useAppStore(selectBucketList(account.id))
  const collapsed = useAppStore((state) => state.collapsedAccounts.has(account.id))
  const sandboxStarting = useAppStore(
    (state) => account.id === SANDBOX_ACCOUNT_ID && state.sandboxStatus.state === 'starting',
  )
  const selectAccount = useAppStore((state) => state.selectAccount)
  const toggleAccount = useAppStore((state) => state.toggleAccount)
  const loadBuckets = useAppStore((state) => state.loadBuckets)
  const openDialog = useAppStore((state) => state.openDialog)
  // The tree's one tab stop: the current row, or this first account when that is not shown.
  const tabStop = useAppStore((state) => first && !selectCurrentRowShown(state))
  const expanded = bucketList !== null && !collapsed
  const busy = sandboxStarting || bucketList?.state === 'loading'
  const newBucket = () => openDialog({ kind: 'new-bucket', accountId: account.id })

  const menu: readonly MenuItem[] = [
    { label: 'Open', run: () => selectAccount(account.id) },
    { label: 'New bucket…', run: newBucket },
    { label: 'Refresh buckets', run: () => void loadBuckets(account.id) },
  ]

  return (
    <>
      <TreeRow
        label={account.name}
        level={1}
        icon={<KindIcon kind={account.kind} />}
        expanded={bucketList === null ? false : expanded}
        current={current}
        tabbable={tabStop}
        busy={busy}
        onActivate={() => selectAccount(account.id)}
        onToggle={() => toggleAccount(account.id)}
        onMenu={(x, y) => onMenu(x, y, menu)}
        extra={
          <>
            {bucketList?.state === 'failed' && (
              <span className="tree-alert" title={bucketList.error.message}>
                <AlertIcon />
              </span>
            )}
            <button
              type="button"
              className="tree-action"
              tabIndex={-1}
              aria-label={`New bucket in ${account.name}`}
              title="New bucket"
              onClick={(event) => {
                event.stopPropagation()
                newBucket()
              }}
            >
              <PlusIcon />
            </button>
          </>
        }
      />
      {expanded &&
        bucketList.state === 'loaded' &&
        bucketList.buckets.map((bucket) => (
          <FolderNode
            key={bucket.name}
            node={{ accountId: account.id, bucket: bucket.name, prefix: '' }}
            level={2}
            onMenu={onMenu}
          />
        ))}
      {expanded && bucketList.state === 'loaded' && bucketList.buckets.length === 0 && (
        <TreeNote level={2}>No buckets</TreeNote>
      )}
      {expanded && bucketList.state === 'loading' && (
        <TreeNote level={2}>
          <Spinner /> Loading buckets…
        </TreeNote>
      )}
    </>
  )
}
