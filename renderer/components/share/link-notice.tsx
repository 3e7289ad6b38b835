import './share.css'
import { useEffect } from 'react'
import { useAppStore } from '../../store/app-store'
import type { LinkNotice as Notice } from '../../store/shares-slice'
import { countOf } from '../format'
import { AlertIcon, CheckIcon } from '../icons'
import { shortTime } from './share-format'

/** How long the notice stays. */
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

/** What Ctrl/Cmd+L did (or main's notices), for a few seconds at the bottom of the window. */
export const LinkNotice = () => {
  const notice = useAppStore((state) => state.linkNotice)
  const dismiss = useAppStore((state) => state.dismissLinkNotice)

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => dismiss(notice.id), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [notice, dismiss])

  return (
    <div className="link-notice-host" role="status" aria-live="polite">
      {notice && (
        <p className={failed(notice) ? 'link-notice is-failed' : 'link-notice'}>
          {failed(notice) ? <AlertIcon /> : <CheckIcon />}
          {textOf(notice)}
        </p>
      )}
    </div>
  )
}
