/** Electron's event object, as its emitters hand it to listeners: preventable. */
export type StandInEvent = {
  preventDefault(): void
  readonly defaultPrevented: boolean
}

export const electronEvent = <Extra extends object = object>(
  extra?: Extra,
): StandInEvent & Extra => {
  let prevented = false
  return Object.assign(
    {
      preventDefault: () => void (prevented = true),
      get defaultPrevented() {
        return prevented
      },
    },
    extra,
  ) as StandInEvent & Extra
}

/** Most methods of a destroyed BrowserWindow or WebContents throw this in Electron. */
export const destroyedError = (): TypeError => new TypeError('Object has been destroyed')
