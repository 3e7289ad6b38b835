// Renders build/icon.svg to the packaging icons electron-builder needs: PNGs for Linux, an ICO
// for Windows and an ICNS for macOS (both containers hold PNG images). Uses Debian's Chromium.
// Run after editing the SVG: `node scripts/make-icons.mjs`.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { chromium } from 'playwright-core'

const svg = await readFile('build/icon.svg', 'utf8')
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage()
const render = async (size) => {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  )
  return page.screenshot({ omitBackground: true })
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024]
const pngs = new Map()
for (const size of sizes) pngs.set(size, await render(size))
await browser.close()

await mkdir('build/icons', { recursive: true })
for (const size of sizes.filter((size) => size <= 512)) {
  await writeFile(`build/icons/${size}x${size}.png`, pngs.get(size))
}
await writeFile('build/icon.png', pngs.get(1024))

// ICO: a directory of PNG images (Windows Vista and later read PNG entries).
const icoSizes = [16, 32, 48, 64, 128, 256]
const header = Buffer.alloc(6 + 16 * icoSizes.length)
header.writeUInt16LE(0, 0)
header.writeUInt16LE(1, 2)
header.writeUInt16LE(icoSizes.length, 4)
let offset = header.length
icoSizes.forEach((size, index) => {
  const png = pngs.get(size)
  const entry = 6 + index * 16
  header.writeUInt8(size === 256 ? 0 : size, entry)
  header.writeUInt8(size === 256 ? 0 : size, entry + 1)
  header.writeUInt16LE(1, entry + 4)
  header.writeUInt16LE(32, entry + 6)
  header.writeUInt32LE(png.length, entry + 8)
  header.writeUInt32LE(offset, entry + 12)
  offset += png.length
})
await writeFile(
  'build/icon.ico',
  Buffer.concat([header, ...icoSizes.map((size) => pngs.get(size))]),
)

// ICNS: typed PNG chunks (ic07 128, ic08 256, ic09 512, ic10 1024, ic11/12/13 retina).
const icnsTypes = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
]
const chunks = icnsTypes.map(([type, size]) => {
  const png = pngs.get(size)
  const head = Buffer.alloc(8)
  head.write(type, 0, 'ascii')
  head.writeUInt32BE(png.length + 8, 4)
  return Buffer.concat([head, png])
})
const body = Buffer.concat(chunks)
const icnsHead = Buffer.alloc(8)
icnsHead.write('icns', 0, 'ascii')
icnsHead.writeUInt32BE(body.length + 8, 4)
await writeFile('build/icon.icns', Buffer.concat([icnsHead, body]))
console.log('wrote build/icon.png, build/icons/*.png, build/icon.ico, build/icon.icns')
