/** A small PNG drawn in code for the demo bucket, so the sandbox ships no binary assets. */
import { crc32, deflateSync } from 'node:zlib'

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** A dusk-sky gradient with a sun, `width` × `height` RGB pixels. */
export const demoImagePng = (width = 320, height = 200): Buffer => {
  const rows: Buffer[] = []
  const sunX = width * 0.7
  const sunY = height * 0.62
  const sunR = height * 0.16
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3)
    const t = y / height
    for (let x = 0; x < width; x += 1) {
      const inSun = (x - sunX) ** 2 + (y - sunY) ** 2 < sunR ** 2
      const ground = y > height * 0.75
      const r = ground ? 30 + 20 * t : inSun ? 255 : Math.round(40 + 200 * t)
      const g = ground ? 40 + 30 * t : inSun ? 214 : Math.round(60 + 90 * t)
      const b = ground ? 60 : inSun ? 120 : Math.round(150 - 60 * t)
      row.writeUInt8(r, 1 + x * 3)
      row.writeUInt8(g, 2 + x * 3)
      row.writeUInt8(b, 3 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
