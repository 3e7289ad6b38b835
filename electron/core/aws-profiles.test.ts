import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findAwsAccounts, importedSecret, listImportable, parseIni } from './aws-profiles'

let dir: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dss-aws-'))
  await writeFile(
    path.join(dir, 'credentials'),
    `[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = default/secret+key

[dss]
aws_access_key_id=AKIADSS
aws_secret_access_key=dss-secret ; trailing comment
`,
  )
  await writeFile(
    path.join(dir, 'config'),
    `# my config
[default]
region = eu-west-1

[profile dss]
region = us-east-1
s3 =
  endpoint_url = https://s3-standard.oortech.com
  addressing_style = path

[profile no-keys]
region = us-west-2
`,
  )
  env = {
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_ACCESS_KEY_ID: 'AKIAENV',
    AWS_SECRET_ACCESS_KEY: 'env-secret',
    AWS_ENDPOINT_URL_S3: 'https://minio.example.test',
  }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('AWS CLI profiles', () => {
  it('parses INI with nested keys and comments', () => {
    expect(parseIni('[a]\nx = 1 # note\ns3 =\n  endpoint_url = https://e\ny=2')).toEqual({
      a: { x: '1', 's3.endpoint_url': 'https://e', y: '2' },
    })
  })

  it('finds profiles from both files and the environment', async () => {
    const found = await findAwsAccounts(env)
    expect(found).toEqual([
      expect.objectContaining({
        source: 'profile',
        name: 'default',
        accessKeyId: 'AKIADEFAULT',
        region: 'eu-west-1',
        endpoint: null,
      }),
      expect.objectContaining({
        source: 'profile',
        name: 'dss',
        accessKeyId: 'AKIADSS',
        region: 'us-east-1',
        endpoint: 'https://s3-standard.oortech.com',
        secretAccessKey: 'dss-secret',
      }),
      expect.objectContaining({
        source: 'environment',
        accessKeyId: 'AKIAENV',
        endpoint: 'https://minio.example.test',
      }),
    ])
  })

  it('never lists a secret for the renderer', async () => {
    const listed = await listImportable(env)
    expect(listed).toHaveLength(3)
    const text = JSON.stringify(listed)
    for (const secret of ['default/secret+key', 'dss-secret', 'env-secret'])
      expect(text).not.toContain(secret)
    expect(listed.every((account) => account.hasSecret)).toBe(true)
  })

  it('reads the secret of one account in the main process', async () => {
    expect(await importedSecret('profile', 'default', env)).toBe('default/secret+key')
    expect(await importedSecret('environment', 'AWS_* environment variables', env)).toBe(
      'env-secret',
    )
    expect(await importedSecret('profile', 'missing', env)).toBeNull()
  })

  it('finds nothing, quietly, when there are no files', async () => {
    expect(await findAwsAccounts({ HOME: path.join(dir, 'nowhere') })).toEqual([])
  })
})
