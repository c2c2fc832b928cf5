/** Kept equal to package.json's version by test/catalogue.test.ts. */
export const TOOL_NAME = 'claude-code-policy';
export const TOOL_VERSION = '0.1.0';
/** Rule pages live in the repository; a finding's docsUrl points at its page. */
export const REPOSITORY_URL = 'https://github.com/claude-code-policy/claude-code-policy';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
