/** Transient notices: a value is shown for a few seconds after it last changed, then hidden. */
import { useEffect, useState } from 'react'

/** How long a notice such as "1 item copied" stays in the status bar. */
export const NOTICE_MS = 4000

/** Whether `value` changed less than `ms` ago (null never shows). */
export const useShownFor = (value: unknown, ms: number = NOTICE_MS): boolean => {
  const [hidden, setHidden] = useState<unknown>(null)
  useEffect(() => {
    if (value === null) return
    const timer = setTimeout(() => setHidden(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return value !== null && hidden !== value
}
