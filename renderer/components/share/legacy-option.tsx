import { useEffect } from 'react'
import { useAppStore } from '../../store/app-store'
import { Spinner } from '../spinner'

type Props = {
  readonly accountId: string
  readonly bucket: string
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
}

/**
 * "Long-lived link (SigV2, legacy)": offered only once main has found that the endpoint accepts
 * SigV2 query signatures (it asks when the dialog opens); otherwise says why not.
 */
export const LegacyOption = ({ accountId, bucket, checked, onChange }: Props) => {
  const check = useAppStore((state) => state.sigV2Checks.get(accountId) ?? null)
  const checkSigV2 = useAppStore((state) => state.checkSigV2)

  useEffect(() => {
    void checkSigV2(accountId, bucket)
  }, [checkSigV2, accountId, bucket])

  const supported = check?.state === 'checked' && check.support.supported
  const recheck = (
    <button
      type="button"
      className="link-button"
      onClick={() => void checkSigV2(accountId, bucket, true)}
    >
      Check again
    </button>
  )

  return (
    <div className={checked ? 'share-legacy is-on' : 'share-legacy'}>
      <label className="field field-check">
        <input
          type="checkbox"
          checked={checked}
          disabled={!supported}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>Long-lived link (SigV2, legacy)</span>
      </label>
      <p className="field-hint" aria-live="polite">
        {check === null || check.state === 'checking' ? (
          <>
            <Spinner /> Checking whether this endpoint accepts SigV2 links…
          </>
        ) : check.state === 'failed' ? (
          <>
            Could not check whether this endpoint accepts SigV2 links: {check.error.message}{' '}
            {recheck}
          </>
        ) : !check.support.supported ? (
          <>
            Not available: this endpoint does not accept SigV2 links ({check.support.detail}). Links
            are signed with SigV4, which caps them at 7 days. {recheck}
          </>
        ) : checked ? (
          <>
            Signed with SigV2, the scheme S3 used before SigV4. It is legacy: it works only while
            the endpoint keeps accepting it, and the link stays valid until it expires unless the
            access key is disabled.
          </>
        ) : (
          <>
            SigV4 links live at most 7 days. This endpoint also accepts the older SigV2 signature (
            {check.support.detail}), which can sign links for longer.
          </>
        )}
      </p>
    </div>
  )
}
