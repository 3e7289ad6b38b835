import { useId } from 'react'
import type { ShareLink } from '../../../shared/share'
import { CopyButton } from './copy-button'
import { LinkExpiry } from './link-expiry'

/** The issued upload link: its URL, a curl command that uses it, and its expiry. */
export const UploadLinkResult = ({ link }: { readonly link: ShareLink }) => {
  const id = useId()
  return (
    <div className="share-result">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-url`}>
          Link
        </label>
        <input
          id={`${id}-url`}
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
        <CopyButton text={link.url} label="Copy link" look="primary" autoFocus />
      </div>
      {link.curl && (
        <div className="field">
          <span className="field-label" id={`${id}-curl`}>
            With curl (replace FILE with the file to send)
          </span>
          <pre className="share-command" aria-labelledby={`${id}-curl`} data-testid="curl">
            <code>{link.curl}</code>
          </pre>
          <div className="share-buttons">
            <CopyButton text={link.curl} label="Copy command" />
          </div>
        </div>
      )}
      <p className="share-note">
        The upload must be a PUT with <code>Content-Type: {link.contentType}</code>: the type is
        part of the signature, and the object gets it. An upload replaces an object of the same
        name.
      </p>
    </div>
  )
}
