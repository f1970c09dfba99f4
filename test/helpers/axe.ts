import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** An axe rule the page breaks, with the elements that break it. */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical violations axe's default rules (WCAG 2.x A/AA and best practice,
 * experimental rules left out) find on the page as it is drawn now. axe-core is injected from
 * node_modules, so it runs offline.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
