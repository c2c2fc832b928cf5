// zod, configured once for the whole program; every schema imports `z` from here, never from 'zod' directly, so
// the configuration is in place before the first schema is built (zod reads it as each object schema is made).
// jitless: zod's default compiles a parser for each object schema with `new Function` on its first use. Each
// settings file is parsed once, so the code generation and compilation cost far more than they save (about
// 40 ms of a 70 ms start, measured on Node 24), and a program that checks untrusted files is better off
// evaluating no generated code at all.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
