/**
 * Listings ask for `EncodingType=url` (as awscli does): XML 1.0 cannot carry most control
 * characters, and parsers fold `\r\n` into `\n`, so raw keys could come back changed. What the
 * server encoded is decoded here, and only that.
 */

/**
 * A key or common prefix from a listing. `encoded`: the response said `EncodingType=url`; a
 * server that ignored the request sent the key raw, and decoding it would turn a literal `+` or
 * `%20` into a space. S3 may write a space as `+`, so a literal `+` is then always `%2B`. Servers
 * differ in whether they encode `/` (RGW leaves it raw in common prefixes); both decode the same.
 */
export const decodeListedKey = (value: string, encoded: boolean): string =>
  encoded ? decodeURIComponent(value.replace(/\+/g, ' ')) : value
