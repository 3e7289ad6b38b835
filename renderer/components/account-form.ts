/** The connect form's fields, and how they become the contract's account draft. */
import type { AccountSummary, ImportableAccount } from '../../shared/accounts'
import { DEFAULT_RATE_LIMIT, DEFAULT_REGION, presets } from '../../shared/accounts'
import type { AccountDraft } from '../../shared/contract'
import type { EditableKind } from '../store/accounts-slice'

export type SecretSource = Pick<ImportableAccount, 'source' | 'name'>

/** What the inputs hold: text as typed, so the server's validation can speak about it. */
export type AccountForm = {
  readonly kind: EditableKind
  readonly name: string
  /** Kept apart from the preset endpoints, so trying a preset does not lose what was typed. */
  readonly customEndpoint: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** The secret stays in main, in the AWS profile (or variables) this names. */
  readonly secretFrom: SecretSource | null
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
  secretFrom: null,
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
  secretFrom: null,
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
  // A typed secret wins; the form clears `secretFrom` as soon as one is typed anyway.
  secretFrom: form.secretAccessKey === '' ? form.secretFrom : null,
  caFile: form.caFile.trim() === '' ? null : form.caFile.trim(),
  // An emptied field means "the default"; anything else goes as typed for the server to judge.
  ...(form.rateLimit.trim() === '' ? {} : { rateLimit: Number(form.rateLimit) }),
})

/** Endpoints compare without case, a trailing slash or the default https port. */
const sameEndpoint = (a: string, b: string): boolean => {
  const normal = (endpoint: string) =>
    endpoint
      .trim()
      .toLowerCase()
      .replace(/\/+$/, '')
      .replace(/^(https:\/\/[^/]+):443$/, '$1')
  return normal(a) === normal(b)
}

/**
 * The form filled from an AWS CLI profile: its name, keys and settings, and a pointer to its
 * secret (which main reads; the renderer never sees it). A DSS gateway's endpoint picks its
 * preset; any other endpoint makes the account custom; no endpoint keeps the chosen kind.
 */
export const withImported = (form: AccountForm, imported: ImportableAccount): AccountForm => {
  const { endpoint } = imported
  const preset =
    endpoint === null ? undefined : presets.find((each) => sameEndpoint(each.endpoint, endpoint))
  return {
    ...form,
    ...(endpoint === null ? {} : { kind: preset?.kind ?? 'custom' }),
    ...(endpoint === null || preset ? {} : { customEndpoint: endpoint }),
    name: imported.name,
    region: imported.region ?? form.region,
    accessKeyId: imported.accessKeyId,
    forcePathStyle: imported.forcePathStyle,
    secretAccessKey: '',
    // A profile without a secret leaves the field for the user to fill.
    secretFrom: imported.hasSecret ? { source: imported.source, name: imported.name } : null,
  }
}

/** What the secret field says about an imported secret. */
export const secretSourceNote = (from: SecretSource): string =>
  from.source === 'profile'
    ? `From profile ${from.name} (kept in the main process)`
    : 'From the AWS_* environment variables (kept in the main process)'
