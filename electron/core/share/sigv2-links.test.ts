/** Our SigV2 query signer, against the AWS documentation's example and S3's encoding rules. */
import { describe, expect, it } from 'vitest'
import { canonicalResource, encodeKeyPath, presignV2Url, signV2, stringToSign } from './sigv2-links'

// The query-string authentication example of the Amazon S3 Developer Guide (RESTAuthentication).
const example = {
  endpoint: 'https://s3.amazonaws.com',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
}
const puppy = {
  method: 'GET',
  bucket: 'johnsmith',
  key: 'photos/puppy.jpg',
  expires: 1175139620,
} as const

describe('SigV2 query authentication', () => {
  it('signs the AWS documentation example to its published signature', () => {
    expect(stringToSign(puppy)).toBe('GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg')
    expect(signV2(example.secretAccessKey, puppy)).toBe('NpgCjnDzrM+WFzoENXmpNDUsSn8=')
    expect(presignV2Url(example, puppy)).toBe(
      'https://s3.amazonaws.com/johnsmith/photos/puppy.jpg' +
        '?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620' +
        '&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D',
    )
  })

  it('signs the content type of an upload', () => {
    expect(
      stringToSign({ ...puppy, method: 'PUT', contentType: 'image/jpeg; charset=binary' }),
    ).toBe('PUT\n\nimage/jpeg; charset=binary\n1175139620\n/johnsmith/photos/puppy.jpg')
  })

  it('signs response overrides sorted and unencoded, and sends them encoded', () => {
    const request = {
      ...puppy,
      overrides: {
        'response-content-type': 'text/plain; charset=utf-8',
        'response-content-disposition': `attachment; filename="a b.txt"; filename*=UTF-8''a%20b.txt`,
      },
    }
    expect(canonicalResource(request)).toBe(
      '/johnsmith/photos/puppy.jpg' +
        `?response-content-disposition=attachment; filename="a b.txt"; filename*=UTF-8''a%20b.txt` +
        '&response-content-type=text/plain; charset=utf-8',
    )
    const url = new URL(presignV2Url(example, request))
    expect(url.search).toContain(
      '&response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22%3B%20filename%2A%3DUTF-8%27%27a%2520b.txt' +
        '&response-content-type=text%2Fplain%3B%20charset%3Dutf-8',
    )
    expect(url.searchParams.get('response-content-type')).toBe('text/plain; charset=utf-8')
  })

  it('encodes odd keys like S3 (every byte but "/" and unreserved ones), never normalising', () => {
    expect(encodeKeyPath("odd/a+b #c ?d &e %20f (1)!*'.txt")).toBe(
      'odd/a%2Bb%20%23c%20%3Fd%20%26e%20%2520f%20%281%29%21%2A%27.txt',
    )
    expect(encodeKeyPath('cafe\u0301/caf\u00e9')).toBe('cafe%CC%81/caf%C3%A9')
    const url = presignV2Url(example, { ...puppy, key: ' a?b ' })
    expect(url.startsWith('https://s3.amazonaws.com/johnsmith/%20a%3Fb%20?AWSAccessKeyId=')).toBe(
      true,
    )
    expect(stringToSign({ ...puppy, key: ' a?b ' })).toMatch(/\n\/johnsmith\/%20a%3Fb%20$/)
  })
})
