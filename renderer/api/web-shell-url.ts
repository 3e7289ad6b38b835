import { TOKEN_PARAM, WS_PATH } from '../../shared/wire'

type PageLocation = Pick<Location, 'protocol' | 'host' | 'search'>

/** The web shell's WebSocket address, carrying the token the shell printed in the page's URL. */
export const webShellUrl = (location: PageLocation): string => {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? ''
  return `${scheme}://${location.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`
}
