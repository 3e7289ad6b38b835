import { useState } from 'react'
import type { SignatureVersion } from '../../../shared/share'
import type { ExpiryChoice } from '../../store/share-expiry'
import {
  choiceForSignature,
  defaultExpiry,
  expiryChoiceProblem,
  secondsOf,
} from '../../store/share-expiry'
import { ExpiryPicker } from './expiry-picker'
import { LegacyOption } from './legacy-option'

export type LinkExpiry = {
  readonly choice: ExpiryChoice
  readonly legacy: boolean
  readonly signature: SignatureVersion
  /** Why the chosen expiry cannot be signed, or null. */
  readonly problem: string | null
  /** The chosen expiry in seconds, null while it is not a number. */
  readonly seconds: number | null
  setChoice(choice: ExpiryChoice): void
  /** Turns the legacy SigV2 option on or off, bringing the choice within its limits. */
  setLegacy(on: boolean): void
}

/** How long a link being made lives, and whether it is a legacy SigV2 link (both dialogs). */
export const useLinkExpiry = (): LinkExpiry => {
  const [choice, setChoice] = useState<ExpiryChoice>(defaultExpiry)
  const [legacy, setLegacyState] = useState(false)
  const signature = legacy ? 'v2' : 'v4'
  return {
    choice,
    legacy,
    signature,
    problem: expiryChoiceProblem(choice, signature),
    seconds: secondsOf(choice),
    setChoice,
    setLegacy(on) {
      setLegacyState(on)
      setChoice(choiceForSignature(choice, on ? 'v2' : 'v4'))
    },
  }
}

/** The expiry picker and, where the endpoint takes it, the legacy SigV2 option. */
export const LinkExpiryFields = ({
  expiry,
  accountId,
  bucket,
}: {
  readonly expiry: LinkExpiry
  readonly accountId: string
  readonly bucket: string
}) => (
  <>
    <ExpiryPicker choice={expiry.choice} signature={expiry.signature} onChange={expiry.setChoice} />
    <LegacyOption
      accountId={accountId}
      bucket={bucket}
      checked={expiry.legacy}
      onChange={expiry.setLegacy}
    />
  </>
)
