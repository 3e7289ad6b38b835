import { TOKEN_PARAM, WS_PATH } from '../../shared/wire'

type PageLocation = Pick<Location, 'protocol' | 'host' | 'search'>

const token = (location: PageLocation): string =>
  encodeURIComponent(new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '')

/** The web shell's WebSocket address, carrying the token the shell printed in the page's URL. */
export const webShellUrl = (location: PageLocation): string => {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${WS_PATH}?${TOKEN_PARAM}=${token(location)}`
}

/** The page's own address with its token: a HEAD of it says whether the shell still takes it. */
export const webShellPageUrl = (location: PageLocation): string =>
  `${location.protocol}//${location.host}/?${TOKEN_PARAM}=${token(location)}`
