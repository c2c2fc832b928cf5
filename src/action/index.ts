// The bundle's entry point (dist/action/index.js). All the work happens in run(), none at import time.
import { run } from './main.js';

await run();
