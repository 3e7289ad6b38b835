/** The save-as name of a download link: RFC 6266 with an RFC 5987 `filename*` when needed. */
import { describe, expect, it } from 'vitest'
import { asciiFallback, attachmentDisposition } from './content-disposition'

describe('attachmentDisposition', () => {
  it('gives a plain ASCII name as filename only', () => {
    expect(attachmentDisposition('report 2026.pdf')).toBe('attachment; filename="report 2026.pdf"')
  })

  it('adds the exact UTF-8 name in filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('café.txt')).toBe(
      `attachment; filename="cafe.txt"; filename*=UTF-8''caf%C3%A9.txt`,
    )
    // NFD stays NFD in filename*: the name is sent byte for byte.
    expect(attachmentDisposition('cafe\u0301.txt')).toBe(
      `attachment; filename="cafe.txt"; filename*=UTF-8''cafe%CC%81.txt`,
    )
    expect(attachmentDisposition('日本語 📄.txt')).toBe(
      `attachment; filename="___ _.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E%20%F0%9F%93%84.txt`,
    )
  })

  it('never lets quotes or backslashes break out of the quoted fallback', () => {
    expect(attachmentDisposition('say "hi"\\.txt')).toBe(
      `attachment; filename="say _hi__.txt"; filename*=UTF-8''say%20%22hi%22%5C.txt`,
    )
    expect(asciiFallback('tab\there\n.txt')).toBe('tab_here_.txt')
  })

  it("percent-encodes what RFC 5987 does not allow bare ( ' ( ) * ; , ) in filename*", () => {
    expect(attachmentDisposition("it's (1)*;,é")).toBe(
      `attachment; filename="it's (1)*;,e"; filename*=UTF-8''it%27s%20%281%29%2A%3B%2C%C3%A9`,
    )
  })
})
