import { describe, expect, it } from 'vitest'
import type { ImportableAccount } from '../../shared/accounts'
import { newAccountForm, secretSourceNote, toDraft, withImported } from './account-form'

const profile: ImportableAccount = {
  source: 'profile',
  name: 'minio',
  accessKeyId: 'AKIAMINIO',
  endpoint: 'https://minio.example.com:9000',
  region: 'eu-west-1',
  forcePathStyle: false,
  hasSecret: true,
}

describe('filling the connect form from an AWS profile', () => {
  it('takes name, endpoint, region, keys and addressing, and points at the secret', () => {
    const form = withImported(
      { ...newAccountForm('dss-standard'), secretAccessKey: 'typed' },
      profile,
    )
    expect(form).toMatchObject({
      kind: 'custom',
      name: 'minio',
      customEndpoint: 'https://minio.example.com:9000',
      region: 'eu-west-1',
      accessKeyId: 'AKIAMINIO',
      forcePathStyle: false,
      secretAccessKey: '',
      secretFrom: { source: 'profile', name: 'minio' },
    })
    expect(toDraft(form)).toMatchObject({
      kind: 'custom',
      endpoint: 'https://minio.example.com:9000',
      secretAccessKey: '',
      secretFrom: { source: 'profile', name: 'minio' },
    })
  })

  it("picks a DSS preset when the profile's endpoint is that gateway's", () => {
    const form = withImported(newAccountForm('custom'), {
      ...profile,
      endpoint: 'HTTPS://s3-archive.oortech.com:443/',
    })
    expect(form.kind).toBe('dss-archive')
    expect(toDraft(form).endpoint).toBe('https://s3-archive.oortech.com')
  })

  it('keeps the chosen kind, endpoint and region when the profile has none', () => {
    const start = { ...newAccountForm('custom'), customEndpoint: 'https://s3.local' }
    const form = withImported(start, { ...profile, endpoint: null, region: null })
    expect(form).toMatchObject({
      kind: 'custom',
      customEndpoint: 'https://s3.local',
      region: 'us-east-1',
    })
  })

  it('asks for the secret when the profile has none', () => {
    const form = withImported(newAccountForm('custom'), { ...profile, hasSecret: false })
    expect(form.secretFrom).toBeNull()
    expect(toDraft(form).secretFrom).toBeNull()
  })

  it('sends a typed secret instead of the profile pointer', () => {
    const form = { ...withImported(newAccountForm('custom'), profile), secretAccessKey: 'typed' }
    expect(toDraft(form)).toMatchObject({ secretAccessKey: 'typed', secretFrom: null })
  })

  it('says where an imported secret stays', () => {
    expect(secretSourceNote({ source: 'profile', name: 'dss' })).toBe(
      'From profile dss (kept in the main process)',
    )
    expect(secretSourceNote({ source: 'environment', name: 'AWS_* environment variables' })).toBe(
      'From the AWS_* environment variables (kept in the main process)',
    )
  })
})
