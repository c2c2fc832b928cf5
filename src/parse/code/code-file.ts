// A source file checked for API features outside ZDR and Agent SDK settings (issue 12).
import type { Span } from '../../model.js';
import type { SourceFile } from '../../discover/source.js';
import type { SiteKind } from './analyse.js';

export type CodeLanguage =
  | 'typescript'
  | 'javascript'
  | 'python'
  | 'notebook'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'ruby'
  | 'csharp'
  | 'php'
  | 'shell';

export interface LocatedSite {
  kind: SiteKind;
  span: Span;
  what: string;
  detail?: string;
}

export interface LocatedComment {
  line: number;
  column: number;
  text: string;
}

export interface CodeFile {
  kind: 'code';
  language: CodeLanguage;
  source: SourceFile;
  sites: LocatedSite[];
  comments: LocatedComment[];
  /** The file could not be parsed (a grammar failed to load): nothing in it was checked. */
  error?: string;
}

/** The language of a source path by its extension, or undefined when it is not source code we read. */
export function codeLanguage(filePath: string): CodeLanguage | undefined {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = base.slice(dot + 1);
  switch (ext) {
    case 'ts':
    case 'tsx':
    case 'mts':
    case 'cts':
      return base.endsWith('.d.ts') || base.endsWith('.d.mts') || base.endsWith('.d.cts')
        ? undefined
        : 'typescript';
    case 'js':
    case 'jsx':
    case 'mjs':
    case 'cjs':
      return /[.-]min\.[cm]?js$/.test(base) || base.endsWith('.bundle.js') ? undefined : 'javascript';
    case 'py':
      return 'python';
    case 'ipynb':
      return 'notebook';
    case 'go':
      return 'go';
    case 'java':
      return 'java';
    case 'kt':
    case 'kts':
      return 'kotlin';
    case 'rb':
      return 'ruby';
    case 'cs':
      return 'csharp';
    case 'php':
      return 'php';
    case 'sh':
    case 'bash':
      return 'shell';
    default:
      return undefined;
  }
}

/** The comment marker a suppression uses in each language. */
export function codeCommentSyntax(language: CodeLanguage): '#' | '//' {
  switch (language) {
    case 'python':
    case 'notebook':
    case 'ruby':
    case 'shell':
      return '#';
    default:
      return '//';
  }
}
