import { useId } from 'react'
import type { AppInfo } from '../../shared/accounts'
import type { SecretSource } from './account-form'
import { secretSourceNote } from './account-form'
import { AlertIcon, KeyIcon, LockIcon } from './icons'

type Props = {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly placeholder?: string
  /** Set when the secret comes from an AWS profile: the field then stays empty. */
  readonly secretFrom: SecretSource | null
  /** An imported profile that has no secret, to ask for it. */
  readonly missingFrom: string | null
  /** Where main keeps secrets; unknown (older core) leaves the note out. */
  readonly storage: AppInfo['secretStorage'] | undefined
}

/** The secret key input, where its value comes from, and where main will keep it. */
export const SecretField = ({
  value,
  onChange,
  placeholder,
  secretFrom,
  missingFrom,
  storage,
}: Props) => {
  const id = useId()
  const sourceId = `${id}-source`
  const storageId = `${id}-storage`
  const describedBy = [secretFrom || missingFrom ? sourceId : '', storage ? storageId : '']
    .filter(Boolean)
    .join(' ')

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Secret key
      </label>
      <input
        id={id}
        className="input"
        type="password"
        value={value}
        placeholder={secretFrom ? 'from the AWS profile' : placeholder}
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {secretFrom && (
        <p className="field-hint secret-source" id={sourceId} data-testid="secret-source">
          <KeyIcon />
          {secretSourceNote(secretFrom)}
        </p>
      )}
      {!secretFrom && missingFrom && (
        <p className="field-hint" id={sourceId} data-testid="secret-source">
          Profile {missingFrom} has no secret key: enter it here.
        </p>
      )}
      {storage &&
        (storage.encrypted ? (
          <p
            className="field-hint secret-storage"
            id={storageId}
            data-testid="secret-storage"
            data-encrypted="true"
          >
            <LockIcon />
            Saved in {storage.description}
          </p>
        ) : (
          <p
            className="field-warning"
            id={storageId}
            data-testid="secret-storage"
            data-encrypted="false"
          >
            <AlertIcon />
            Secrets are saved in a file readable only by you (no system keychain found)
          </p>
        ))}
    </div>
  )
}
