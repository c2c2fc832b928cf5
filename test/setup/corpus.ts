// Global setup: one line when the shared conformance corpus is absent (as on any public CI), so that the tests
// skipped for it are not a silent gap.
import { corpusMissing } from '../helpers/shared.js';

export function setup(): void {
  const reason = corpusMissing();
  if (reason !== undefined) {
    console.warn(`Skipping the conformance tests${process.env.CI ? ' in CI' : ''}: ${reason}.`);
  }
}
