import { useId, useState } from 'react'
import type { ImportableAccount } from '../../shared/accounts'
import { endpointHost } from './format'

type Props = {
  readonly accounts: readonly ImportableAccount[]
  readonly onPick: (account: ImportableAccount) => void
}

const valueOf = ({ source, name }: ImportableAccount): string => `${source}:${name}`

/** `dss · AKIA… · s3.example.com`: enough to tell profiles apart; never a secret. */
const optionText = ({ name, accessKeyId, endpoint }: ImportableAccount): string =>
  [name, accessKeyId, endpoint === null ? null : endpointHost(endpoint)]
    .filter((part) => part !== null)
    .join(' · ')

/** A compact select over the AWS CLI's profiles (and AWS_* variables) that fills the form. */
export const ImportPicker = ({ accounts, onPick }: Props) => {
  const id = useId()
  const [picked, setPicked] = useState('')
  if (accounts.length === 0) return null

  return (
    <div className="import-picker">
      <label className="field-label" htmlFor={id}>
        Import from AWS profile
      </label>
      <select
        id={id}
        className="input"
        value={picked}
        onChange={(event) => {
          const account = accounts.find((each) => valueOf(each) === event.target.value)
          setPicked(event.target.value)
          if (account) onPick(account)
        }}
      >
        <option value="" disabled>
          Choose a profile…
        </option>
        {accounts.map((account) => (
          <option key={valueOf(account)} value={valueOf(account)}>
            {optionText(account)}
          </option>
        ))}
      </select>
    </div>
  )
}
