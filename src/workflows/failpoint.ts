/**
 * Crash tests' failpoints (as in SQLite's and PGlite's crash tests): when `SBK_FAILPOINT` names
 * a step, the process kills itself with SIGKILL right after writing that step, so a test can
 * prove that a restart resolves what a real crash there would leave. Unset in normal use.
 */
export function failpoint(step: string): void {
  const at = process.env.SBK_FAILPOINT;
  if (at && at.split(',').includes(step)) process.kill(process.pid, 'SIGKILL');
}
