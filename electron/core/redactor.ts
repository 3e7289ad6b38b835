/** Remembers every secret the core holds and blanks them out of anything leaving it. */

export type Redactor = {
  add(secret: string): void
  redact(text: string): string
}

const MASK = '••••••'

export const createRedactor = (): Redactor => {
  const secrets = new Set<string>()
  return {
    add(secret) {
      // Very short strings would blank out ordinary words; real secrets are long.
      if (secret.length >= 8) secrets.add(secret)
    },
    redact(text) {
      let out = text
      for (const secret of secrets) out = out.split(secret).join(MASK)
      return out
    },
  }
}
