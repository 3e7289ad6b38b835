/**
 * Bytes in memory sent as a stream of small slices: TLS then encrypts them as the socket drains
 * instead of all at once (a 16 MiB Buffer body doubled each part's memory), and the signer skips
 * hashing the payload (Content-MD5 guards it). The SDK's own retries pipe the body again, so each
 * pipe starts a fresh pass over the same bytes.
 *
 * Progress is told as slices leave, so a 16 MiB part moves the bar smoothly rather than in one
 * step; a pass that fails takes back what it told.
 */
import { Readable } from 'node:stream'

const SLICE_BYTES = 256 * 1024
/** Smaller bodies go as one Buffer (which the SDK may retry itself); progress when answered. */
const STREAM_ABOVE_BYTES = 1024 * 1024

type Progress = (bytes: number) => void

export class ReplayableBody extends Readable {
  private readonly bytes: Buffer
  private readonly progress: Progress
  private told = 0

  constructor(bytes: Buffer, progress: Progress = () => undefined) {
    super()
    this.bytes = bytes
    this.progress = progress
  }

  override _read(): void {
    // Only `pipe` is used to send it; reading the stream itself gives nothing.
    this.push(null)
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.rewind()
    return Readable.from(this.slices(), { objectMode: false }).pipe(destination, options)
  }

  /** Takes back the progress told for the current pass (its request failed). */
  rewind(): void {
    if (this.told > 0) this.progress(-this.told)
    this.told = 0
  }

  /** Tells what is left of the whole body (its request succeeded). */
  finish(): void {
    if (this.told < this.bytes.length) this.progress(this.bytes.length - this.told)
    this.told = this.bytes.length
  }

  private *slices(): Generator<Buffer> {
    for (let at = 0; at < this.bytes.length; at += SLICE_BYTES) {
      const slice = this.bytes.subarray(at, at + SLICE_BYTES)
      yield slice
      // Asked for the next slice: the socket took this one.
      this.told += slice.length
      this.progress(slice.length)
    }
  }
}

/** One attempt's request body and the progress it tells. */
export type Sending = {
  readonly body: Buffer | ReplayableBody
  rewind(): void
  finish(): void
}

export const sending = (bytes: Buffer, progress?: Progress): Sending => {
  if (bytes.length > STREAM_ABOVE_BYTES) {
    const body = new ReplayableBody(bytes, progress)
    return { body, rewind: () => body.rewind(), finish: () => body.finish() }
  }
  return { body: bytes, rewind: () => undefined, finish: () => progress?.(bytes.length) }
}
