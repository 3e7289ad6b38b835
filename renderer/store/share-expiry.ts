/**
 * A link's expiry as the share dialogs let people choose it: a preset or a custom number of
 * minutes, hours or days, checked with the same rule main applies (shared/share.ts).
 */
import type { SignatureVersion } from '../../shared/share'
import { DEFAULT_EXPIRY_SECONDS, expiryPresets, expiryProblem } from '../../shared/share'

export const expiryUnits = ['minutes', 'hours', 'days'] as const
export type ExpiryUnit = (typeof expiryUnits)[number]

const unitSeconds: Readonly<Record<ExpiryUnit, number>> = {
  minutes: 60,
  hours: 3600,
  days: 86_400,
}

export type ExpiryChoice =
  | { readonly kind: 'preset'; readonly seconds: number }
  /** `amount` as typed, so a half-typed number is kept and explained. */
  | { readonly kind: 'custom'; readonly amount: string; readonly unit: ExpiryUnit }

export type ExpiryPreset = { readonly label: string; readonly seconds: number }

/** Only SigV2 links may live this long. */
export const legacyPresets: readonly ExpiryPreset[] = [
  { label: '30 days', seconds: 30 * 86_400 },
  { label: '1 year', seconds: 365 * 86_400 },
]

export const presetsFor = (signature: SignatureVersion): readonly ExpiryPreset[] =>
  signature === 'v2' ? [...expiryPresets, ...legacyPresets] : expiryPresets

export const defaultExpiry: ExpiryChoice = { kind: 'preset', seconds: DEFAULT_EXPIRY_SECONDS }

/** The choice in seconds, or null when a custom amount is not a number. */
export const secondsOf = (choice: ExpiryChoice): number | null => {
  if (choice.kind === 'preset') return choice.seconds
  const amount = choice.amount.trim()
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return null
  return Math.round(Number(amount) * unitSeconds[choice.unit])
}

/** A number of seconds as a custom value, in the largest unit that divides it (1 day → 1 days). */
export const customFrom = (seconds: number): ExpiryChoice => {
  const unit = [...expiryUnits].reverse().find((each) => seconds % unitSeconds[each] === 0)
  const chosen = unit ?? 'minutes'
  return { kind: 'custom', amount: String(seconds / unitSeconds[chosen]), unit: chosen }
}

/** Why the choice cannot be signed, or null: what the dialog shows and why Create is disabled. */
export const expiryChoiceProblem = (
  choice: ExpiryChoice,
  signature: SignatureVersion,
): string | null => {
  const seconds = secondsOf(choice)
  if (seconds === null) return 'Enter a number: how long the link stays valid.'
  return expiryProblem(seconds, signature)
}

/** A SigV2-only preset does not survive going back to SigV4: it becomes the longest SigV4 one. */
export const choiceForSignature = (
  choice: ExpiryChoice,
  signature: SignatureVersion,
): ExpiryChoice => {
  if (choice.kind !== 'preset' || signature === 'v2') return choice
  const offered = presetsFor('v4').some(({ seconds }) => seconds === choice.seconds)
  const longest = expiryPresets[expiryPresets.length - 1]?.seconds ?? DEFAULT_EXPIRY_SECONDS
  return offered ? choice : { kind: 'preset', seconds: longest }
}
