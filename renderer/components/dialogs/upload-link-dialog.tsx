import '../share/share.css'
import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { ShareLink } from '../../../shared/share'
import { isFolderKey, joinKey, keyProblem } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import { contentTypeFor, DEFAULT_CONTENT_TYPE } from '../../../shared/content-types'
import type { Location } from '../../store/location'
import { ErrorNotice } from '../error-notice'
import { LinkExpiryFields, useLinkExpiry } from '../share/link-expiry-fields'
import { UploadLinkResult } from '../share/upload-link-result'
import { TextField } from '../text-field'
import { CancelButton, Modal } from './modal'
import { ResultFooter } from '../share/result-footer'
import { LinkReachNotice } from '../share/link-reach-notice'

/** Why a file name cannot be the key of an upload link here, or null. */
const nameProblem = (prefix: string, name: string): string | null => {
  if (name === '') return null
  if (isFolderKey(name)) return 'A file name cannot end with “/”.'
  return keyProblem(joinKey(prefix, name))
}

/**
 * "Upload link…": a presigned PUT for a new key in the open folder, so someone without an account
 * can send one file; the content type is fixed in the signature.
 */
export const UploadLinkDialog = ({ location }: { readonly location: Location }) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const createUploadLink = useAppStore((state) => state.createUploadLink)
  const entries = useAppStore((state) => state.listing?.entries)
  const [name, setName] = useState('')
  const [typed, setTyped] = useState<string | null>(null)
  const expiry = useLinkExpiry()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [link, setLink] = useState<ShareLink | null>(null)
  const key = joinKey(location.prefix, name)
  // The extension's type until the user types one of their own.
  const contentType = typed ?? (name === '' ? DEFAULT_CONTENT_TYPE : contentTypeFor(name))
  const problem = nameProblem(location.prefix, name)
  const exists = entries?.some((entry) => entry.key === key) ?? false
  const ready =
    name !== '' && problem === null && expiry.problem === null && contentType.trim() !== ''

  const create = async () => {
    const { seconds, signature } = expiry
    if (!ready || seconds === null || busy) return
    setBusy(true)
    const result = await createUploadLink(location, {
      key,
      contentType: contentType.trim(),
      expiresInSeconds: seconds,
      signature,
    })
    setBusy(false)
    if (result.ok) setLink(result.value)
    else setError(result.error)
  }

  if (link) {
    return (
      <Modal
        title="Upload link"
        subtitle={`${location.bucket}/${link.key}`}
        className="modal-share"
        onClose={closeDialog}
        footer={<ResultFooter onChangeSettings={() => setLink(null)} onDone={closeDialog} />}
      >
        <LinkReachNotice accountId={location.accountId} />
        <UploadLinkResult link={link} />
      </Modal>
    )
  }

  return (
    <Modal
      title="Upload link"
      subtitle={`Into ${location.bucket}/${location.prefix}`}
      className="modal-share"
      onClose={closeDialog}
      onSubmit={() => void create()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button type="submit" className="button button-primary" disabled={!ready || busy}>
            Create upload link
          </button>
        </>
      }
    >
      <TextField
        label="File name"
        value={name}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus into itself (WAI-ARIA dialog pattern)
        autoFocus
        spellCheck={false}
        placeholder="report.pdf"
        aria-invalid={problem !== null}
        hint={
          problem ??
          (exists
            ? `“${name}” is already here: an upload with this link replaces it.`
            : 'The key the uploaded file gets in this folder, exactly as typed.')
        }
        hintTone={problem === null ? 'normal' : 'error'}
        onChange={(value) => {
          setName(value)
          setError(null)
        }}
      />
      <TextField
        label="Content type"
        value={contentType}
        spellCheck={false}
        hint="Signed into the link: the upload must send exactly this type."
        onChange={setTyped}
      />
      <LinkReachNotice accountId={location.accountId} />
      <LinkExpiryFields expiry={expiry} accountId={location.accountId} bucket={location.bucket} />
      {error && <ErrorNotice title="Could not create the upload link" error={error} />}
    </Modal>
  )
}
