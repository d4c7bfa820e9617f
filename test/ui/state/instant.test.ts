import { describe, expect, it } from 'vitest';
import { canOpenLoad, initialInstantState, instantReducer, noBlanks, receiptToSave, type InstantAction, type InstantState } from '../../../src/ui/state/instant.ts';
import { bankChoices, whyOff } from '../../../src/ui/state/instant-devices.ts';
import { applicantOf, attemptFor, fieldOf, missingField } from '../../../src/ui/state/instant-form.ts';
import type { StationChoice } from '../../../src/workflows/instant-stations.ts';
import type { SiteDevices } from '../../../src/workflows/site-devices.ts';
import type { InterruptedJob } from '../../../src/workflows/instant-recovery.ts';
import type { IssueReceipt } from '../../../src/domain/issue-receipt-format.ts';

const run = (actions: InstantAction[], from: InstantState = initialInstantState(true, '')): InstantState => actions.reduce(instantReducer, from);
const station = (bank: string | null, remaining: number, hopperName = `${bank}盒`): StationChoice => ({ printerId: 'P1', hopperNo: 1, hopperName, bank, maker: null, remaining, inLedger: true }) as unknown as StationChoice;
const devices = (ca: boolean, printers = 1): SiteDevices => ({ printers: Array(printers).fill({}), problems: [], ca: ca ? {} : null }) as unknown as SiteDevices;
const fresh = { fields: { name: '', printedName: '', idNumber: '', ssn: '', birthDate: '', cardNo: 'T00000001', photo: '/p.png' }, training: true };
const job = { jobNo: 'J1', printerId: 'P1', needs: 'face_check' } as InterruptedJob;
const receipt = { holderName: '张三' } as IssueReceipt;

describe('instant reducer', () => {
  it('loads, then the form with the banks that have blanks (the first hopper of each bank)', () => {
    const banks = bankChoices([station('工行', 2, 'A'), station('工行', 5, 'B'), station('建行', 0), station(null, 0)]);
    expect(banks.map((b) => [b.bank, b.station.hopperName])).toEqual([['工行', 'A']]);
    const s = run([{ type: 'seed', form: fresh }, { type: 'loading' }, { type: 'opened', devices: devices(true) }, { type: 'jobs', jobs: [] }, { type: 'to-form', banks, fresh: null }]);
    expect(s).toMatchObject({ step: 'form', loading: false, training: true, offReason: null });
    expect(s.fields.cardNo).toBe('T00000001');
  });

  it('says why the form is off: no service, no printer, no CA, no blanks', () => {
    expect(whyOff(false, null, [])).toMatch(/没有接入设备/);
    expect(whyOff(true, devices(true, 0), [])).toMatch(/没有配置制卡机/);
    expect(whyOff(true, devices(false), [])).toMatch(/加密机/);
    const s = run([{ type: 'opened', devices: devices(true) }, { type: 'to-form', banks: [], fresh: null }]);
    expect(s.step).toBe('off');
    expect(noBlanks(s)).toBe(true);
    expect(canOpenLoad(s)).toBe(true);
  });

  it('keeps the chosen bank across a refresh; ←→ cycle the banks', () => {
    const banks = bankChoices([station('工行', 2), station('建行', 1)]);
    let s = run([{ type: 'opened', devices: devices(true) }, { type: 'to-form', banks, fresh: null }, { type: 'move-bank', delta: -1 }]);
    expect(s.bankIndex).toBe(1);
    s = run([{ type: 'to-form', banks: bankChoices([station('农行', 1), station('工行', 1), station('建行', 3)]), fresh: null }], s);
    expect(s.banks[s.bankIndex]?.bank).toBe('建行');
  });

  it('fields: typing clears the message, Enter moves on, a refusal points at the row; L only before typing', () => {
    let s = run([{ type: 'opened', devices: devices(true) }, { type: 'to-form', banks: bankChoices([station('工行', 1)]), fresh }, { type: 'refused', focus: 'photo', text: 'no photo' }]);
    expect(s).toMatchObject({ focus: 'photo', message: { level: 'error', text: 'no photo' } });
    expect(canOpenLoad(s)).toBe(false); // the photo row has text
    s = run([{ type: 'move-focus', delta: -2 }], s);
    expect(s.focus).toBe('bank');
    expect(canOpenLoad(s)).toBe(true);
    s = run([{ type: 'move-focus', delta: -3 }, { type: 'set-field', field: 'name', value: '张三' }], s);
    expect(s).toMatchObject({ focus: 'name', message: null });
    expect(canOpenLoad(s)).toBe(false);
    s = run([{ type: 'field-done', field: 'name', value: '张三' }], s);
    expect(s.focus).toBe('printedName');
    expect(missingField(s.fields)).toBe('idNumber');
  });

  it('a run: phases, then a failed card remembers the applicant; the next attempt counts on', () => {
    const applicant = applicantOf({ ...fresh.fields, name: '张三', idNumber: '420102199001011234' }, '工行', 'b64');
    expect(applicant.printedName).toBeUndefined();
    const runInfo = { name: '张三', idMasked: '4201', bank: '工行', printerId: 'P1', hopperName: 'A', attempt: 1 };
    let s = run([{ type: 'run-started', applicant, run: runInfo }, { type: 'phase', phase: 'write' }]);
    expect(s).toMatchObject({ step: 'running', busy: true, phase: 'write' });
    s = run([{ type: 'run-finished', result: { status: 'failed', jobNo: 'J', blankNo: 'B', code: 'X', message: 'm' } }], s);
    expect(s).toMatchObject({ step: 'result', busy: false });
    expect(attemptFor(s.lastFailed, applicant)).toBe(2);
    expect(attemptFor(s.lastFailed, { ...applicant, cardNo: 'other' })).toBe(1);
    s = run([{ type: 'run-started', applicant, run: { ...runInfo, attempt: 2 } }, { type: 'run-stopped', failure: 'link lost' }], s);
    expect(s).toMatchObject({ step: 'error', busy: false, failure: 'link lost' });
  });

  it('an issued card, or a resolved job that issued one, has a receipt to save', () => {
    const s = run([{ type: 'run-finished', result: { status: 'issued', jobNo: 'J', cardNo: 'C', blankNo: 'B', receipt } }]);
    expect(receiptToSave(s)).toBe(receipt);
    expect(s.lastFailed).toBeNull();
    let j = run([{ type: 'opened', devices: devices(true) }, { type: 'jobs', jobs: [job] }]);
    expect(j.step).toBe('job');
    j = run([{ type: 'face-good' }, { type: 'resolving' }], j);
    expect(j).toMatchObject({ faceGood: true, busy: true });
    j = run([{ type: 'resolved', view: { message: { level: 'ok', text: 'ok' }, receipt } }], j);
    expect(j).toMatchObject({ step: 'resolved', busy: false });
    expect(receiptToSave(j)).toBe(receipt);
    expect(run([{ type: 'receipt', receipt: { path: '/x', error: null } }], j).receipt.path).toBe('/x');
  });

  it('maps a refusal to the row to correct', () => {
    expect(fieldOf('HOLDER_NAME_MISMATCH')).toBe('name');
    expect(fieldOf('ID_CHECKSUM')).toBe('idNumber');
    expect(fieldOf('FACE_PHOTO_SIZE')).toBe('photo');
    expect(fieldOf('FACE_NAME_TOO_LONG')).toBe('printedName');
    expect(fieldOf('CARD_NO_TAKEN')).toBe('cardNo');
    expect(fieldOf('HOPPER_EMPTY')).toBe('bank');
    expect(fieldOf('OTHER')).toBeNull();
  });
});
