/**
 * The trays (files being edited, jobs, transfers, links) docked side by side under the main
 * area, so the table and forms above shrink instead of being covered; its height is dragged on
 * its top edge and remembered.
 */
import './panel-dock.css'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { ResizeHandle } from './resize-handle'
import { useStoredSize } from './use-stored-size'

const DOCK_ID = 'panel-dock'

/** Room kept for the main area above the dock (toolbar, bar and a few rows). */
const mainRoom = 260

const limitsFor = (windowHeight: number) => ({
  min: 120,
  max: Math.max(120, windowHeight - mainRoom),
})

export const PanelDock = ({ children }: { readonly children: ReactNode }) => {
  const [height, setHeight] = useStoredSize('dss.dock-height', 260)
  const [windowHeight, setWindowHeight] = useState(() => window.innerHeight)
  useEffect(() => {
    const onResize = () => setWindowHeight(window.innerHeight)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  const limits = limitsFor(windowHeight)
  const shown = Math.min(Math.max(height, limits.min), limits.max)
  return (
    <div className="panel-dock" style={{ height: shown }}>
      <ResizeHandle
        label="Resize panels"
        orientation="horizontal"
        size={shown}
        limits={limits}
        onResize={setHeight}
        controls={DOCK_ID}
      />
      <div className="trays" id={DOCK_ID}>
        {children}
      </div>
    </div>
  )
}
