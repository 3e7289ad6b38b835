import { describe, expect, it } from 'vitest'
import { checkEndpoint, endpointFor, isLoopbackHost } from './endpoint'

const codeOf = (raw: string): string => {
  try {
    checkEndpoint(raw)
    return 'accepted'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('endpoints', () => {
  it('always uses the DSS presets’ own HTTPS endpoints', () => {
    expect(endpointFor('dss-standard', 'http://127.0.0.1:1')).toBe(
      'https://s3-standard.oortech.com',
    )
    expect(endpointFor('dss-archive', '')).toBe('https://s3-archive.oortech.com')
    expect(endpointFor('custom', 'https://minio.local:9000')).toBe('https://minio.local:9000')
  })

  it('accepts https anywhere and http only on this computer, marked insecure', () => {
    expect(checkEndpoint('https://s3.example.com')).toEqual({
      url: 'https://s3.example.com',
      host: 's3.example.com',
      insecure: false,
    })
    expect(checkEndpoint(' http://127.0.0.1:9000/ ')).toEqual({
      url: 'http://127.0.0.1:9000',
      host: '127.0.0.1:9000',
      insecure: true,
    })
    expect(checkEndpoint('http://localhost:9000').insecure).toBe(true)
    expect(checkEndpoint('http://[::1]:9000').insecure).toBe(true)
  })

  it('refuses plain http to any other host', () => {
    expect(codeOf('http://s3-standard.oortech.com')).toBe('HTTPS_REQUIRED')
    expect(codeOf('http://192.168.1.5:9000')).toBe('HTTPS_REQUIRED')
    expect(codeOf('http://localhost.evil.example')).toBe('HTTPS_REQUIRED')
  })

  it('refuses what is not an endpoint, with a specific message', () => {
    expect(codeOf('s3.example.com')).toBe('INVALID_ENDPOINT')
    expect(codeOf('ftp://s3.example.com')).toBe('INVALID_ENDPOINT')
    expect(codeOf('https://s3.example.com/bucket')).toBe('INVALID_ENDPOINT')
    expect(codeOf('https://AKIA:secret@s3.example.com')).toBe('INVALID_ENDPOINT')
    expect(codeOf('https://s3.example.com?x=1')).toBe('INVALID_ENDPOINT')
  })

  it('knows the loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('127.3.2.1')).toBe(true)
    expect(isLoopbackHost('LOCALHOST')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
  })
})
