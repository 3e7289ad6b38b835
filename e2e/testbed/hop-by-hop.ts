/**
 * Header filtering for the proxy. Only connection-level headers are dropped; everything else,
 * Host included, passes byte for byte because the upstream verifies SigV4 signatures over it.
 * (The SDK never signs these: they are in its list of unsignable headers.)
 */

const ALWAYS_HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
]

/**
 * Request side: `Expect` is answered by the emulator itself (it decides on limits and faults before
 * the body comes); `Transfer-Encoding` stays because it frames the body being streamed on.
 */
export const REQUEST_HOP_BY_HOP: ReadonlySet<string> = new Set([...ALWAYS_HOP_BY_HOP, 'expect'])

/** Response side: Node frames the relayed body itself for the client's connection. */
export const RESPONSE_HOP_BY_HOP: ReadonlySet<string> = new Set([
  ...ALWAYS_HOP_BY_HOP,
  'transfer-encoding',
])

/** Headers named in `Connection` are hop-by-hop too (RFC 9110 §7.6.1). */
const namedInConnection = (rawHeaders: readonly string[]): Set<string> => {
  const names = new Set<string>()
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'connection') continue
    for (const token of (rawHeaders[i + 1] ?? '').split(',')) names.add(token.trim().toLowerCase())
  }
  return names
}

/** Filters Node's flat `rawHeaders` list (name, value, name, value…), keeping case and order. */
export const withoutHopByHop = (
  rawHeaders: readonly string[],
  hopByHop: ReadonlySet<string>,
): string[] => {
  const named = namedInConnection(rawHeaders)
  const kept: string[] = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? ''
    const lower = name.toLowerCase()
    if (hopByHop.has(lower) || named.has(lower)) continue
    kept.push(name, rawHeaders[i + 1] ?? '')
  }
  return kept
}
