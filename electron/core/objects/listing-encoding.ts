/**
 * Listings ask for `EncodingType=url` (as awscli does): XML 1.0 cannot carry most control
 * characters, and parsers fold `\r\n` into `\n`, so raw keys could come back changed. What the
 * server encoded is decoded here, and only that: servers differ in which elements they encode.
 */

/**
 * A key from a listing. `encoded`: the response said `EncodingType=url`; a server that ignored
 * the request sent the key raw, and decoding it would turn a literal `+` or `%20` into a space.
 * S3 may write a space as `+`; a literal `+` is then always `%2B`.
 */
export const decodeListedKey = (value: string, encoded: boolean): string =>
  encoded ? decodeURIComponent(value.replace(/\+/g, ' ')) : value

/**
 * A common prefix ends with the delimiter, so its last characters show whether the server
 * encoded it: RGW leaves common prefixes raw even when it encodes keys, and decoding a raw `%25`
 * would change the prefix.
 */
export const decodeCommonPrefix = (value: string, encoded: boolean, delimiter: string): string =>
  encoded && !value.endsWith(delimiter) ? decodeListedKey(value, true) : value
