/** The connect form's fields, and how they become the contract's account draft. */
import type { AccountSummary } from '../../shared/accounts'
import { DEFAULT_RATE_LIMIT, DEFAULT_REGION, presets } from '../../shared/accounts'
import type { AccountDraft } from '../../shared/contract'
import type { EditableKind } from '../store/accounts-slice'

/** What the inputs hold: text as typed, so the server's validation can speak about it. */
export type AccountForm = {
  readonly kind: EditableKind
  readonly name: string
  /** Kept apart from the preset endpoints, so trying a preset does not lose what was typed. */
  readonly customEndpoint: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly forcePathStyle: boolean
  readonly caFile: string
  readonly rateLimit: string
}

export const kindLabels: Readonly<Record<EditableKind, string>> = {
  'dss-standard': 'Oort DSS Standard',
  'dss-archive': 'Oort DSS Archive',
  custom: 'Custom S3-compatible endpoint',
}

export const presetFor = (kind: EditableKind) => presets.find((preset) => preset.kind === kind)

/** A preset's endpoint is fixed; a custom one is whatever was typed. */
export const endpointOf = (form: AccountForm): string =>
  presetFor(form.kind)?.endpoint ?? form.customEndpoint

/** The name a new account gets from its kind, until the user types their own. */
const defaultName = (kind: EditableKind): string => presetFor(kind)?.label ?? ''

export const newAccountForm = (kind: EditableKind): AccountForm => ({
  kind,
  name: defaultName(kind),
  customEndpoint: '',
  region: DEFAULT_REGION,
  accessKeyId: '',
  secretAccessKey: '',
  forcePathStyle: true,
  caFile: '',
  rateLimit: String(DEFAULT_RATE_LIMIT),
})

/** The form for editing a saved account; the secret is never sent back, so it starts empty. */
export const accountFormFrom = (account: AccountSummary): AccountForm => ({
  kind: account.kind === 'sandbox' ? 'custom' : account.kind,
  name: account.name,
  customEndpoint: account.kind === 'custom' ? account.endpoint : '',
  region: account.region,
  accessKeyId: account.accessKeyId,
  secretAccessKey: '',
  forcePathStyle: account.forcePathStyle,
  caFile: account.caFile ?? '',
  rateLimit: String(account.rateLimit),
})

export const withKind = (form: AccountForm, kind: EditableKind): AccountForm => ({
  ...form,
  kind,
  name: form.name === '' || form.name === defaultName(form.kind) ? defaultName(kind) : form.name,
})

export const toDraft = (form: AccountForm): AccountDraft => ({
  name: form.name,
  kind: form.kind,
  endpoint: endpointOf(form),
  region: form.region,
  forcePathStyle: form.forcePathStyle,
  accessKeyId: form.accessKeyId,
  secretAccessKey: form.secretAccessKey,
  caFile: form.caFile.trim() === '' ? null : form.caFile.trim(),
  // An emptied field means "the default"; anything else goes as typed for the server to judge.
  ...(form.rateLimit.trim() === '' ? {} : { rateLimit: Number(form.rateLimit) }),
})
