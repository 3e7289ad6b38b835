import { create } from 'qrcode'
import { useMemo } from 'react'

/** Light modules a scanner needs around the code (the QR standard asks for four). */
const QUIET_ZONE = 4

/** About this many CSS pixels wide, in whole pixels per module so every module is as sharp. */
const TARGET_PX = 280

/** The code's dark modules as one SVG path, or null when the text is too long for a QR code. */
const pathOf = (text: string): { readonly size: number; readonly path: string } | null => {
  let modules
  try {
    // Low error correction keeps the modules of a long URL big; a screen is not a torn label.
    modules = create(text, { errorCorrectionLevel: 'L' }).modules
  } catch {
    return null
  }
  const parts: string[] = []
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) {
        parts.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
      }
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') }
}

/** A QR code of `text`, dark on white in both themes (scanners expect that), with its quiet zone. */
export const QrCode = ({ text, label }: { readonly text: string; readonly label: string }) => {
  const code = useMemo(() => pathOf(text), [text])
  if (!code) return <p className="field-hint">This link is too long for a QR code.</p>
  const px = code.size * Math.max(2, Math.round(TARGET_PX / code.size))
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={px}
      height={px}
      viewBox={`0 0 ${code.size} ${code.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={code.size} height={code.size} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  )
}
