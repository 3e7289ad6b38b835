import { memo, useState } from 'react'
import type { ShareLink } from '../../../shared/share'
import { baseName, parentPrefix } from '../../../shared/s3-keys'
import { appStore } from '../../store/app-store'
import { DownloadIcon, RetryIcon, CloseIcon, UploadIcon } from '../icons'
import { CopyButton } from './copy-button'
import { exactTime } from './share-format'

type Props = {
  readonly link: ShareLink
  /** `expires in 42 min`: worked out by the panel, so a row redraws only when its text changes. */
  readonly countdown: string
  readonly expired: boolean
}

/** One issued link: what it opens, how it is signed, its countdown; copy, re-sign, forget. */
export const ShareItem = memo(function ShareItem({ link, countdown, expired }: Props) {
  const [busy, setBusy] = useState(false)
  const upload = link.kind === 'upload'
  const where = `${link.bucket}/${parentPrefix(link.key)}`
  const run = async (action: (id: string) => Promise<unknown>) => {
    setBusy(true)
    await action(link.id)
    setBusy(false)
  }

  return (
    <li
      className="share-item"
      data-testid="share-link"
      data-expired={expired || undefined}
      aria-label={baseName(link.key)}
    >
      <div className="share-item-head">
        <span className="share-kind" title={upload ? 'Upload link' : 'Download link'}>
          {upload ? <UploadIcon /> : <DownloadIcon />}
        </span>
        <span className="share-item-name" title={`${link.bucket}/${link.key}`}>
          {baseName(link.key)}
        </span>
        <span className="share-item-place" title={`${link.bucket}/${link.key}`}>
          {where}
        </span>
        <span
          className={expired ? 'share-countdown is-expired' : 'share-countdown'}
          title={`${expired ? 'Expired' : 'Expires'} ${exactTime(new Date(link.expiresAt))}`}
        >
          {countdown}
        </span>
      </div>
      <div className="share-item-meta">
        <span className="share-tag">{upload ? 'Upload' : 'Download'}</span>
        <span className={link.signature === 'v2' ? 'share-tag is-legacy' : 'share-tag'}>
          {link.signature === 'v2' ? 'SigV2 legacy' : 'SigV4'}
        </span>
        <span className="row-actions share-item-actions">
          {!expired && <CopyButton text={link.url} look="small" />}
          <button
            type="button"
            className="row-action"
            disabled={busy}
            title="Sign it again with the same settings, valid from now"
            onClick={() => void run(appStore.getState().resignLink)}
          >
            <RetryIcon />
            Re-sign
          </button>
          <button
            type="button"
            className="row-action"
            disabled={busy}
            title="Remove it from the history (the link itself works until it expires)"
            onClick={() => void run(appStore.getState().forgetLink)}
          >
            <CloseIcon />
            Forget
          </button>
        </span>
      </div>
    </li>
  )
})
