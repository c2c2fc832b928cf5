// The floor scripts' idea of a candidate, by name alone (SPEC §4): what any scanner of these files must read.
// Deliberately plain string tests, as a minimal script would have them.
export function isCandidate(relative) {
  const slash = relative.lastIndexOf('/');
  const base = relative.slice(slash + 1);
  const parent = relative.slice(relative.lastIndexOf('/', slash - 1) + 1, Math.max(slash, 0));
  if (relative.startsWith('node_modules/') || relative.includes('/node_modules/')) return false;
  if (base === 'settings.json' || base === 'settings.local.json')
    return parent === '.claude' || parent === 'dot_claude';
  if (base === 'managed-settings.json' || base === '.mcp.json' || base === '.devcontainer.json') return true;
  if (parent === 'managed-settings.d') return base.endsWith('.json');
  if (base === 'devcontainer.json') return relative.includes('.devcontainer/');
  if (relative.includes('.github/workflows/')) return base.endsWith('.yml') || base.endsWith('.yaml');
  return base === '.env' || base === '.envrc' || base.startsWith('.env.') || base.endsWith('.env');
}

/** Parses a candidate's text the cheapest way that still reads it all: JSON.parse, or a line split. */
export function parse(relative, text) {
  if (relative.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return text.split('\n').map((line) => line.split('='));
}
