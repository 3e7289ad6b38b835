/**
 * The icon a drag to the desktop carries: the first one that is not empty, else the app's own.
 * `startDrag` throws on an empty icon on some platforms (DSS.md §4), and a file-type icon may be
 * empty (Linux without an icon theme) or not fetched yet.
 */
export type IconLike = { isEmpty(): boolean }

export const pickDragIcon = <Icon extends IconLike>(
  candidates: readonly (Icon | null | undefined)[],
  fallback: Icon,
): Icon => candidates.find((icon): icon is Icon => icon != null && !icon.isEmpty()) ?? fallback
