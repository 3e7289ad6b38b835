/**
 * Issue 14: a whole session with the keyboard alone — no mouse call at all, only page.keyboard —
 * on the local sandbox: open it, open a folder, upload with the picker, copy a link, rename,
 * delete. Focus is checked at each step, and shown in screenshots in /tmp.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Whether the element has the focus (read from the page; no pointer involved). */
const hasFocus = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === element.ownerDocument.activeElement)

/** Presses Tab until `target` has the focus; fails if it is not reached in `limit` presses. */
const tabTo = async (page: Page, target: Locator, limit = 40): Promise<void> => {
  for (let pressed = 0; pressed < limit; pressed += 1) {
    if ((await target.count()) === 1 && (await hasFocus(target))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

/**
 * The name of the row the grid's focus is on (its aria-activedescendant); null while that row is
 * not rendered yet (after Home or End the virtual table scrolls, then renders it): read it with
 * `expect.poll`.
 */
const focusedRow = (grid: Locator): Promise<string | null> =>
  grid.evaluate((element) => {
    const id = element.getAttribute('aria-activedescendant')
    return id
      ? (element.ownerDocument.getElementById(id)?.getAttribute('aria-label') ?? null)
      : null
  })

/** From the top of the grid (Home), ArrowDown until the row called `name` has the focus. */
const arrowToRow = async (page: Page, grid: Locator, name: string): Promise<void> => {
  await expect(grid.getByRole('row', { name, exact: true })).toBeVisible()
  await page.keyboard.press('Home')
  const rows = await grid.getByRole('row').count()
  for (let pressed = 0; pressed < rows && (await focusedRow(grid)) !== name; pressed += 1) {
    await page.keyboard.press('ArrowDown')
  }
  await expect.poll(() => focusedRow(grid)).toBe(name)
}

test('a whole session with the keyboard alone: open, upload, link, rename, delete', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dss-e2e-keyboard-'))
  const file = path.join(folder, 'typed-by-keys.txt')
  await writeFile(file, 'Uploaded without a mouse.\n')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin,
  })
  const shot = (name: string) =>
    page.screenshot({ path: path.join('/tmp', `keyboard-${testInfo.workerIndex}-${name}.png`) })

  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: 'Local sandbox' })).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })

  // Into the tree: its one tab stop, then down to the demo bucket and open it with Enter.
  const sandbox = tree.getByRole('treeitem', { name: 'Local sandbox' })
  await tabTo(page, sandbox)
  await shot('1-tree')
  const demo = tree.getByRole('treeitem', { name: 'demo', exact: true })
  // The sandbox seeds its demo bucket on first start: that can take a while on a busy machine.
  await expect(demo).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('ArrowDown')
  expect(await hasFocus(demo)).toBe(true)
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toBeVisible()

  // To the table, to the "documents" folder, and in.
  await tabTo(page, grid)
  await arrowToRow(page, grid, 'documents')
  await shot('2-table')
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'reports', exact: true })).toBeVisible()
  expect(await hasFocus(grid)).toBe(true)

  // Upload with the picker (Ctrl+U); the file arrives as a row.
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Control+u')
  await (await chooser).setFiles(file)
  await expect(grid.getByRole('row', { name: 'typed-by-keys.txt', exact: true })).toBeVisible({
    timeout: 30_000,
  })

  // Copy a link to it (Ctrl+L): on the clipboard at once.
  await tabTo(page, grid)
  await arrowToRow(page, grid, 'typed-by-keys.txt')
  await page.keyboard.press('Control+l')
  await expect(page.getByText(/^Link copied — expires /)).toBeVisible()
  const link = await page.evaluate<string>('navigator.clipboard.readText()')
  expect(link).toContain('typed-by-keys.txt')
  await shot('3-link')

  // Rename (F2): the name field has the focus; Enter renames; focus comes back to the table.
  await page.keyboard.press('F2')
  const rename = page.getByRole('dialog', { name: 'Rename' })
  await expect(rename.getByLabel('New name')).toBeFocused()
  await shot('4-rename')
  // Tab goes round inside the dialog: the page behind it cannot take the focus.
  const insideRename = () =>
    rename.evaluate((dialog) => dialog.contains(dialog.ownerDocument.activeElement))
  for (let pressed = 0; pressed < 6; pressed += 1) {
    await page.keyboard.press('Tab')
    expect(await insideRename()).toBe(true)
  }
  await tabTo(page, rename.getByLabel('New name'))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('renamed-by-keys.txt')
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'renamed-by-keys.txt', exact: true })).toBeVisible()
  await expect(rename).toHaveCount(0)
  expect(await hasFocus(grid)).toBe(true)

  // Delete (Delete key): the dialog's Delete button has the focus; Enter deletes.
  await arrowToRow(page, grid, 'renamed-by-keys.txt')
  await page.keyboard.press('Delete')
  const confirm = page.getByRole('dialog', { name: 'Delete' })
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused()
  await shot('5-delete')
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'renamed-by-keys.txt', exact: true })).toHaveCount(0)
  await expect(confirm).toHaveCount(0)
  expect(await hasFocus(grid)).toBe(true)

  // Back up a folder with Backspace: the table keeps the focus.
  await page.keyboard.press('Backspace')
  await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toBeVisible()
  expect(await hasFocus(grid)).toBe(true)
  await shot('6-done')
  await rm(folder, { recursive: true, force: true })
})

