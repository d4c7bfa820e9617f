#!/usr/bin/env node
// React's development build records a performance measure per render and grows memory over a
// long console session (ENGINEERING.md §1): production unless the caller says otherwise.
process.env.NODE_ENV ??= 'production';

import { setFlagsFromString } from 'node:v8';

// A file import streams its rows and keeps the process's memory flat (issue 18: under 150 MB at
// 1,500,000 rows). Under its steady stream of short-lived row objects V8 grows the young
// generation to three 16 MB spaces, and it takes a limit on that growth only before the heap has
// grown, so the limit is set here, by the command word, before anything else is loaded. Measured
// (`sbk import --receive`, whole process, 8 MiB import page cache): 100,000 rows 150 → 131 MB;
// 1,500,000 rows 141 MB (the bench row; 154 MB before this and the import changes of the same day).
// Other commands keep V8's default, which favours throughput.
if (process.argv.slice(2).includes('import')) setFlagsFromString('--semi-space-growth-factor=1');

/** The sources compiled into one file (bin/bundle.js): what operators run. */
async function fromBundle() {
  if (process.env.SBK_NO_BUNDLE) return null;
  const { freshBundle } = await import('./bundle.js');
  const path = await freshBundle();
  return path ? import(path) : null;
}

/** The TypeScript sources through tsx: when no bundle can be made, or SBK_NO_BUNDLE=1. */
async function fromSources() {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig, not whatever the current directory has: started from /root or by an
  // SSH forced command, tsx would otherwise compile the JSX without React's automatic runtime.
  register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
  return import('../src/cli/main.ts');
}

const { main } = (await fromBundle()) ?? (await fromSources());
process.exitCode = await main(process.argv.slice(2));
