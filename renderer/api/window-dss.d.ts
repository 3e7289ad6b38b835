/** The Electron preload exposes the contract as `window.dss`; the web shell leaves it undefined. */
import type { DssApi } from '../../shared/contract'

declare global {
  // Only an interface merges into the DOM's Window; a type alias cannot.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    readonly dss?: DssApi
  }
}