test('the tree and the virtual table say where the focus is: level, expanded, row count and index', async ({
  page,
  app,
}) => {
  // Short enough that the 30 day folders of logs/ are not all in the DOM at once.
  await page.setViewportSize({ width: 1024, height: 420 })
  // In the dark scheme, for the screenshot of its focus rings (the first test shows the light).
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(app.url)
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })
  const demo = tree.getByRole('treeitem', { name: 'demo', exact: true })

  // The tree: ArrowRight expands (aria-expanded), ArrowDown goes a level down, ArrowLeft back up.
  await tabTo(page, tree.getByRole('treeitem', { name: 'Local sandbox' }))
  // The sandbox seeds its demo bucket on first start: that can take a while on a busy machine.
  await expect(demo).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('ArrowDown')
  expect(await hasFocus(demo)).toBe(true)
  await expect(demo).toHaveAttribute('aria-level', '2')
  await expect(demo).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowRight')
  await expect(demo).toHaveAttribute('aria-expanded', 'true')
  const logs = tree.getByRole('treeitem', { name: 'logs', exact: true })
  await expect(logs).toHaveAttribute('aria-level', '3')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  expect(await hasFocus(logs)).toBe(true)
  await page.keyboard.press('Enter')
  await expect(logs).toHaveAttribute('aria-selected', 'true')
  // One tab stop in the tree: the current row (no longer the first account).
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1)
  await expect(logs).toHaveAttribute('tabindex', '0')
  await page.keyboard.press('ArrowLeft')
  expect(await hasFocus(demo)).toBe(true)
  await page.screenshot({ path: '/tmp/keyboard-dark-tree.png' })

  // The table: 30 folders and a header row, fewer of them in the DOM; End reaches row 31.
  await expect(grid.getByRole('row', { name: '2026-11-01', exact: true })).toBeVisible()
  await expect(grid).toHaveAttribute('aria-rowcount', '31')
  expect(await grid.getByRole('row').count()).toBeLessThan(31)
  await tabTo(page, grid)
  await page.keyboard.press('End')
  await expect.poll(() => focusedRow(grid)).toBe('2026-11-30')
  const last = grid.getByRole('row', { name: '2026-11-30', exact: true })
  await expect(last).toHaveAttribute('aria-rowindex', '31')
  await expect(last).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Home')
  await expect.poll(() => focusedRow(grid)).toBe('2026-11-01')
  const first = grid.getByRole('row', { name: '2026-11-01', exact: true })
  await expect(first).toHaveAttribute('aria-rowindex', '2')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  // Escape clears the selection; Space selects the focused row again.
  await page.keyboard.press('Escape')
  await expect(first).toHaveAttribute('aria-selected', 'false')
  await page.keyboard.press(' ')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  // The sortable headers say how the rows are sorted.
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(grid.getByRole('columnheader', { name: 'Size' })).toHaveAttribute(
    'aria-sort',
    'none',
  )
  await page.screenshot({ path: '/tmp/keyboard-virtual-table.png' })

  // The toolbar is one tab stop (its first button that can be pressed); the arrows, Home and
  // End move along the buttons that can be pressed.
  const toolbar = page.getByRole('toolbar', { name: 'Browser' })
  const stop = toolbar.locator('button[tabindex="0"]')
  await expect(stop).toHaveCount(1)
  await expect(stop).toBeEnabled()
  const up = toolbar.getByRole('button', { name: 'Up', exact: true })
  await expect(up).toHaveAttribute('tabindex', '0')
  for (let pressed = 0; pressed < 12 && !(await hasFocus(up)); pressed += 1) {
    await page.keyboard.press('Shift+Tab')
  }
  expect(await hasFocus(up)).toBe(true)
  await page.keyboard.press('ArrowRight')
  expect(await hasFocus(toolbar.getByRole('button', { name: 'Refresh', exact: true }))).toBe(true)
  // Back and Forward cannot be pressed (no history yet): ArrowLeft from Up wraps to the end.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  expect(await hasFocus(up)).toBe(false)
  await page.keyboard.press('Home')
  expect(await hasFocus(up)).toBe(true)
  // Tab leaves the toolbar at once, for the breadcrumbs.
  await page.keyboard.press('Tab')
  expect(await toolbar.evaluate((bar) => bar.contains(bar.ownerDocument.activeElement))).toBe(false)
})

test('a status-bar button takes the focus into the panel it opens, and Escape gives it back', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: 'Local sandbox' })).toBeVisible()
  const statusBar = page.getByRole('contentinfo')
  for (const [toggleName, regionName] of [
    [/^Transfers/, 'Transfers'],
    [/^Jobs/, 'Jobs'],
    [/^Links/, 'Links'],
    [/^Requests:/, 'Request log'],
  ] as const) {
    const toggle = statusBar.getByRole('button', { name: toggleName })
    const region = page.getByRole('region', { name: regionName })
    await tabTo(page, toggle, 80)
    await page.keyboard.press('Enter')
    await expect(region).toBeVisible()
    await expect(region).toBeFocused()
    await page.screenshot({ path: `/tmp/keyboard-panel-${regionName.replaceAll(' ', '-')}.png` })
    // Tab goes on among the panel's controls, not past it.
    await page.keyboard.press('Tab')
    expect(
      await region.evaluate((panel) => panel.contains(panel.ownerDocument.activeElement)),
    ).toBe(true)
    await page.keyboard.press('Escape')
    await expect(region).toHaveCount(0)
    await expect(toggle).toBeFocused()
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  }
})
