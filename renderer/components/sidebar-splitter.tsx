/** The splitter between the accounts sidebar and the main area; the width is remembered. */
import type { CSSProperties, ReactNode } from 'react'
import { ResizeHandle } from './resize-handle'
import { useStoredSize } from './use-stored-size'

const limits = { min: 180, max: 520 }

/** The window's grid with the sidebar as wide as the user left it, and the splitter on its edge. */
export const SidebarLayout = ({ children }: { readonly children: ReactNode }) => {
  const [width, setWidth] = useStoredSize('dss.sidebar-width', 248)
  const shown = Math.min(Math.max(width, limits.min), limits.max)
  return (
    <div className="app" style={{ '--sidebar-width': `${shown}px` } as CSSProperties}>
      {children}
      <ResizeHandle
        label="Resize sidebar"
        orientation="vertical"
        size={shown}
        limits={limits}
        onResize={setWidth}
        className="sidebar-splitter"
      />
    </div>
  )
}
