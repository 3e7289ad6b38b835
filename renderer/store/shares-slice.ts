/**
 * Share links: making them (the share dialogs and Ctrl/Cmd+L), copying them, the open account's
 * link history and its panel, and whether an endpoint takes legacy SigV2 links.
 */
import type { CommandRequest, DssApi, EventPayload } from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import type { LinkCheck, ShareLink, SigV2Support } from '../../shared/share'
import { DEFAULT_EXPIRY_SECONDS } from '../../shared/share'
import type { SliceCreator } from './app-state'
import type { Location } from './location'
import { selectSelectedEntries } from './visible-entries'

/** Puts text on the system clipboard (navigator.clipboard in the app, a fake in tests). */
export type WriteClipboard = (text: string) => Promise<void>

export type ShareOptions = { readonly writeClipboard: WriteClipboard }

/** One account's issued links, newest first, as main last listed them. */
export type ShareHistory = {
  readonly accountId: string
  readonly state: 'loading' | 'loaded'
  readonly links: readonly ShareLink[]
}

export type SigV2Check =
  | { readonly state: 'checking' }
  | { readonly state: 'checked'; readonly support: SigV2Support }
  | { readonly state: 'failed'; readonly error: AppError }

/** What Ctrl/Cmd+L did, shown for a few seconds over the status bar. */
export type LinkNotice =
  | {
      readonly id: number
      readonly kind: 'copied'
      readonly count: number
      /** When the links were signed, and the earliest expiry (signed together, all alike). */
      readonly issuedAt: string
      readonly expiresAt: string
      /** Folders in the selection, which get no link. */
      readonly skippedFolders: number
    }
  | { readonly id: number; readonly kind: 'failed'; readonly error: AppError }
  /** Main's `app.notice`: something that answers no command (a drag to the desktop failed). */
  | {
      readonly id: number
      readonly kind: 'app'
      readonly level: EventPayload<'app.notice'>['level']
      readonly message: string
    }

export type DownloadLinkOptions = Required<
  Pick<
    CommandRequest<'shares.download'>,
    'expiresInSeconds' | 'signature' | 'downloadName' | 'contentType'
  >
>

export type UploadLinkOptions = Required<
  Pick<CommandRequest<'shares.upload'>, 'key' | 'contentType' | 'expiresInSeconds' | 'signature'>
>

type Place = Pick<Location, 'accountId' | 'bucket'>

/** A notice before it has an id (Omit taken over each member of the union). */
type WithoutId<Notice> = Notice extends LinkNotice ? Omit<Notice, 'id'> : never
type NoticeDraft = WithoutId<LinkNotice>

export type SharesSlice = {
  readonly shareHistory: ShareHistory | null
  /** The last history command that failed, shown in the panel until the next one. */
  readonly sharesError: AppError | null
  readonly sharesPanelOpen: boolean
  /** By account id: whether its endpoint takes SigV2 links, as main last found. */
  readonly sigV2Checks: ReadonlyMap<string, SigV2Check>
  readonly linkNotice: LinkNotice | null
  createDownloadLinks(
    place: Place,
    keys: readonly string[],
    options: DownloadLinkOptions,
  ): Promise<Result<readonly ShareLink[]>>
  createUploadLink(place: Place, options: UploadLinkOptions): Promise<Result<ShareLink>>
  /** Ctrl/Cmd+L: links with the default expiry for the selected files, copied at once. */
  copyLinksOfSelection(): Promise<void>
  /** Copies text to the system clipboard; the error when it was refused. */
  copyText(text: string): Promise<AppError | null>
  dismissLinkNotice(id: number): void
  showAppNotice(notice: EventPayload<'app.notice'>): void
  loadShareHistory(accountId: string): Promise<void>
  applySharesChanged(change: { readonly accountId: string }): void
  /** Signs a link again from now, as a new link (the old one works until it expires). */
  resignLink(id: string): Promise<Result<ShareLink>>
  forgetLink(id: string): Promise<AppError | null>
  clearExpiredLinks(accountId: string): Promise<void>
  checkLink(id: string): Promise<Result<LinkCheck>>
  /** Asks main whether the account's endpoint takes SigV2 links (`recheck`: with a request). */
  checkSigV2(accountId: string, bucket: string, recheck?: boolean): Promise<void>
  setSharesPanelOpen(open: boolean): void
}

const clipboardError = (error: unknown): AppError => ({
  code: 'UNKNOWN',
  message: `The clipboard refused the text${error instanceof Error ? `: ${error.message}` : '.'}`,
})

/** `links` with `added` in front, each id once. */
const withLinks = (links: readonly ShareLink[], added: readonly ShareLink[]): ShareLink[] => {
  const ids = new Set(added.map(({ id }) => id))
  return [...added, ...links.filter(({ id }) => !ids.has(id))]
}

