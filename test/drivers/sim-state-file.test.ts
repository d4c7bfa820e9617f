import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blankChip } from '../../drivers/simulator/sim-chip.ts';
import { SimulatedDeskPrinter, simulatedPrinterLink } from '../../drivers/simulator/simulated-desk-printer.ts';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('simulated printer state file', () => {
  it('keeps the card at the reader across a host crash', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbk-sim-'));
    const file = join(dir, 'printer.json');
    let sim: SimulatedDeskPrinter | null = SimulatedDeskPrinter.fromFile(file, [1, 2]);
    sim.placeInHopper(1, [blankChip({ cardIdCode: 'K1' }), blankChip({ cardIdCode: 'K2' })]);
    const link = simulatedPrinterLink(sim, { chunk: 'random' });
    await link.printer.loadCard(1);
    await link.printer.writePersonal({ regionCode: '440104', ssn: '440104199003077777', cardNo: 'A1', name: '张三', issueDate: '20250301', expiryDate: '20350301' });
    sim.injectFault('print_failure');
    await link.close();
    sim = null;

    const back = SimulatedDeskPrinter.fromFile(file, [1, 2]);
    expect(back.cardAtReader()).toMatchObject({ cardIdCode: 'K1', name: '张三' });
    expect(back.hopperContents(1).map((c) => c.cardIdCode)).toEqual(['K2']);
    expect(back.snapshot().pendingFaults).toEqual(['print_failure']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(back.snapshot());

    const again = simulatedPrinterLink(back);
    expect(await again.printer.status()).toMatchObject({ cardAtReader: true });
    await again.close();
  });

  it('starts empty when the file does not exist yet, and refuses state for hoppers no longer fitted', () => {
    dir = mkdtempSync(join(tmpdir(), 'sbk-sim-'));
    const file = join(dir, 'new.json');
    const sim = SimulatedDeskPrinter.fromFile(file, [1]);
    expect(sim.snapshot()).toMatchObject({ atReader: null, hoppers: [{ hopper: 1, chips: [] }] });
    sim.placeInHopper(1, [blankChip({ cardIdCode: 'K1' })]);
    expect(() => SimulatedDeskPrinter.fromFile(file, [2])).toThrow(expect.objectContaining({ code: 'SIM_STATE_MISMATCH' }));
  });
});
