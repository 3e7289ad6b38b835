/**
 * The Content-Disposition a download link asks the server to send (response-content-disposition):
 * `attachment` with the save-as name, RFC 6266 style — a plain ASCII `filename` every client
 * understands and, when the name needs more than that, its exact UTF-8 form in `filename*`
 * (RFC 5987 percent-encoding).
 */

/** Characters RFC 5987 lets through unencoded (attr-char); everything else is percent-encoded. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/

const encodeRfc5987 = (text: string): string =>
  Array.from(new TextEncoder().encode(text), (byte) => {
    const char = String.fromCharCode(byte)
    return byte < 0x80 && ATTR_CHAR.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }).join('')

/**
 * The name as printable ASCII for the quoted `filename`: accents dropped (é → e), anything else
 * outside printable ASCII, quotes and backslashes replaced with `_`.
 */
export const asciiFallback = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/gu, '_')

/** `attachment; filename="…"` plus `filename*=UTF-8''…` when the ASCII form is not exact. */
export const attachmentDisposition = (name: string): string => {
  const fallback = asciiFallback(name)
  const plain = `attachment; filename="${fallback}"`
  return fallback === name ? plain : `${plain}; filename*=UTF-8''${encodeRfc5987(name)}`
}
