/**
 * Accessibility checks with axe-core (@axe-core/playwright): the page as it is on screen, in the light
 * and the dark theme, must have no critical, serious or moderate violation of WCAG 2.1 A/AA (colour
 * contrast, names, roles, list structure…). Minor findings are printed, not failed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * One axe run of the current page in its current theme. Fails the test on any finding above minor,
 * softly, so a walk over many screens reports every screen's findings in one run.
 */
export async function expectNoA11yViolations(page: Page, where: string, rules?: string[]): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(TAGS);
  if (rules) axe.withRules(rules);
  const { violations } = await axe.analyze();
  const serious = violations.filter((v) => v.impact !== 'minor');
  const minor = violations.filter((v) => !serious.includes(v));
  if (minor.length > 0) console.log(`axe (${where}), not failed: ${minor.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')}`);
  const report = serious.map(
    (v) => `${v.impact} ${v.id} (${v.help}):\n` + v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'),
  );
  expect.soft(report, `axe found violations above minor in ${where}`).toEqual([]);
}

/** The rules whose outcome depends on colours; everything else is the same DOM in either theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The same check in both themes: every rule in the light theme, the colour rules again in the dark
 * one (the DOM, and so every other rule's outcome, is the same). The theme setting defaults to
 * "system", so the OS preference is switched (prefers-color-scheme), exactly what a user in dark mode
 * gets; light is restored after.
 */
export async function expectAccessibleInBothThemes(page: Page, where: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoA11yViolations(page, `${where}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await expectNoA11yViolations(page, `${where}, dark`, COLOUR_RULES);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}
