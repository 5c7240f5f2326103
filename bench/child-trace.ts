// Run in a child process of its own (issue 14, item 2): trace replay throughput as a user's
// `kmtop snapshot --trace` meets it, in a fresh process, not in the bench's after its other
// measurements have grown its heap (512 MiB kernels in the growth line). Prints one JSON line.
// Usage: child-trace.js [lines]

import {measureTrace} from './measure-trace.js';

const lines = Number(process.argv[2] ?? 1_000_000);
process.stdout.write(`${JSON.stringify(await measureTrace(lines))}\n`);
