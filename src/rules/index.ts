// The explicit, ordered registry: a bundler cannot glob a folder at run time, and test/catalogue.test.ts checks
// that rule files, this list, docs/rules/*.md and the README table agree.
import { CFG001 } from './cfg001.js';
import { CFG002 } from './cfg002.js';
import { CFG003 } from './cfg003.js';
import { CFG004 } from './cfg004.js';
import { CFG005 } from './cfg005.js';
import { CFG006 } from './cfg006.js';
import { CFG007 } from './cfg007.js';
import { CFG008 } from './cfg008.js';
import { CFG009 } from './cfg009.js';
import { CFG010 } from './cfg010.js';
import { NET001 } from './net001.js';
import { NET002 } from './net002.js';
import { NET003 } from './net003.js';
import { NET004 } from './net004.js';
import { NET005 } from './net005.js';
import { NET006 } from './net006.js';
import { SEC001 } from './sec001.js';
import type { Rule } from './types.js';
import { ZDR001 } from './zdr001.js';
import { ZDR002 } from './zdr002.js';
import { ZDR003 } from './zdr003.js';
import { ZDR004 } from './zdr004.js';
import { ZDR005 } from './zdr005.js';
import { ZDR006 } from './zdr006.js';
import { ZDR007 } from './zdr007.js';
import { ZDR008 } from './zdr008.js';
import { ZDR010 } from './zdr010.js';
import { ZDR011 } from './zdr011.js';
import { ZDR012 } from './zdr012.js';
import { ZDR013 } from './zdr013.js';
import { ZDR014 } from './zdr014.js';
import { ZDR015 } from './zdr015.js';
import { ZDR016 } from './zdr016.js';
import { ZDR017 } from './zdr017.js';
import { ZDR018 } from './zdr018.js';
import { ZDR019 } from './zdr019.js';
import { ZDR020 } from './zdr020.js';
import { ZDR021 } from './zdr021.js';
import { ZDR022 } from './zdr022.js';

export const RULES: readonly Rule[] = [
  NET001,
  NET002,
  NET003,
  NET004,
  NET005,
  NET006,
  ZDR001,
  ZDR002,
  ZDR003,
  ZDR004,
  ZDR005,
  ZDR006,
  ZDR007,
  ZDR008,
  ZDR010,
  ZDR011,
  ZDR012,
  ZDR013,
  ZDR014,
  ZDR015,
  ZDR016,
  ZDR017,
  ZDR018,
  ZDR019,
  ZDR020,
  ZDR021,
  ZDR022,
  SEC001,
  CFG001,
  CFG002,
  CFG003,
  CFG004,
  CFG005,
  CFG006,
  CFG007,
  CFG008,
  CFG009,
  CFG010,
];
