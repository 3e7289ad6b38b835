/** Endpoint validation: what may be contacted, and whether credentials may travel to it. */
import { presets, type AccountKind } from '../../shared/accounts'
import { CodedError } from '../../shared/errors'

export type CheckedEndpoint = {
  readonly url: string
  readonly host: string
  readonly insecure: boolean
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname)

/** The endpoint a draft really uses: DSS presets always use their own HTTPS endpoint. */
export const endpointFor = (kind: AccountKind, typed: string): string =>
  presets.find((preset) => preset.kind === kind)?.endpoint ?? typed

/**
 * Parses and checks an endpoint URL. Plain http is refused for every host but this computer's,
 * before any request is made, so keys never cross a network unencrypted.
 */
export const checkEndpoint = (raw: string): CheckedEndpoint => {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new CodedError(
      'INVALID_ENDPOINT',
      `"${raw}" is not a URL. Enter it as https://host or https://host:port.`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CodedError(
      'INVALID_ENDPOINT',
      `The endpoint must start with https:// (it starts with ${url.protocol}//).`,
    )
  }
  if (url.username || url.password) {
    throw new CodedError(
      'INVALID_ENDPOINT',
      'Put the keys in the Access key and Secret key fields, not in the endpoint URL.',
    )
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new CodedError(
      'INVALID_ENDPOINT',
      `The endpoint is only the server address (${url.protocol}//${url.host}), without a path, bucket or query.`,
    )
  }
  const insecure = url.protocol === 'http:'
  if (insecure && !isLoopbackHost(url.hostname)) {
    throw new CodedError(
      'HTTPS_REQUIRED',
      `${url.host} must be reached over HTTPS: plain http is allowed only for servers on this computer. Use https://${url.host}. No request was sent.`,
    )
  }
  return { url: `${url.protocol}//${url.host}`, host: url.host, insecure }
}
