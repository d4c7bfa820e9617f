/**
 * The program the library host process runs (`node -e`): it loads koffi and the vendor's
 * library, binds the functions it is sent, and answers one call at a time. It is a separate
 * process, not a worker thread, because a call that never returns holds its thread inside native
 * code, where Worker.terminate() cannot reach it (and then the whole process cannot exit); a
 * process can always be killed. Plain JavaScript in a string, so it runs the same from the
 * sources and from the bundle. Messages (structured clone over the IPC channel):
 *   → { type: 'open', koffi, path, functions: [{ name, prototype, optional }] }
 *   ← { type: 'opened', missing: [names] } | { type: 'failed', reason: 'koffi' | 'load' | 'function', name?, detail }
 *   → { type: 'call', id, name, args: (number | Uint8Array)[], outBytes }
 *   ← { type: 'result', id, ret, out } | { type: 'result', id, error }
 */
export const HOST_SCRIPT = `
'use strict';
const fns = Object.create(null);
const message = (e) => String((e && e.message) || e);
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m.type === 'open') {
    let koffi;
    try { koffi = require(m.koffi); } catch (e) { process.send({ type: 'failed', reason: 'koffi', detail: message(e) }); return; }
    let lib;
    try { lib = koffi.load(m.path); } catch (e) { process.send({ type: 'failed', reason: 'load', detail: message(e) }); return; }
    const missing = [];
    for (const f of m.functions) {
      try { fns[f.name] = lib.func(f.prototype); }
      catch (e) {
        if (f.optional) { missing.push(f.name); continue; }
        process.send({ type: 'failed', reason: 'function', name: f.name, detail: message(e) });
        return;
      }
    }
    process.send({ type: 'opened', missing });
    return;
  }
  if (m.type === 'call') {
    const out = Buffer.alloc(m.outBytes);
    try {
      const args = m.args.map((a) => (typeof a === 'number' ? a : Buffer.from(a)));
      const ret = fns[m.name](...args, out);
      process.send({ type: 'result', id: m.id, ret: Number(ret), out: new Uint8Array(out) });
    } catch (e) {
      process.send({ type: 'result', id: m.id, error: message(e) });
    }
  }
});
`;
