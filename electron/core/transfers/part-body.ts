/**
 * Bytes in memory sent as a stream of small slices: TLS then encrypts them as the socket drains
 * instead of all at once (a 16 MiB Buffer body doubled each part's memory), and the signer skips
 * hashing the payload (Content-MD5 guards it). The SDK's own retries pipe the body again, so each
 * pipe starts a fresh pass over the same bytes.
 */
import { Readable } from 'node:stream'

const SLICE_BYTES = 256 * 1024

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    yield bytes.subarray(at, at + SLICE_BYTES)
  }
}

export class ReplayableBody extends Readable {
  private readonly bytes: Buffer

  constructor(bytes: Buffer) {
    super()
    this.bytes = bytes
  }

  override _read(): void {
    // Only `pipe` is used to send it; reading the stream itself gives nothing.
    this.push(null)
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    return Readable.from(slices(this.bytes), { objectMode: false }).pipe(destination, options)
  }
}
