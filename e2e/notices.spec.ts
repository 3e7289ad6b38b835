/**
 * The notice over the status bar: a success goes by itself after a few seconds; a failure stays
 * until it is dismissed, so nobody loses a message they had no time to read. The page's clock is
 * Playwright's, moved on by hand: nothing here waits on the machine's speed.
 */
import { expect, test } from './fixtures'

test('a copied link is announced for a few seconds; a failure stays until dismissed', async ({
  page,
  app,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin,
  })
  await page.clock.install()
  await page.goto(app.url)
  const tree = page.getByRole('tree', { name: 'Accounts' })
  const grid = page.getByRole('grid', { name: 'Objects' })
  const demo = tree.getByRole('treeitem', { name: 'demo', exact: true })
  // The sandbox seeds its demo bucket on first start: that can take a while on a busy machine.
  await expect(demo).toBeVisible({ timeout: 30_000 })
  await demo.click()

  await grid.getByRole('row', { name: 'README.txt', exact: true }).click()
  await page.keyboard.press('Control+l')
  const copied = page.getByText(/^Link copied — expires /)
  await expect(copied).toBeVisible()
  await page.clock.fastForward(5_000)
  await expect(copied).toHaveCount(0)

  await grid.getByRole('row', { name: 'documents', exact: true }).click()
  await page.keyboard.press('Control+l')
  const refused = page.getByText(/^No link copied: A link is for a file/)
  await expect(refused).toBeVisible()
  await page.clock.fastForward(60_000)
  await expect(refused).toBeVisible()
  await page.screenshot({ path: '/tmp/notice-failed.png' })
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).click()
  await expect(refused).toHaveCount(0)
})
