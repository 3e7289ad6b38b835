/** Runs axe on the page as it is and keeps the serious and critical violations, described. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** WCAG 2.1 A and AA: what the app promises (colour contrast AA included). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

export type Finding = {
  readonly screen: string
  readonly rule: string
  readonly impact: string
  readonly help: string
  readonly targets: readonly string[]
}

/** axe's findings of impact serious or critical on what the page shows now. */
export const axeFindings = async (page: Page, screen: string): Promise<Finding[]> => {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      screen,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }))
}
