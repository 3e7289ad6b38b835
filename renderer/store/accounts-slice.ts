/** Saved accounts, which one is open, and the add/edit form's connection test and save. */
import type { AccountKind, AccountSummary, ConnectionReport } from '../../shared/accounts'
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts'
import type { CommandRequest, DssApi } from '../../shared/contract'
import type { AppError } from '../../shared/errors'
import type { AppState, SliceCreator } from './app-state'
import { createRequestIds } from './request-ids'

export type AccountList =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly accounts: readonly AccountSummary[] }
  | { readonly state: 'failed'; readonly error: AppError }

export type EditableKind = Exclude<AccountKind, 'sandbox'>

/** The connect screen: closed, adding an account of a kind, or editing a saved one. */
export type Editor =
  | { readonly mode: 'closed' }
  | { readonly mode: 'add'; readonly kind: EditableKind }
  | { readonly mode: 'edit'; readonly accountId: string }

export type ConnectionTest =
  | { readonly state: 'idle' }
  /** `requestId` names the test to main, so that it can be stopped. */
  | { readonly state: 'testing'; readonly requestId: string }
  | { readonly state: 'ok'; readonly report: ConnectionReport }
  | { readonly state: 'failed'; readonly error: AppError }

export type SaveStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'failed'; readonly error: AppError }

export type AccountsSlice = {
  readonly accountList: AccountList
  readonly selectedAccountId: string | null
  readonly editor: Editor
  readonly connectionTest: ConnectionTest
  readonly saveStatus: SaveStatus
  loadAccounts(): Promise<void>
  /** Opens an account: starts the sandbox or loads the buckets as needed. */
  selectAccount(id: string): void
  openEditor(editor: Exclude<Editor, { mode: 'closed' }>): void
  closeEditor(): void
  testConnection(request: CommandRequest<'accounts.test'>): Promise<void>
  /** Stops a test under way: main gives up on it (a server may never answer). */
  cancelConnectionTest(): void
  clearConnectionTest(): void
  /** Saves the form, then opens the saved account. */
  saveAccount(request: CommandRequest<'accounts.save'>): Promise<void>
  removeAccount(id: string): Promise<AppError | null>
}

const idle = { state: 'idle' } as const

const listed = (state: AppState): readonly AccountSummary[] =>
  state.accountList.state === 'loaded' ? state.accountList.accounts : []

const upsert = (
  accounts: readonly AccountSummary[],
  saved: AccountSummary,
): readonly AccountSummary[] =>
  accounts.some(({ id }) => id === saved.id)
    ? accounts.map((account) => (account.id === saved.id ? saved : account))
    : [...accounts, saved]

/** The state after a new account list: selection and bucket lists of vanished accounts go. */
export const applyAccountList = (
  state: AppState,
  accounts: readonly AccountSummary[],
): Partial<AppState> => {
  const ids = new Set(accounts.map((account) => account.id))
  const bucketLists = new Map([...state.bucketLists].filter(([id]) => ids.has(id)))
  const selectedAccountId =
    state.selectedAccountId !== null && ids.has(state.selectedAccountId)
      ? state.selectedAccountId
      : null
  // The browser closes with its account (its listing would only fail from now on).
  const browserGone = state.location !== null && !ids.has(state.location.accountId)
  return {
    accountList: { state: 'loaded', accounts },
    selectedAccountId,
    bucketLists: bucketLists.size === state.bucketLists.size ? state.bucketLists : bucketLists,
    ...(browserGone ? { location: null, listing: null, selectedKeys: new Set<string>() } : {}),
  }
}

export const createAccountsSlice =
  (api: DssApi): SliceCreator<AccountsSlice> =>
  (set, get) => {
    const requestId = createRequestIds()

    /** Tells main to give up on the test under way, if there is one. */
    const stopTest = (): void => {
      const test = get().connectionTest
      if (test.state !== 'testing') return
      void api.invoke('requests.cancel', { requestId: test.requestId })
    }

    return {
      accountList: { state: 'loading' },
      selectedAccountId: null,
      editor: { mode: 'closed' },
      connectionTest: idle,
      saveStatus: idle,

      loadAccounts: async () => {
        const result = await api.invoke('accounts.list', {})
        if (!result.ok) {
          set({ accountList: { state: 'failed', error: result.error } })
          return
        }
        set((state) => applyAccountList(state, result.value))
        // Start where the user most likely left off: their first saved account — or, with none
        // yet, the local sandbox, so a newcomer sees a working browser at once.
        const { selectedAccountId, editor } = get()
        const firstSaved = result.value.find((account) => account.id !== SANDBOX_ACCOUNT_ID)
        if (selectedAccountId === null && editor.mode === 'closed') {
          get().selectAccount(firstSaved?.id ?? SANDBOX_ACCOUNT_ID)
        }
      },

      selectAccount: (id) => {
        get().closeBrowser()
        set({ selectedAccountId: id, editor: { mode: 'closed' } })
        // An open request log follows the open account at once, not at its next tick.
        void get().refreshRequestLog()
        if (id !== SANDBOX_ACCOUNT_ID) get().ensureBuckets(id)
        else if (get().sandboxStatus.state === 'ready') get().ensureBuckets(id)
        else void get().startSandbox()
      },

      openEditor: (editor) => {
        set({ editor, connectionTest: idle, saveStatus: idle })
        // A new account may come from the AWS CLI's profiles; read them as the form opens.
        if (editor.mode === 'add') void get().loadImportable()
      },

      closeEditor: () => {
        stopTest()
        set({ editor: { mode: 'closed' }, connectionTest: idle, saveStatus: idle })
      },

      testConnection: async (request) => {
        stopTest()
        const id = requestId('test')
        set({ connectionTest: { state: 'testing', requestId: id }, saveStatus: idle })
        const result = await api.invoke('accounts.test', { ...request, requestId: id })
        // A result for a test since stopped, or a form since closed or reset, is not worth showing.
        const current = get().connectionTest
        if (current.state !== 'testing' || current.requestId !== id) return
        set({
          connectionTest: result.ok
            ? { state: 'ok', report: result.value }
            : { state: 'failed', error: result.error },
        })
      },

      cancelConnectionTest: () => {
        stopTest()
        if (get().connectionTest.state === 'testing') set({ connectionTest: idle })
      },

      clearConnectionTest: () => {
        stopTest()
        if (get().connectionTest.state !== 'idle') set({ connectionTest: idle })
      },

      saveAccount: async (request) => {
        stopTest()
        set({ saveStatus: { state: 'saving' }, connectionTest: idle })
        const result = await api.invoke('accounts.save', request)
        if (!result.ok) {
          set({ saveStatus: { state: 'failed', error: result.error } })
          return
        }
        const saved = result.value
        set((state) => {
          // The keys or endpoint may have changed: buckets listed with the old ones must go.
          const bucketLists = new Map(state.bucketLists)
          bucketLists.delete(saved.id)
          return {
            ...applyAccountList({ ...state, bucketLists }, upsert(listed(state), saved)),
            saveStatus: idle,
          }
        })
        get().selectAccount(saved.id)
      },

      removeAccount: async (id) => {
        const result = await api.invoke('accounts.remove', { id })
        if (!result.ok) return result.error
        set((state) =>
          applyAccountList(
            state,
            listed(state).filter((account) => account.id !== id),
          ),
        )
        return null
      },
    }
  }
