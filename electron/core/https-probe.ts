/**
 * Before credentials go to a plain-http endpoint (allowed only on loopback), one anonymous request
 * checks that the server does not redirect to HTTPS, as the DSS gateway does: a signed request
 * would otherwise have crossed plain http first.
 */
import http from 'node:http'
import { CodedError } from '../../shared/errors'
import { timeoutError } from './request-limits'

export const refuseIfRedirectsToHttps = (
  endpoint: string,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      `${endpoint}/`,
      { method: 'HEAD', timeout: options.timeoutMs, agent: false, signal: options.signal },
      (response) => {
        response.resume()
        const location = response.headers.location ?? ''
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400 && location.startsWith('https:')) {
          const target = new URL(location)
          reject(
            new CodedError(
              'HTTPS_REQUIRED',
              `This endpoint requires HTTPS: it redirects to https://${target.host}. Use that address; your keys were not sent over plain http.`,
            ),
          )
        } else {
          resolve()
        }
      },
    )
    request.on('timeout', () => {
      const { code, message } = timeoutError(
        new URL(endpoint).host,
        'firstByteMs',
        options.timeoutMs,
      )
      request.destroy(new CodedError(code, message))
    })
    request.on('error', reject)
    request.end()
  })
