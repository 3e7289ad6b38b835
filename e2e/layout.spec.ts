/**
 * Issue 14, item 5: a layout that stays out of the way, on the local sandbox at 1,024 and
 * 1,600 px: the toolbar keeps one row (what does not fit is in More). Screenshots of the layout,
 * light and dark, go to docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
import { mkdir } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const screenshotForReadme = async (page: Page, name: string): Promise<void> => {
  if (!process.env.UPDATE_SCREENSHOTS) return
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

/** Opens the sandbox's demo bucket in a window `width` px wide. */
const openDemo = async (page: Page, url: string, width: number): Promise<void> => {
  await page.setViewportSize({ width, height: 800 })
  await page.goto(url)
  const demo = page.getByRole('tree', { name: 'Accounts' }).getByRole('treeitem', {
    name: 'demo',
    exact: true,
  })
  // The sandbox seeds its demo bucket on first start: that can take a while on a busy machine.
  await demo.click({ timeout: 30_000 })
  await expect(
    page
      .getByRole('grid', { name: 'Objects' })
      .getByRole('row', { name: 'README.txt', exact: true }),
  ).toBeVisible()
}

/** The names of the toolbar's shown buttons, and the distinct tops of their boxes (rows). */
const toolbarRow = (toolbar: Locator) =>
  toolbar.evaluate((bar) => {
    const shown = [...bar.querySelectorAll('button')].filter((button) => button.offsetParent)
    return {
      names: shown.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
      tops: [...new Set(shown.map((button) => Math.round(button.getBoundingClientRect().top)))],
    }
  })

test('the toolbar keeps one row; what does not fit is in More, by mouse and keyboard', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000)
  const toolbar = page.getByRole('toolbar', { name: 'Browser' })
  const more = toolbar.getByRole('button', { name: 'More' })

  // Wide: every command on the row, no More.
  await openDemo(page, app.url, 1600)
  const wide = await toolbarRow(toolbar)
  expect(wide.tops).toHaveLength(1)
  await expect(more).toBeHidden()
  expect(wide.names).toContain('Properties')
  expect(wide.names).toContain('Sync with a local folder')

  // Narrow: still one row; the rest are in More, the same commands in the same order.
  await page.setViewportSize({ width: 1024, height: 800 })
  await expect(more).toBeVisible()
  const narrow = await toolbarRow(toolbar)
  expect(narrow.tops).toHaveLength(1)
  expect(narrow.names.at(-1)).toBe('More')
  await more.click()
  const menu = page.getByRole('menu', { name: 'More commands' })
  const inMenu = await menu
    .getByRole('menuitem')
    .evaluateAll((items) =>
      items.map((item) => item.querySelector('.context-menu-label')?.textContent ?? ''),
    )
  expect(inMenu.length).toBeGreaterThan(0)
  expect([...narrow.names.slice(0, -1), ...inMenu].map((name) => name.replace(/…$/, ''))).toEqual(
    wide.names.map((name) => name.replace(/…$/, '')),
  )
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()

  // A command from More works: Properties on the selected README.txt.
  await page
    .getByRole('grid', { name: 'Objects' })
    .getByRole('row', { name: 'README.txt', exact: true })
    .click()
  await more.click()
  await menu.getByRole('menuitem', { name: /^Properties/ }).click()
  await expect(page.getByRole('dialog', { name: 'Properties' })).toBeVisible()
  await page.keyboard.press('Escape')

  // By keyboard: More is on the toolbar's arrow path (End), Enter opens it with focus on its
  // first command, Escape gives focus back to More.
  await toolbar.getByRole('button', { name: 'Up', exact: true }).focus()
  await page.keyboard.press('End')
  await expect(more).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem').first()).not.toBeFocused()
  await page.keyboard.press('Escape')
  await expect(more).toBeFocused()
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1024, 1600]) {
    test(`the layout at ${width} px, ${colorScheme}: one toolbar row, panels docked`, async ({
      page,
      app,
    }) => {
      await page.emulateMedia({ colorScheme })
      await openDemo(page, app.url, width)
      // A folder opened from the table (the tree follows), with two trays docked under it.
      const grid = page.getByRole('grid', { name: 'Objects' })
      await grid.getByRole('row', { name: 'documents', exact: true }).dblclick()
      await expect(grid.getByRole('row', { name: 'reports', exact: true })).toBeVisible()
      await page.getByRole('button', { name: 'Transfers', exact: true }).click()
      await page.getByRole('button', { name: 'Links', exact: true }).click()
      await expect(page.getByRole('region', { name: 'Links' })).toBeVisible()
      expect((await toolbarRow(page.getByRole('toolbar', { name: 'Browser' }))).tops).toHaveLength(
        1,
      )
      await screenshotForReadme(page, `layout-${width}-${colorScheme}`)
    })
  }
}

