#!/usr/bin/env node
// React's development build records a performance measure per render and grows memory over a
// long console session (ENGINEERING.md §1): production unless the caller says otherwise.
process.env.NODE_ENV ??= 'production';
const { register } = await import('tsx/esm/api');
// The project's tsconfig, not whatever the current directory has: started from /root or by an
// SSH forced command, tsx would otherwise compile the JSX without React's automatic runtime.
register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
