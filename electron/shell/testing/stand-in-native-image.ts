/**
 * nativeImage for the Electron stand-in: PNG only, which is all the shell makes. An image whose
 * bytes are not a PNG is empty, as Electron's is when decoding fails.
 */
import { readFileSync } from 'node:fs'

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])

const pngSize = (png: Buffer): Electron.Size => {
  const isPng = png.length >= 24 && png.subarray(0, 8).equals(PNG_SIGNATURE)
  return isPng
    ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
    : { width: 0, height: 0 }
}

export class StandInNativeImage implements Pick<
  Electron.NativeImage,
  'isEmpty' | 'getSize' | 'toPNG' | 'toDataURL'
> {
  constructor(private readonly png: Buffer) {}

  isEmpty(): boolean {
    const { width, height } = this.getSize()
    return width === 0 || height === 0
  }

  getSize(): Electron.Size {
    return pngSize(this.png)
  }

  toPNG(): Buffer {
    return this.png
  }

  toDataURL(): string {
    return `data:image/png;base64,${this.png.toString('base64')}`
  }
}

/** A 1×1 transparent PNG, e.g. a file-type icon on a desktop that has an icon theme. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export const standInNativeImage = {
  createEmpty: (): StandInNativeImage => new StandInNativeImage(Buffer.alloc(0)),
  createFromBuffer: (buffer: Buffer): StandInNativeImage => new StandInNativeImage(buffer),
  createFromDataURL: (dataURL: string): StandInNativeImage => {
    const match = /^data:image\/png;base64,(.*)$/.exec(dataURL)
    return new StandInNativeImage(match ? Buffer.from(match[1] ?? '', 'base64') : Buffer.alloc(0))
  },
  /** Electron gives an empty image for a path it cannot read, rather than throwing. */
  createFromPath: (file: string): StandInNativeImage => {
    try {
      return new StandInNativeImage(readFileSync(file))
    } catch {
      return new StandInNativeImage(Buffer.alloc(0))
    }
  },
}
