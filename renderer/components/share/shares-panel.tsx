import './share.css'
import { useEffect } from 'react'
import type { ShareLink } from '../../../shared/share'
import { useAppStore } from '../../store/app-store'
import { selectSelectedAccount } from '../../store/selectors'
import { ErrorNotice } from '../error-notice'
import { countOf } from '../format'
import { CloseIcon } from '../icons'
import { Spinner } from '../spinner'
import { countdownText, isExpired } from './share-format'
import { ShareItem } from './share-item'
import { useNow } from './use-now'
import { PanelRegion } from '../panel-region'

export const SHARES_PANEL_ID = 'shares-panel'

/** More rows than this are counted, not drawn. */
const SHOWN = 500

const noLinks: readonly ShareLink[] = []

/** Live links first, newest first; expired ones after them. */
const inOrder = (links: readonly ShareLink[], now: number) => {
  const live: ShareLink[] = []
  const expired: ShareLink[] = []
  for (const link of links) (isExpired(link, now) ? expired : live).push(link)
  return { live, expired }
}

/**
 * The open account's issued links over the status bar, with a countdown each (redrawn every
 * second while the panel is open); copy, re-sign, forget, clear expired. Kept on this computer.
 */
export const SharesPanel = () => {
  const open = useAppStore((state) => state.sharesPanelOpen)
  // Mounted only while open: its clock and its history load start when it opens.
  return open ? <OpenSharesPanel /> : null
}

const OpenSharesPanel = () => {
  const account = useAppStore(selectSelectedAccount)
  const history = useAppStore((state) => state.shareHistory)
  const error = useAppStore((state) => state.sharesError)
  const setOpen = useAppStore((state) => state.setSharesPanelOpen)
  const loadShareHistory = useAppStore((state) => state.loadShareHistory)
  const clearExpiredLinks = useAppStore((state) => state.clearExpiredLinks)
  const now = useNow(1000)
  const accountId = account?.id ?? null

  useEffect(() => {
    if (accountId !== null) void loadShareHistory(accountId)
  }, [accountId, loadShareHistory])

  const close = () => setOpen(false)
  const links = history?.accountId === accountId ? history.links : noLinks
  const loading = history?.accountId === accountId && history.state === 'loading'
  // A few hundred links split in well under a millisecond: done on every tick, so a link that
  // expires moves down at once. Rows redraw only when their countdown text changes.
  const { live, expired } = inOrder(links, now)
  const rows = [...live, ...expired]

  return (
    <PanelRegion
      id={SHARES_PANEL_ID}
      label="Links"
      className="tray-panel shares-panel"
      onClose={close}
    >
      <header className="tray-header shares-header">
        <h2 className="tray-title">Links</h2>
        {account && <span className="shares-account">{account.name}</span>}
        <button
          type="button"
          className="button button-quiet"
          disabled={expired.length === 0}
          onClick={() => accountId !== null && void clearExpiredLinks(accountId)}
        >
          Clear expired
        </button>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Close links"
          onClick={close}
        >
          <CloseIcon />
        </button>
      </header>
      {error && <ErrorNotice error={error} />}
      {account === null ? (
        <p className="shares-empty">No account is open.</p>
      ) : loading ? (
        <p className="shares-empty" role="status">
          <Spinner /> Loading links…
        </p>
      ) : rows.length === 0 ? (
        <p className="shares-empty">
          No links yet. Select files and choose Share link, or press Ctrl/⌘+L to copy one. Links are
          kept on this computer only.
        </p>
      ) : (
        <>
          <p className="shares-summary" data-testid="shares-summary">
            {countOf(live.length, 'live link')}
            {expired.length > 0 && `, ${expired.length.toLocaleString()} expired`}
          </p>
          <ul className="shares-list">
            {rows.slice(0, SHOWN).map((link, index) => (
              <ShareItem
                key={link.id}
                link={link}
                countdown={countdownText(link, now)}
                expired={index >= live.length}
              />
            ))}
            {rows.length > SHOWN && (
              <li className="shares-more">and {(rows.length - SHOWN).toLocaleString()} more</li>
            )}
          </ul>
        </>
      )}
    </PanelRegion>
  )
}
