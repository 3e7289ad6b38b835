/** Selectors shared by several components. */
import type { AccountSummary } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { AppState } from './app-state'
import type { BucketList } from './buckets-slice'

const noAccounts: readonly AccountSummary[] = []

export const selectAccounts = (state: AppState): readonly AccountSummary[] =>
  state.accountList.state === 'loaded' ? state.accountList.accounts : noAccounts

/** The sandbox first, then saved accounts in their saved order (a new array: use useShallow). */
export const selectSidebarAccounts = (state: AppState): readonly AccountSummary[] => {
  const accounts = selectAccounts(state)
  return [
    ...accounts.filter(({ id }) => id === SANDBOX_ACCOUNT_ID),
    ...accounts.filter(({ id }) => id !== SANDBOX_ACCOUNT_ID),
  ]
}

export const selectAccountById =
  (id: string | null) =>
  (state: AppState): AccountSummary | null =>
    selectAccounts(state).find((account) => account.id === id) ?? null

export const selectSelectedAccount = (state: AppState): AccountSummary | null =>
  selectAccountById(state.selectedAccountId)(state)

export const selectBucketList =
  (accountId: string | null) =>
  (state: AppState): BucketList | null =>
    (accountId === null ? undefined : state.bucketLists.get(accountId)) ?? null
