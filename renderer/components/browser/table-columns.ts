/**
 * The object table's optional columns (Size, Modified, Type): which are shown and how wide,
 * remembered in localStorage, and the CSS grid template the header and the rows share.
 */
import type { CSSProperties } from 'react'
import { useCallback, useState } from 'react'
import { z } from 'zod'

export const optionalColumns = ['size', 'modified', 'type'] as const
export type OptionalColumn = (typeof optionalColumns)[number]

export const columnLabels: Readonly<Record<OptionalColumn, string>> = {
  size: 'Size',
  modified: 'Modified',
  type: 'Type',
}

export const columnLimits = { min: 60, max: 400 } as const
const NAME_MIN = 200

const settingsSchema = z.object({
  hidden: z.array(z.enum(optionalColumns)),
  widths: z.object({
    size: z.number().min(columnLimits.min).max(columnLimits.max),
    modified: z.number().min(columnLimits.min).max(columnLimits.max),
    type: z.number().min(columnLimits.min).max(columnLimits.max),
  }),
})

export type ColumnSettings = z.infer<typeof settingsSchema>

export const defaultColumns: ColumnSettings = {
  hidden: [],
  widths: { size: 96, modified: 176, type: 132 },
}

const storageKey = 'dss.table-columns'

/** What was stored, if it reads as settings; anything else gives the defaults. */
export const readColumns = (text: string | null): ColumnSettings => {
  if (text === null) return defaultColumns
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : defaultColumns
  } catch {
    return defaultColumns
  }
}

/** The grid template (name first, then the shown columns) and the narrowest the rows may be. */
export const columnStyle = (settings: ColumnSettings): CSSProperties => {
  const shown = optionalColumns.filter((id) => !settings.hidden.includes(id))
  const widths = shown.map((id) => settings.widths[id])
  return {
    '--object-columns': [`minmax(${NAME_MIN}px, 1fr)`, ...widths.map((w) => `${w}px`)].join(' '),
    '--object-min-width': `${NAME_MIN + widths.reduce((sum, w) => sum + w, 0)}px`,
  } as CSSProperties
}

export type TableColumns = {
  readonly settings: ColumnSettings
  readonly setWidth: (id: OptionalColumn, width: number) => void
  readonly toggle: (id: OptionalColumn) => void
}

export const useTableColumns = (): TableColumns => {
  const [settings, setSettings] = useState(() => {
    try {
      return readColumns(localStorage.getItem(storageKey))
    } catch {
      return defaultColumns
    }
  })
  const save = useCallback((update: (current: ColumnSettings) => ColumnSettings) => {
    setSettings((current) => {
      const next = update(current)
      try {
        localStorage.setItem(storageKey, JSON.stringify(next))
      } catch {
        // Not remembered, but still applied.
      }
      return next
    })
  }, [])
  const setWidth = useCallback(
    (id: OptionalColumn, width: number) =>
      save((current) => ({ ...current, widths: { ...current.widths, [id]: width } })),
    [save],
  )
  const toggle = useCallback(
    (id: OptionalColumn) =>
      save((current) => ({
        ...current,
        hidden: current.hidden.includes(id)
          ? current.hidden.filter((other) => other !== id)
          : [...current.hidden, id],
      })),
    [save],
  )
  return { settings, setWidth, toggle }
}
