// zod's configuration for the whole program. Every module that builds a schema imports this module before 'zod'
// (`import '../zod.js';`), so the configuration is in place before the first schema is built: zod reads it as
// each object schema is made. (This module exports nothing: re-exporting zod's `z` from here would stop the
// bundler from dropping the parts of zod no schema uses, such as its 40 locales, 0.5 MB.)
// jitless: zod's default compiles a parser for each object schema with `new Function` on its first use. Each
// settings file is parsed once, so the code generation and compilation cost far more than they save (about
// 40 ms of a 70 ms start, measured on Node 24), and a program that checks untrusted files is better off
// evaluating no generated code at all.
import { config } from 'zod';

config({ jitless: true });
