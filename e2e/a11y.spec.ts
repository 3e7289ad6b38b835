/**
 * Issue 14: axe reads every screen, panel and dialog of the app on the local sandbox, in the light
 * and the dark colour scheme, and finds nothing serious or critical (contrast included).
 */
import type { Locator, Page } from '@playwright/test'
import { axeFindings, type Finding } from './axe-check'
import { expect, test } from './fixtures'

/** Opens something, lets axe read the page, and closes it again with Escape. */
const visit = async (
  page: Page,
  findings: Finding[],
  screen: string,
  shown: Locator,
  close: 'Escape' | null = 'Escape',
): Promise<void> => {
  await expect(shown).toBeVisible()
  findings.push(...(await axeFindings(page, screen)))
  // For a look at focus rings and colours (issue 14 asks for them to be checked by eye too).
  const scheme = await page.evaluate<string>(
    "matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'",
  )
  await page.screenshot({ path: `/tmp/a11y-${scheme}-${screen.replaceAll(/\W+/g, '-')}.png` })
  if (close) {
    await page.keyboard.press(close)
    await expect(shown).toHaveCount(0)
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious problem on any screen or dialog (${colorScheme})`, async ({
    page,
    app,
  }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    const findings: Finding[] = []
    await page.goto(app.url)
    const tree = page.getByRole('tree', { name: 'Accounts' })
    const grid = page.getByRole('grid', { name: 'Objects' })
    const toolbar = page.getByRole('toolbar', { name: 'Browser' })
    const dialog = (name: string) => page.getByRole('dialog', { name })

    // The sandbox's bucket list, where a newcomer lands.
    await expect(page.getByRole('heading', { name: 'Local sandbox' })).toBeVisible()
    await visit(
      page,
      findings,
      'sandbox buckets',
      page.getByRole('grid', { name: 'Buckets' }),
      null,
    )

    // The connect form.
    await page.getByRole('button', { name: 'Add account', exact: true }).click()
    await visit(page, findings, 'connect form', page.getByRole('radio').first(), null)
    await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
    await visit(
      page,
      findings,
      'connect form, custom',
      page.getByLabel('Endpoint', { exact: true }),
      null,
    )
    await tree.getByRole('treeitem', { name: 'Local sandbox' }).click()

    // The bucket dialogs, and the tree's menu (Shift+F10 on a bucket).
    await page.getByRole('button', { name: 'New bucket', exact: true }).click()
    await visit(page, findings, 'new bucket', dialog('New bucket'))
    await tree.getByRole('treeitem', { name: 'demo', exact: true }).focus()
    await page.keyboard.press('Shift+F10')
    const treeMenu = page.getByRole('menu', { name: 'Tree actions' })
    await visit(page, findings, 'tree menu', treeMenu, null)
    await treeMenu.getByRole('menuitem', { name: 'Delete bucket…' }).click()
    await visit(page, findings, 'delete bucket', dialog('Delete bucket'))

    // The object table and the tree, expanded.
    await tree.getByRole('treeitem', { name: 'demo', exact: true }).click()
    await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toBeVisible()
    await tree.getByRole('treeitem', { name: 'demo', exact: true }).press('ArrowRight')
    await expect(tree.getByRole('treeitem', { name: 'photos', exact: true })).toBeVisible()
    await grid.getByRole('row', { name: 'README.txt', exact: true }).click()
    await visit(page, findings, 'object table', grid, null)

    // The context menu, then each dialog on README.txt.
    await grid.getByRole('row', { name: 'README.txt', exact: true }).click({ button: 'right' })
    await visit(page, findings, 'context menu', page.getByRole('menu', { name: 'Object actions' }))
    await toolbar.getByRole('button', { name: 'New folder' }).click()
    await visit(page, findings, 'new folder', dialog('New folder'))
    await toolbar.getByRole('button', { name: 'Rename' }).click()
    await visit(page, findings, 'rename', dialog('Rename'))
    await toolbar.getByRole('button', { name: 'Delete' }).click()
    await visit(page, findings, 'delete', dialog('Delete'))
    await toolbar.getByRole('button', { name: 'Properties' }).click()
    await expect(dialog('Properties').getByLabel('Content type')).toBeVisible()
    await visit(page, findings, 'properties', dialog('Properties'))
    await toolbar.getByRole('button', { name: 'Download' }).click()
    await visit(page, findings, 'download', dialog('Download'))
    await toolbar.getByRole('button', { name: 'Upload link…' }).click()
    await visit(page, findings, 'upload link', dialog('Upload link'))
    await toolbar.getByRole('button', { name: 'Move to…' }).click()
    await visit(page, findings, 'move to', dialog('Move to'))
    await toolbar.getByRole('button', { name: 'Share link…' }).click()
    await visit(page, findings, 'share', dialog('Share link'), null)
    await dialog('Share link').getByRole('button', { name: 'Create link' }).click()
    await visit(
      page,
      findings,
      'share, made',
      dialog('Share link').getByRole('img', { name: 'QR code for the link' }),
    )

    // A second paste onto the same name asks first.
    await grid.getByRole('row', { name: 'README.txt', exact: true }).click()
    await toolbar.getByRole('button', { name: 'Copy', exact: true }).click()
    await grid.getByRole('row', { name: 'documents', exact: true }).dblclick()
    await expect(grid.getByRole('row', { name: 'reports', exact: true })).toBeVisible()
    await toolbar.getByRole('button', { name: 'Paste' }).click()
    await expect(grid.getByRole('row', { name: 'README.txt', exact: true })).toBeVisible()
    await toolbar.getByRole('button', { name: 'Paste' }).click()
    await visit(page, findings, 'name clash', dialog('Name clash'), null)
    await dialog('Name clash').getByRole('button', { name: 'Skip' }).click()

    // The panels.
    const panels: readonly [string, string][] = [
      ['Transfers', 'Transfers'],
      ['Jobs', 'Jobs'],
      ['Links', 'Links'],
    ]
    for (const [toggle, region] of panels) {
      // A panel may be open already (the paste's job opens Jobs).
      const button = page.getByRole('contentinfo').getByRole('button', { name: new RegExp(toggle) })
      if ((await button.getAttribute('aria-expanded')) === 'false') await button.click()
      await visit(
        page,
        findings,
        `${region} panel`,
        page.getByRole('region', { name: region }),
        null,
      )
      if (region === 'Transfers') {
        await page.getByRole('button', { name: 'Transfer settings' }).click()
        await visit(page, findings, 'transfer settings', page.getByLabel('Files at once'), null)
      }
      await button.click()
    }
    await page.getByRole('button', { name: /^Requests/ }).click()
    await visit(
      page,
      findings,
      'request log',
      page.getByRole('region', { name: 'Request log' }),
      null,
    )

    expect(findings).toEqual([])
  })
}
