/** Credentials made up for one run: nothing real is ever configured in a test. */
import { randomBytes, randomInt } from 'node:crypto'

export type TestCredentials = { readonly accessKeyId: string; readonly secretAccessKey: string }

const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

export const createTestCredentials = (): TestCredentials => ({
  // 20 characters like an AWS key id, with a prefix that makes a leaked one easy to recognise.
  accessKeyId: `DSSTEST${Array.from({ length: 13 }, () => UPPERCASE[randomInt(26)]).join('')}`,
  // 30 random bytes are exactly 40 base64url characters, an AWS secret's length.
  secretAccessKey: randomBytes(30).toString('base64url'),
})
