/**
 * Before credentials go to a plain-http endpoint (allowed only on loopback), one anonymous request
 * checks that the server does not redirect to HTTPS, as the DSS gateway does: a signed request
 * would otherwise have crossed plain http first.
 */
import http from 'node:http'
import { CodedError } from '../../shared/errors'
import { applyRequestLimits } from './raw-request-limits'
import type { RequestLimits } from './request-limits'

export const refuseIfRedirectsToHttps = (
  endpoint: string,
  options: { readonly limits: RequestLimits; readonly signal?: AbortSignal },
): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      `${endpoint}/`,
      { method: 'HEAD', agent: false, signal: options.signal },
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
    applyRequestLimits(request, new URL(endpoint).host, options.limits)
    request.on('error', reject)
    request.end()
  })
