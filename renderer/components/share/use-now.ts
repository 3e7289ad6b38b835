import { useEffect, useState } from 'react'

/** The time, redrawn every `intervalMs` from when the component mounts: for countdowns. */
export const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
