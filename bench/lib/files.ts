/** Local files for the transfer benchmarks: random content, MD5s, sizes said in words. */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, writeFile } from 'node:fs/promises'
import path from 'node:path'

const MIB = 1024 ** 2

export const md5File = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('md5')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })

/** A file of random bytes, written a MiB at a time. */
export const randomFile = async (file: string, size: number): Promise<void> => {
  const handle = await open(file, 'w')
  try {
    for (let written = 0; written < size; written += MIB)
      await handle.write(randomBytes(Math.min(MIB, size - written)))
  } finally {
    await handle.close()
  }
}

/** A folder of `count` random files of `size` bytes each. */
export const randomFolder = async (dir: string, count: number, size: number): Promise<void> => {
  await mkdir(dir, { recursive: true })
  for (let index = 0; index < count; index += 1) {
    await writeFile(path.join(dir, `file-${String(index).padStart(5, '0')}.bin`), randomBytes(size))
  }
}

/** 4096 → "4 KiB", 1073741824 → "1 GiB"; odd sizes keep two decimals. */
export const sizeLabel = (bytes: number): string => {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${units[unit]}`
}
