/**
 * Accounts the user already has for the AWS CLI: profiles in ~/.aws/credentials and
 * ~/.aws/config (or the files AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE name), and the AWS_*
 * environment variables. Secrets are read here and never leave the main process.
 */
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ImportableAccount } from '../../shared/accounts'

type Section = Record<string, string>
type Ini = Record<string, Section>

/** INI as the AWS CLI writes it, including one level of nested keys (`s3 =` then indented). */
export const parseIni = (text: string): Ini => {
  const sections: Ini = {}
  let current: Section | null = null
  let parent: string | null = null
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '')
    if (/^\s*([#;].*)?$/.test(line)) continue
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line)
    if (header) {
      current = {}
      sections[(header[1] ?? '').trim()] = current
      parent = null
      continue
    }
    const pair = /^(\s*)([^=]+?)\s*=\s*(.*)$/.exec(line)
    if (!pair || !current) continue
    const [, indent = '', key = '', value = ''] = pair
    if (indent.length > 0 && parent) current[`${parent}.${key}`] = value.trim()
    else if (value.trim() === '') parent = key
    else {
      parent = null
      current[key] = value.trim()
    }
  }
  return sections
}

const readIni = async (file: string): Promise<Ini> => {
  try {
    return parseIni(await readFile(file, 'utf8'))
  } catch {
    return {}
  }
}

export type ProfileSecret = { readonly accessKeyId: string; readonly secretAccessKey: string }

type Found = ImportableAccount & { readonly secretAccessKey: string | null }

const awsDir = (env: NodeJS.ProcessEnv): string => path.join(env.HOME ?? os.homedir(), '.aws')

/** Everything importable, with secrets (main-process only). */
export const findAwsAccounts = async (env: NodeJS.ProcessEnv = process.env): Promise<Found[]> => {
  const credentials = await readIni(
    env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(awsDir(env), 'credentials'),
  )
  const config = await readIni(env.AWS_CONFIG_FILE ?? path.join(awsDir(env), 'config'))
  const configFor = (name: string): Section =>
    config[name === 'default' ? 'default' : `profile ${name}`] ?? config[name] ?? {}
  const names = new Set([
    ...Object.keys(credentials),
    ...Object.keys(config).map((section) => section.replace(/^profile\s+/, '')),
  ])
  const found: Found[] = []
  for (const name of names) {
    const settings = { ...configFor(name), ...(credentials[name] ?? {}) }
    const accessKeyId = settings.aws_access_key_id
    if (!accessKeyId) continue
    found.push({
      source: 'profile',
      name,
      accessKeyId,
      endpoint: settings['s3.endpoint_url'] ?? settings.endpoint_url ?? null,
      region: settings.region ?? null,
      forcePathStyle: settings['s3.addressing_style'] !== 'virtual',
      hasSecret: Boolean(settings.aws_secret_access_key),
      secretAccessKey: settings.aws_secret_access_key ?? null,
    })
  }
  if (env.AWS_ACCESS_KEY_ID) {
    found.push({
      source: 'environment',
      name: 'AWS_* environment variables',
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      endpoint: env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL ?? null,
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? null,
      forcePathStyle: true,
      hasSecret: Boolean(env.AWS_SECRET_ACCESS_KEY),
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? null,
    })
  }
  return found
}

/** What the renderer may see: the same, without the secret. */
export const listImportable = async (env?: NodeJS.ProcessEnv): Promise<ImportableAccount[]> =>
  (await findAwsAccounts(env)).map(({ secretAccessKey: _secret, ...visible }) => visible)

/** The secret of one importable account, for saving or testing it. */
export const importedSecret = async (
  source: ImportableAccount['source'],
  name: string,
  env?: NodeJS.ProcessEnv,
): Promise<string | null> =>
  (await findAwsAccounts(env)).find((found) => found.source === source && found.name === name)
    ?.secretAccessKey ?? null
