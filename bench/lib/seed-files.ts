/**
 * Seeds many objects straight into the test bed's s3rver store (its on-disk format: the body,
 * its MD5 and a metadata file per key), far faster than 100,000 PUTs.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const seedObjects = async (
  storeDir: string,
  bucket: string,
  keys: readonly string[],
  body: (key: string) => string = (key) => `${key}\n`,
): Promise<void> => {
  const made = new Set<string>()
  const write = async (key: string): Promise<void> => {
    const file = path.join(storeDir, bucket, `${key}._S3rver_object`)
    const dir = path.dirname(file)
    if (!made.has(dir)) {
      made.add(dir)
      await mkdir(dir, { recursive: true })
    }
    const content = body(key)
    await Promise.all([
      writeFile(file, content),
      writeFile(`${file}.md5`, createHash('md5').update(content).digest('hex')),
      writeFile(
        path.join(storeDir, bucket, `${key}._S3rver_metadata.json`),
        '{"content-type":"text/plain"}',
      ),
    ])
  }
  for (let at = 0; at < keys.length; at += 500)
    await Promise.all(keys.slice(at, at + 500).map(write))
}
