/** Adds a custom-endpoint account through the connect form, as a user would, and opens it. */
import { expect, type Page } from '@playwright/test'

export type AccountTarget = {
  readonly endpoint: string
  readonly caFile: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

export const connectAccount = async (
  page: Page,
  url: string,
  target: AccountTarget,
  name = 'DSS test bed',
): Promise<void> => {
  await page.goto(url)
  await page.getByRole('button', { name: 'Add account', exact: true }).click()
  await page.getByRole('radio', { name: /Custom S3-compatible endpoint/ }).check()
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Endpoint', { exact: true }).fill(target.endpoint)
  await page.getByLabel('Access key', { exact: true }).fill(target.accessKeyId)
  await page.getByLabel('Secret key', { exact: true }).fill(target.secretAccessKey)
  await page.getByText('Advanced', { exact: true }).click()
  await page.getByLabel('Custom CA file', { exact: true }).fill(target.caFile)
  await page.getByRole('button', { name: 'Save and connect', exact: true }).click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
}
