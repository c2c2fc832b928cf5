// The pipeline: discover -> parse -> resolve scopes -> evaluate -> report. Pure apart from reading the tree.
import type { Logger } from './logger.js';
import type { Report } from './model.js';
import type { ScanOptions } from './options.js';

export interface ScanContext {
  /** Relative `options.path` is resolved against this. */
  cwd: string;
  logger: Logger;
  /** For suppressions' `until` dates; tests pin it. */
  now?: Date;
}

export declare function scan(options: ScanOptions, context: ScanContext): Promise<Report>;
