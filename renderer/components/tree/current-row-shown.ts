/** Whether the tree shows a row for where the user is: that row is then the tree's tab stop. */
import { parentPrefix, prefixChain } from '../../../shared/s3-keys'
import type { AppState } from '../../store/app-state'
import { treeNodeId } from '../../store/tree-slice'

/**
 * The tree has one tab stop (WAI-ARIA tree pattern): the current row when it is shown, else the
 * first account. A folder opened from the table is not shown while its parents are folded.
 */
export const selectCurrentRowShown = (state: AppState): boolean => {
  if (state.editor.mode !== 'closed') return state.editor.mode === 'edit'
  const { location } = state
  if (location === null) return state.selectedAccountId !== null
  if (state.collapsedAccounts.has(location.accountId)) return false
  const buckets = state.bucketLists.get(location.accountId)
  if (
    buckets?.state !== 'loaded' ||
    !buckets.buckets.some(({ name }) => name === location.bucket)
  ) {
    return false
  }
  // Each folder on the way must be expanded and list the next one.
  return prefixChain(location.prefix).every((prefix) => {
    const parent = treeNodeId({ ...location, prefix: parentPrefix(prefix) })
    return (
      state.expandedFolders.has(parent) &&
      (state.folderLists.get(parent)?.folders.includes(prefix) ?? false)
    )
  })
}