/** The bottom of the main area and the top of a region, in px. */
const edges = async (page: Page, region: Locator) => {
  const main = await page.locator('main').boundingBox()
  const panel = await region.boundingBox()
  if (!main || !panel) throw new Error('main area or panel not shown')
  return { mainBottom: main.y + main.height, panelTop: panel.y }
}

test('the panels dock under the table, which shrinks; the dock is resized and remembered', async ({
  page,
  app,
}) => {
  await openDemo(page, app.url, 1024)
  const grid = page.getByRole('grid', { name: 'Objects' })
  const before = (await grid.boundingBox())?.height ?? 0
  await page.getByRole('button', { name: 'Jobs', exact: true }).click()
  await page.getByRole('button', { name: 'Transfers', exact: true }).click()
  const jobs = page.getByRole('region', { name: 'Jobs' })
  const transfers = page.getByRole('region', { name: 'Transfers' })
  await expect(jobs).toBeVisible()
  await expect(transfers).toBeVisible()

  // Side by side, below the main area, which gave them its room: nothing covers the table.
  const docked = await edges(page, jobs)
  expect(docked.panelTop).toBeGreaterThanOrEqual(docked.mainBottom - 4)
  expect((await edges(page, transfers)).panelTop).toBe(docked.panelTop)
  expect((await grid.boundingBox())?.height ?? 0).toBeLessThan(before - 100)
  await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toBeVisible()

  // The splitter on its top edge: keys, then the pointer.
  const splitter = page.getByRole('separator', { name: 'Resize panels' })
  await expect(splitter).toHaveAttribute('aria-orientation', 'horizontal')
  const start = Number(await splitter.getAttribute('aria-valuenow'))
  await splitter.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 32))
  const box = await splitter.boundingBox()
  if (!box) throw new Error('splitter not shown')
  await page.mouse.move(box.x + 200, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + 200, box.y + box.height / 2 - 60, { steps: 4 })
  await page.mouse.up()
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 92))
  const taller = await edges(page, jobs)
  expect(taller.panelTop).toBeLessThan(docked.panelTop - 80)
  expect(taller.panelTop).toBeGreaterThanOrEqual(taller.mainBottom - 4)

  // Remembered after a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Local sandbox' }).or(grid)).toBeVisible()
  if (!(await page.getByRole('region', { name: 'Jobs' }).isVisible())) {
    await page.getByRole('button', { name: 'Jobs', exact: true }).click()
  }
  await expect(page.getByRole('separator', { name: 'Resize panels' })).toHaveAttribute(
    'aria-valuenow',
    String(start + 92),
  )
})

test('the sidebar is resized by keys or by dragging its edge, and keeps its width', async ({
  page,
  app,
}) => {
  await openDemo(page, app.url, 1024)
  const splitter = page.getByRole('separator', { name: 'Resize sidebar' })
  const sidebarWidth = async () => (await page.locator('.app > .sidebar').boundingBox())?.width
  await expect(splitter).toHaveAttribute('aria-orientation', 'vertical')
  const start = Number(await splitter.getAttribute('aria-valuenow'))
  expect(await sidebarWidth()).toBe(start)

  await splitter.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 80))
  expect(await sidebarWidth()).toBe(start + 80)
  await page.keyboard.press('ArrowLeft')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 64))

  const box = await splitter.boundingBox()
  if (!box) throw new Error('splitter not shown')
  await page.mouse.move(box.x + box.width / 2, 300)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 50, 300, { steps: 4 })
  await page.mouse.up()
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 114))
  // The main area gave up the room: the table's right edge is still the window's.
  const grid = await page.getByRole('grid', { name: 'Objects' }).boundingBox()
  expect(Math.round((grid?.x ?? 0) + (grid?.width ?? 0))).toBeLessThanOrEqual(1024)

  await page.reload()
  await expect(page.getByRole('separator', { name: 'Resize sidebar' })).toHaveAttribute(
    'aria-valuenow',
    String(start + 114),
  )
  expect(await sidebarWidth()).toBe(start + 114)
})

