/** How long to wait before reconnect attempt `attempt` (0-based): doubling from 250 ms, capped at 5 s. */
export const reconnectDelay = (attempt: number): number => Math.min(5_000, 250 * 2 ** attempt)
