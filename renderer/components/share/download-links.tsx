import { useId, useState } from 'react'
import type { LinkCheck, ShareLink } from '../../../shared/share'
import type { AppError } from '../../../shared/errors'
import { useAppStore } from '../../store/app-store'
import { ErrorNotice } from '../error-notice'
import { AlertIcon, CheckIcon, ExternalIcon } from '../icons'
import { Spinner } from '../spinner'
import { CopyButton } from './copy-button'
import { LinkExpiry } from './link-expiry'
import { QrCode } from './qr-code'

type Checked =
  | { readonly state: 'checking' }
  | { readonly state: 'done'; readonly check: LinkCheck }
  | { readonly state: 'failed'; readonly error: AppError }

/** What a check of the link found: one ranged GET, counted against the account's budget. */
const CheckResult = ({ checked }: { readonly checked: Checked }) => {
  if (checked.state === 'checking') {
    return (
      <p className="share-check" role="status">
        <Spinner /> Checking the link with one request…
      </p>
    )
  }
  if (checked.state === 'failed')
    return <ErrorNotice title="Could not check the link" error={checked.error} />
  const { ok, message } = checked.check
  return (
    <p className={ok ? 'share-check is-ok' : 'share-check is-failed'} role="status">
      {ok ? <CheckIcon /> : <AlertIcon />}
      {message}
    </p>
  )
}

/** One download link: the URL to copy, its expiry, open and check it, and its QR code. */
const OneLink = ({ link }: { readonly link: ShareLink }) => {
  const checkLink = useAppStore((state) => state.checkLink)
  const id = useId()
  const [checked, setChecked] = useState<Checked | null>(null)

  const check = async () => {
    setChecked({ state: 'checking' })
    const result = await checkLink(link.id)
    setChecked(
      result.ok ? { state: 'done', check: result.value } : { state: 'failed', error: result.error },
    )
  }

  return (
    <div className="share-result">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Link
        </label>
        <input
          id={id}
          className="input share-url"
          readOnly
          value={link.url}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <LinkExpiry link={link} />
      </div>
      <div className="share-buttons">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- once a link is made, copying it is the next step */}
        <CopyButton text={link.url} look="primary" autoFocus />
        <button
          type="button"
          className="button"
          // Electron hands a new window's http(s) URL to the system browser.
          onClick={() => window.open(link.url, '_blank', 'noopener')}
        >
          <ExternalIcon />
          Open in browser
        </button>
        <button
          type="button"
          className="button"
          disabled={checked?.state === 'checking'}
          onClick={() => void check()}
        >
          Check link
        </button>
      </div>
      {checked && <CheckResult checked={checked} />}
      <div className="qr-frame">
        <QrCode text={link.url} label="QR code for the link" />
      </div>
    </div>
  )
}

/** Several links: one per line, copied together; each is also in the link history. */
const ManyLinks = ({ links }: { readonly links: readonly ShareLink[] }) => {
  const id = useId()
  const text = links.map(({ url }) => url).join('\n')
  const [first] = links
  return (
    <div className="share-result">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {links.length} links, one per line
        </label>
        <textarea
          id={id}
          className="input share-urls"
          readOnly
          rows={Math.min(links.length, 8)}
          value={text}
          spellCheck={false}
          wrap="off"
          onFocus={(event) => event.target.select()}
        />
        {first && <LinkExpiry link={first} />}
      </div>
      <div className="share-buttons">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- once a link is made, copying it is the next step */}
        <CopyButton text={text} label="Copy all" look="primary" autoFocus />
      </div>
    </div>
  )
}

export const DownloadLinks = ({ links }: { readonly links: readonly ShareLink[] }) => {
  const [only] = links
  return links.length === 1 && only ? <OneLink link={only} /> : <ManyLinks links={links} />
}
