import './share.css'
import { useEffect } from 'react'
import { useAppStore } from '../../store/app-store'
import type { LinkNotice as Notice } from '../../store/shares-slice'
import { countOf } from '../format'
import { AlertIcon, CheckIcon, CloseIcon } from '../icons'
import { shortTime } from './share-format'

/** How long a notice that something worked stays. */
const SHOWN_MS = 4000

const textOf = (notice: Notice): string => {
  if (notice.kind === 'app') return notice.message
  if (notice.kind === 'failed') return `No link copied: ${notice.error.message}`
  const time = shortTime(new Date(notice.expiresAt), new Date(notice.issuedAt))
  const what = notice.count === 1 ? 'Link copied' : `${countOf(notice.count, 'link')} copied`
  const skipped =
    notice.skippedFolders > 0 ? ` (${countOf(notice.skippedFolders, 'folder')} left out)` : ''
  return `${what} — ${notice.count === 1 ? 'expires' : 'expire'} ${time}${skipped}`
}

const failed = (notice: Notice): boolean =>
  notice.kind === 'failed' || (notice.kind === 'app' && notice.level === 'error')

/**
 * What Ctrl/Cmd+L did (or main's notices) at the bottom of the window: a success for a few
 * seconds; a failure until it is dismissed or the next notice takes its place, so a message
 * such as a state file set aside at start-up is never gone before it could be read.
 */
export const LinkNotice = () => {
  const notice = useAppStore((state) => state.linkNotice)
  const dismiss = useAppStore((state) => state.dismissLinkNotice)
  const sticky = notice !== null && failed(notice)

  useEffect(() => {
    if (!notice || sticky) return
    const timer = setTimeout(() => dismiss(notice.id), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [notice, sticky, dismiss])

  return (
    <div className="link-notice-host" role="status" aria-live="polite">
      {notice && (
        <div className={sticky ? 'link-notice is-failed' : 'link-notice'}>
          {sticky ? <AlertIcon /> : <CheckIcon />}
          <p className="link-notice-text">{textOf(notice)}</p>
          {sticky && (
            <button
              type="button"
              className="button button-quiet button-icon"
              aria-label="Dismiss"
              onClick={() => dismiss(notice.id)}
            >
              <CloseIcon />
            </button>
          )}
        </div>
      )}
    </div>
  )
}