test('the tree unfolds to the folder the table opens, and marks it current', async ({
  page,
  app,
}) => {
  await openDemo(page, app.url, 1024)
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })
  const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
  // demo is open, still folded: no folder rows yet.
  await expect(row('documents')).toHaveCount(0)

  await grid.getByRole('row', { name: 'documents', exact: true }).dblclick()
  await expect(row('documents')).toHaveAttribute('aria-current', 'page')
  await expect(row('documents')).toHaveAttribute('aria-selected', 'true')
  await expect(row('demo')).toHaveAttribute('aria-expanded', 'true')
  await expect(row('demo')).not.toHaveAttribute('aria-current', 'page')

  await grid.getByRole('row', { name: 'reports', exact: true }).dblclick()
  await expect(row('reports')).toHaveAttribute('aria-current', 'page')
  await expect(row('documents')).toHaveAttribute('aria-expanded', 'true')
  await expect(row('documents')).not.toHaveAttribute('aria-current', 'page')

  // Back, then the breadcrumbs: the mark follows.
  await page.getByRole('toolbar', { name: 'Browser' }).getByRole('button', { name: 'Back' }).click()
  await expect(row('documents')).toHaveAttribute('aria-current', 'page')
  await expect(row('reports')).not.toHaveAttribute('aria-current', 'page')
  await page
    .getByRole('navigation', { name: 'Breadcrumbs' })
    .getByRole('button', { name: 'demo' })
    .click()
  await expect(row('demo')).toHaveAttribute('aria-current', 'page')
  await expect(row('documents')).not.toHaveAttribute('aria-current', 'page')
})

test('typing a name in the table moves the focus to it; the single keys still work', async ({
  page,
  app,
}) => {
  await openDemo(page, app.url, 1024)
  const grid = page.getByRole('grid', { name: 'Objects' })
  const focusedRow = () =>
    grid.evaluate((element) => {
      const id = element.getAttribute('aria-activedescendant')
      return id ? element.ownerDocument.getElementById(id)?.getAttribute('aria-label') : null
    })
  await grid.focus()

  await page.keyboard.type('p')
  await expect.poll(focusedRow).toBe('photos')
  // Typed together, the letters are one name; the row is selected as by a click.
  await page.waitForTimeout(1200)
  await page.keyboard.type('rea')
  await expect.poll(focusedRow).toBe('README.txt')
  await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  // "real" typed at once is one text that matches nothing: the focus stays (not on logs).
  await page.waitForTimeout(1200)
  await page.keyboard.type('real')
  await expect.poll(focusedRow).toBe('README.txt')
  // After a pause a new name starts: "l" finds logs.
  await page.waitForTimeout(1200)
  await page.keyboard.type('l')
  await expect.poll(focusedRow).toBe('logs')
  // And again after another pause.
  await page.waitForTimeout(1200)
  await page.keyboard.type('d')
  await expect.poll(focusedRow).toBe('documents')

  // The single-key shortcuts still act: Down moves, F2 renames the focused row.
  await page.keyboard.press('ArrowDown')
  await expect.poll(focusedRow).toBe('logs')
  await page.waitForTimeout(1200)
  await page.keyboard.type('r')
  await page.keyboard.press('F2')
  await expect(page.getByRole('dialog', { name: 'Rename' }).getByLabel('New name')).toHaveValue(
    'README.txt',
  )
})

test('columns are hidden from the header menu and resized on their edge, and stay so', async ({
  page,
  app,
}) => {
  await openDemo(page, app.url, 1024)
  const grid = page.getByRole('grid', { name: 'Objects' })
  const header = (name: string) => grid.getByRole('columnheader', { name, exact: true })
  const readme = grid.getByRole('row', { name: 'README.txt', exact: true })
  await expect(header('Size')).toBeVisible()
  await expect(readme.getByRole('gridcell', { name: '270 bytes' })).toBeVisible()

  // Hide Size from the titles' menu.
  await header('Name').click({ button: 'right' })
  await page
    .getByRole('menu', { name: 'Columns' })
    .getByRole('menuitem', { name: 'Hide the Size column' })
    .click()
  await expect(header('Size')).toHaveCount(0)
  await expect(readme.getByRole('gridcell', { name: '270 bytes' })).toBeHidden()
  await expect(grid).toHaveAttribute('aria-colcount', '3')

  // Widen Modified by keys on its splitter: the title grows by as much.
  const splitter = grid.getByRole('separator', { name: 'Resize the Modified column' })
  const start = Number(await splitter.getAttribute('aria-valuenow'))
  const before = (await header('Modified').boundingBox())?.width ?? 0
  await splitter.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 32))
  expect(Math.round((await header('Modified').boundingBox())?.width ?? 0)).toBe(
    Math.round(before + 32),
  )

  // Both remembered after a reload; then Size is shown again.
  await page.reload()
  await page
    .getByRole('tree', { name: 'Accounts' })
    .getByRole('treeitem', { name: 'demo', exact: true })
    .click({ timeout: 30_000 })
  await expect(readme).toBeVisible()
  await expect(header('Size')).toHaveCount(0)
  await expect(grid.getByRole('separator', { name: 'Resize the Modified column' })).toHaveAttribute(
    'aria-valuenow',
    String(start + 32),
  )
  // By keyboard this time: the menu key (Shift+F10) on a title's button, Enter on the first item.
  await header('Type').getByRole('button').focus()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menuitem', { name: 'Show the Size column' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(readme.getByRole('gridcell', { name: '270 bytes' })).toBeVisible()
})