export const createSharesSlice =
  (api: DssApi, { writeClipboard }: ShareOptions): SliceCreator<SharesSlice> =>
  (set, get) => {
    // A history answer older than the newest request is dropped (events can come in bursts).
    let historyRequest = 0
    let nextNoticeId = 1

    /** Shows links just issued or re-signed in the history without waiting for the reload. */
    const showInHistory = (accountId: string, added: readonly ShareLink[]): void => {
      const history = get().shareHistory
      if (history?.accountId !== accountId) return
      set({ shareHistory: { ...history, links: withLinks(history.links, added) } })
    }

    const notify = (notice: NoticeDraft): void => {
      set({ linkNotice: { ...notice, id: nextNoticeId++ } })
    }

    return {
      shareHistory: null,
      sharesError: null,
      sharesPanelOpen: false,
      sigV2Checks: new Map(),
      linkNotice: null,

      createDownloadLinks: async ({ accountId, bucket }, keys, options) => {
        const result = await api.invoke('shares.download', {
          accountId,
          bucket,
          keys: [...keys],
          ...options,
        })
        if (result.ok) showInHistory(accountId, result.value)
        return result
      },

      createUploadLink: async ({ accountId, bucket }, options) => {
        const result = await api.invoke('shares.upload', { accountId, bucket, ...options })
        if (result.ok) showInHistory(accountId, [result.value])
        return result
      },

      copyLinksOfSelection: async () => {
        const { location } = get()
        if (!location) return
        const selected = selectSelectedEntries(get())
        const keys = selected.filter(({ kind }) => kind === 'object').map(({ key }) => key)
        if (keys.length === 0) {
          const message =
            selected.length === 0
              ? 'Select a file to copy a link to it.'
              : 'A link is for a file: folders cannot be shared. Open the folder and select files.'
          notify({ kind: 'failed', error: { code: 'INVALID_REQUEST', message } })
          return
        }
        const result = await get().createDownloadLinks(location, keys, {
          expiresInSeconds: DEFAULT_EXPIRY_SECONDS,
          signature: 'v4',
          downloadName: null,
          contentType: null,
        })
        if (!result.ok) {
          notify({ kind: 'failed', error: result.error })
          return
        }
        const links = result.value
        const copyError = await get().copyText(links.map(({ url }) => url).join('\n'))
        if (copyError) {
          notify({ kind: 'failed', error: copyError })
          return
        }
        const [first] = links
        notify({
          kind: 'copied',
          count: links.length,
          issuedAt: first?.issuedAt ?? '',
          expiresAt: links.map((link) => link.expiresAt).sort()[0] ?? '',
          skippedFolders: selected.length - keys.length,
        })
      },

      copyText: async (text) => {
        try {
          await writeClipboard(text)
          return null
        } catch (error) {
          return clipboardError(error)
        }
      },

      showAppNotice: (notice) => notify({ kind: 'app', ...notice }),
      dismissLinkNotice: (id) => {
        if (get().linkNotice?.id === id) set({ linkNotice: null })
      },

      loadShareHistory: async (accountId) => {
        const request = ++historyRequest
        const current = get().shareHistory
        // Another account's links are not shown while this one's load; the same account's stay.
        if (current?.accountId !== accountId) {
          set({ shareHistory: { accountId, state: 'loading', links: [] }, sharesError: null })
        }
        const result = await api.invoke('shares.history', { accountId })
        if (request !== historyRequest) return
        if (!result.ok) {
          set({ sharesError: result.error })
          return
        }
        set({
          shareHistory: { accountId, state: 'loaded', links: result.value },
          sharesError: null,
        })
      },

      applySharesChanged: ({ accountId }) => {
        if (get().shareHistory?.accountId === accountId) void get().loadShareHistory(accountId)
      },

      resignLink: async (id) => {
        const result = await api.invoke('shares.resign', { id })
        set({ sharesError: result.ok ? null : result.error })
        // A new link, first in the history; the old one stays there, as valid as it was.
        if (result.ok) showInHistory(result.value.accountId, [result.value])
        return result
      },

      forgetLink: async (id) => {
        const result = await api.invoke('shares.forget', { id })
        if (!result.ok) {
          set({ sharesError: result.error })
          return result.error
        }
        const history = get().shareHistory
        if (history) {
          set({
            shareHistory: { ...history, links: history.links.filter((link) => link.id !== id) },
            sharesError: null,
          })
        }
        return null
      },

      clearExpiredLinks: async (accountId) => {
        const result = await api.invoke('shares.clearExpired', { accountId })
        if (!result.ok) {
          set({ sharesError: result.error })
          return
        }
        await get().loadShareHistory(accountId)
      },

      checkLink: (id) => api.invoke('shares.check', { id }),

      checkSigV2: async (accountId, bucket, recheck = false) => {
        const known = get().sigV2Checks.get(accountId)
        if (known?.state === 'checking') return
        const mark = (check: SigV2Check) =>
          set((state) => ({ sigV2Checks: new Map(state.sigV2Checks).set(accountId, check) }))
        // Main remembers the answer per account and endpoint, so asking again costs no request
        // and catches an endpoint edited since; a known answer stays shown meanwhile.
        if (recheck || known?.state !== 'checked') mark({ state: 'checking' })
        const result = await api.invoke('shares.sigv2', { accountId, bucket, recheck })
        mark(
          result.ok
            ? { state: 'checked', support: result.value }
            : { state: 'failed', error: result.error },
        )
      },

      setSharesPanelOpen: (sharesPanelOpen) => set({ sharesPanelOpen }),
    }
  }
