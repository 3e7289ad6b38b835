/**
 * The stand-in's session: the permission handlers. Documented default without a handler: every
 * permission granted, which is why the shell sets both.
 */
import type { StandInWebContents } from './stand-in-web-contents'

type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]
type Permission = Parameters<NonNullable<RequestHandler>>[1]

export class StandInSession implements Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  private requestHandler: RequestHandler = null
  private checkHandler: CheckHandler = null

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler
  }

  /** A page asks for a permission. Documented default without a handler: granted. */
  request(
    contents: StandInWebContents,
    permission: Permission,
    requestingUrl: string,
  ): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) =>
      handler(contents as unknown as Electron.WebContents, permission, resolve, {
        requestingUrl,
        isMainFrame: true,
      } as Electron.PermissionRequest),
    )
  }

  check(contents: StandInWebContents, permission: Permission, requestingOrigin: string): boolean {
    const handler = this.checkHandler
    if (!handler) return true
    return handler(contents as unknown as Electron.WebContents, permission, requestingOrigin, {
      requestingUrl: requestingOrigin,
      isMainFrame: true,
    } as Electron.PermissionCheckHandlerHandlerDetails)
  }
}
