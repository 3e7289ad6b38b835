/** Account settings shared by both sides. Secrets live only in the main process. */

export const accountKinds = ['sandbox', 'dss-standard', 'dss-archive', 'custom'] as const
export type AccountKind = (typeof accountKinds)[number]

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_RATE_LIMIT = 100
export const SANDBOX_ACCOUNT_ID = 'sandbox'

export type Preset = {
  readonly kind: Exclude<AccountKind, 'custom' | 'sandbox'>
  readonly label: string
  readonly endpoint: string
  readonly description: string
}

export const presets: readonly Preset[] = [
  {
    kind: 'dss-standard',
    label: 'Oort DSS Standard',
    endpoint: 'https://s3-standard.oortech.com',
    description: 'Hot storage for everyday files.',
  },
  {
    kind: 'dss-archive',
    label: 'Oort DSS Archive',
    endpoint: 'https://s3-archive.oortech.com',
    description: 'Low-cost storage for data you rarely read.',
  },
]

/** What the renderer may know about an account: everything but the secret. */
export type AccountSummary = {
  readonly id: string
  readonly name: string
  readonly kind: AccountKind
  readonly endpoint: string
  readonly region: string
  readonly forcePathStyle: boolean
  readonly accessKeyId: string
  readonly hasSecret: boolean
  readonly caFile: string | null
  readonly rateLimit: number
  /** Plain http (allowed only on loopback): shown with a warning. */
  readonly insecure: boolean
}

export type BucketSummary = {
  readonly name: string
  readonly createdAt: string | null
}

export type ConnectionReport = {
  readonly bucketCount: number
  readonly latencyMs: number
}

export type SandboxStatus =
  | { readonly state: 'stopped' }
  | { readonly state: 'starting' }
  | { readonly state: 'ready'; readonly endpoint: string }
  | { readonly state: 'failed'; readonly message: string }

export type AppInfo = {
  readonly version: string
  readonly shell: 'electron' | 'web'
  readonly platform: string
  /** Where account secrets are kept; the UI warns when they are not encrypted. */
  readonly secretStorage?: { readonly description: string; readonly encrypted: boolean }
  /** Data files that could not be read and were set aside since the start, in plain words. */
  readonly notices?: readonly string[]
}

/** An account found in the AWS CLI's files or environment, offered for import (no secret). */
export type ImportableAccount = {
  readonly source: 'profile' | 'environment'
  readonly name: string
  readonly accessKeyId: string
  readonly endpoint: string | null
  readonly region: string | null
  readonly forcePathStyle: boolean
  readonly hasSecret: boolean
}
