import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { cliAs, demoLedgerCopies, errorCode, verifies } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

/** Demo operators (src/workflows/demo-ledger.ts). */
const PINS = { admin: '135790', lijuan: '246801', zhangwei: '357902', zhaomin: '468013', chenjing: '802357' } as const;

const PROVINCE = 'P-420100-2026-1120'; // 24 cards D40000001…D40000024, boxes 01 and 02, awaiting sign-in at 420100
const BATCH = '420100-2026-1120';
const BOM = '\uFEFF';
const SLOW = 90_000;

const demoCopy = demoLedgerCopies('sbk-ship-');
const { sbk, ok } = cliAs(PINS);

const D4 = (n: number) => `D4${String(n).padStart(7, '0')}`;

describe('sbk ship (real binary)', () => {
  it(
    'the province shipment: refused at the wrong site with nothing changed; partial sign-in, then --all --close with damaged and extra cards',
    () => {
      const db = demoCopy();
      const before = ok(db, 'lijuan', ['ship', 'list', '--inbound', '--all']);
      // Blind sign-in: the receiving site's list has no card count until it has signed in.
      expect(before.find((s: { number: string }) => s.number === PROVINCE)).toMatchObject({ status: 'in_transit', cards: null, outstanding: null, to: { code: '420100' } });

      const wrong = sbk(db, 'chenjing', ['ship', 'receive', PROVINCE, '--all', '--close', '--signer', '陈静']);
      expect(wrong.code).toBe(1);
      expect(errorCode(wrong)).toBe('SHIPMENT_WRONG_SITE');
      expect(ok(db, 'lijuan', ['ship', 'list', '--inbound', '--all'])).toEqual(before);
      verifies(db);

      // Neither --card nor --all: a usage error, nothing signed.
      const usage = sbk(db, 'lijuan', ['ship', 'receive', PROVINCE, '--signer', '李娟']);
      expect(usage.code).toBe(2);
      expect(errorCode(usage)).toBe('USAGE');

      const partial = ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--card', D4(1), '--card', D4(2), '--signer', '李娟']);
      expect(partial).toMatchObject({ number: PROVINCE, expected: 24, received: 2, damaged: 0, extras: 0, missing: 0, outstanding: 22, closed: false });
      expect(ok(db, 'lijuan', ['ship', 'list']).find((s: { number: string }) => s.number === PROVINCE)).toMatchObject({ status: 'partial', outstanding: null });

      const rest = ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--close', '--damaged', `${D4(3)}=卡面划伤`, '--extra', 'Z00000001', '--signer', '李娟', '--custodian', '李娟']);
      // Nothing was left outstanding, so no close was needed: the shipment is simply received.
      expect(rest).toMatchObject({ expected: 22, received: 21, damaged: 1, extras: 1, missing: 0, outstanding: 0, closed: false });
      const found = ok(db, 'lijuan', ['discrepancy', 'list']) as { kind: string; cardNo: string; note: string }[];
      expect(found.map((d) => [d.kind, d.cardNo]).sort()).toEqual([
        ['damaged', D4(3)],
        ['extra', 'Z00000001'],
      ]);
      expect(ok(db, 'lijuan', ['card', D4(3)])).toMatchObject({ state: 'defective' });
      expect(ok(db, 'lijuan', ['ship', 'list', '--all']).find((s: { number: string }) => s.number === PROVINCE)).toMatchObject({ status: 'received', outstanding: 0 });
      verifies(db);
    },
    SLOW,
  );

  it(
    'dispatch by card and by batch, cancel a draft, inbound list, show and the hand-over sheet as text and CSV',
    () => {
      const db = demoCopy();
      ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟']);

      const draft = ok(db, 'lijuan', ['ship', 'create', '--to', '420104-01', '--card', D4(1), '--card', D4(2), '--method', 'courier', '--tracking', 'SF1234567890']);
      expect(draft).toMatchObject({ number: expect.stringMatching(/^420100-\d{8}-\d{3}$/), cards: 2, sent: false });
      expect(ok(db, 'lijuan', ['ship', 'cancel', draft.number, '--reason', '收件网点改期'])).toEqual({ cancelled: draft.number });

      const byCard = ok(db, 'lijuan', ['ship', 'create', '--to', '420104-01', '--card', D4(1), '--card', D4(2), '--method', 'courier', '--tracking', 'SF1234567890', '--sender', '李娟']);
      expect(byCard.number).not.toBe(draft.number);
      expect(ok(db, 'lijuan', ['ship', 'send', byCard.number])).toMatchObject({ number: byCard.number, cards: 2, replayed: false });
      const cancelSent = sbk(db, 'lijuan', ['ship', 'cancel', byCard.number, '--reason', 'x']);
      expect(errorCode(cancelSent)).toBe('SHIPMENT_ALREADY_SENT');

      const byBatch = ok(db, 'lijuan', ['ship', 'create', '--to', '420102-01', '--batch', BATCH, '--send', '--note', '第四批']);
      expect(byBatch).toMatchObject({ cards: 22, sent: true });

      const outbound = ok(db, 'lijuan', ['ship', 'list', '--outbound', '--all']) as { number: string; status: string }[];
      expect(outbound.find((s) => s.number === draft.number)?.status).toBe('cancelled');
      expect(outbound.find((s) => s.number === byBatch.number)?.status).toBe('in_transit');

      // 硚口 sees both shipments from the city: the demo's courier parcel and the new one.
      const inbound = ok(db, 'chenjing', ['ship', 'list', '--inbound']) as {
        number: string;
        from: { code: string };
        cards: number | null;
        status: string;
        method: string;
        ageWorkingDays: number | null;
        late: boolean;
      }[];
      expect(inbound.every((s) => s.from.code === '420100' && s.status === 'in_transit')).toBe(true);
      expect(inbound.find((s) => s.number === byCard.number)).toMatchObject({ cards: null, method: 'courier', trackingNo: 'SF1234567890' });
      expect(inbound.every((s) => s.cards === null)).toBe(true);
      const demoParcel = inbound.find((s) => s.number !== byCard.number && s.number !== byBatch.number)!;
      expect(demoParcel.ageWorkingDays).toEqual(expect.any(Number));
      expect(demoParcel.late).toBe(demoParcel.ageWorkingDays! > 5);
      const text = runCli(['ship', 'list', '--db', db], { SBK_OPERATOR: 'chenjing', SBK_PIN: PINS.chenjing });
      expect(text.stdout).toContain(byCard.number);
      expect(text.stdout).toContain('个工作日');
      expect(text.stdout).not.toMatch(/张数|未签收/);

      const show = ok(db, 'lijuan', ['ship', 'show', byBatch.number]);
      expect(show).toMatchObject({ number: byBatch.number, to: { code: '420102-01' }, cards: 22, outstanding: 22 });
      expect(show.cardList).toHaveLength(22);
      expect(show.cardList[0]).toMatchObject({ batch: BATCH, state: 'in_transit', outstanding: true });

      // The receiving office counts blind: neither the card list nor the count until its sign-in.
      const blindShow = runCli(['ship', 'show', byCard.number, '--db', db, '--json'], { SBK_OPERATOR: 'chenjing', SBK_PIN: PINS.chenjing });
      expect(JSON.parse(blindShow.stdout)).toMatchObject({ number: byCard.number, cards: null, outstanding: null, cardList: null });
      const blindSheet = runCli(['ship', 'sheet', byCard.number, '--db', db, '--json'], { SBK_OPERATOR: 'chenjing', SBK_PIN: PINS.chenjing });
      expect(blindSheet.code).not.toBe(0);
      expect(JSON.parse(blindSheet.stdout).error.code).toBe('SHIPMENT_BLIND');
      const sheet = runCli(['ship', 'sheet', byCard.number, '--db', db], { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan });
      expect(sheet.code, sheet.stderr).toBe(0);
      expect(sheet.stdout).toContain(byCard.number);
      expect(sheet.stdout).toContain('SF1234567890');
      expect(sheet.stdout).toMatch(/发出人签字：\s*_{8,}/);
      expect(sheet.stdout).toMatch(/接收单位签收人签字：\s*_{8,}/);
      expect(sheet.stdout).not.toMatch(/\d{17}[\dX]/);
      const csv = runCli(['ship', 'sheet', byCard.number, '--csv', '--db', db], { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan });
      expect(csv.stdout.startsWith(BOM)).toBe(true);
      expect(csv.stdout).toContain(`交接单号,${byCard.number}`);
      const file = join(tempDir(), 'sheet.csv');
      expect(ok(db, 'lijuan', ['ship', 'sheet', byBatch.number, '--csv', '--out', file])).toEqual({ number: byBatch.number, format: 'csv', path: file });
      expect(readFileSync(file, 'utf8').startsWith(BOM)).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('备注,第四批');
      verifies(db);
    },
    SLOW,
  );

  it(
    'a shipment closed short: missing discrepancies, one found, one declared lost with a supervisor, none approved by oneself',
    () => {
      const db = demoCopy();
      ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟']);
      const { number } = ok(db, 'lijuan', ['ship', 'create', '--to', '420102-01', '--box', `${BATCH}/01`, '--send']);

      const r = ok(db, 'zhangwei', ['ship', 'receive', number, '--card', D4(1), '--close', '--signer', '张伟']);
      expect(r).toMatchObject({ expected: 20, received: 1, missing: 19, outstanding: 0, closed: true });
      expect(ok(db, 'zhangwei', ['ship', 'list', '--all']).find((s: { number: string }) => s.number === number)).toMatchObject({ status: 'closed' });
      const open = ok(db, 'zhangwei', ['discrepancy', 'list']) as { id: number; kind: string; cardNo: string }[];
      expect(open).toHaveLength(19);
      expect(open.every((d) => d.kind === 'missing')).toBe(true);
      const idOf = (cardNo: string) => open.find((d) => d.cardNo === cardNo)!.id;

      expect(ok(db, 'zhangwei', ['discrepancy', 'found', String(idOf(D4(2))), '--custodian', '张伟'])).toEqual({ found: idOf(D4(2)), cardNo: D4(2) });
      expect(ok(db, 'zhangwei', ['card', D4(2)])).toMatchObject({ state: 'in_stock', site: { code: '420102-01' } });

      const lost = ok(db, 'zhangwei', ['discrepancy', 'lost', String(idOf(D4(3))), '--reason', '发卡柜与送卡车辆均已查找', '--approver', 'zhaomin'], { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(lost).toEqual({ lost: idOf(D4(3)), cardNo: D4(3), approver: 'zhaomin' });
      expect(ok(db, 'zhangwei', ['card', D4(3)])).toMatchObject({ state: 'lost' });

      const self = sbk(db, 'zhangwei', ['discrepancy', 'lost', String(idOf(D4(4))), '--reason', '找不到', '--approver', 'zhangwei'], { SBK_APPROVER_PIN: PINS.zhangwei });
      expect(self.code).toBe(1);
      expect(errorCode(self)).toBe('SECOND_OPERATOR_SAME');
      const noPin = sbk(db, 'zhangwei', ['discrepancy', 'lost', String(idOf(D4(4))), '--reason', '找不到', '--approver', 'zhaomin']);
      expect(errorCode(noPin)).toBe('PIN_REQUIRED');
      expect(ok(db, 'zhangwei', ['card', D4(4)])).toMatchObject({ state: 'in_transit' });

      const after = ok(db, 'zhangwei', ['discrepancy', 'list']) as { id: number; cardNo: string }[];
      expect(after).toHaveLength(17);
      expect(after.map((d) => d.cardNo)).not.toContain(D4(2));
      expect(after.map((d) => d.cardNo)).toContain(D4(4));
      verifies(db);
    },
    SLOW,
  );

  it(
    'register --batch: CSV with a BOM and masked ID numbers, JSON, text, and a file',
    () => {
      const db = demoCopy();
      const csv = runCli(['register', '--batch', '420100-2026-0301', '--csv', '--db', db], { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan });
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.startsWith(BOM)).toBe(true);
      expect(csv.stdout).toMatch(/4201\*{10}[\dX]{4}/);
      expect(csv.stdout).not.toMatch(/\d{17}[\dX]/);

      const reg = ok(db, 'lijuan', ['register', '--batch', '420100-2026-0301']);
      expect(reg).toMatchObject({ batch: { code: '420100-2026-0301', kind: 'finished' }, scope: { code: '420100' }, outsideScope: 0 });
      expect(reg.rows).toHaveLength(60);
      for (const row of reg.rows) expect(row.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

      const text = runCli(['register', '--batch', '420100-2026-0301', '--db', db], { SBK_OPERATOR: 'zhangwei', SBK_PIN: PINS.zhangwei });
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('登记造册');
      expect(text.stdout).toContain('江岸');
      expect(text.stdout).not.toMatch(/\d{17}[\dX]/);

      const file = join(tempDir(), 'register.csv');
      expect(ok(db, 'lijuan', ['register', '--batch', '420100-2026-0301', '--csv', '--out', file])).toMatchObject({ format: 'csv', rows: 60, path: file });
      expect(existsSync(file) && readFileSync(file, 'utf8').startsWith(BOM)).toBe(true);
      expect(errorCode(sbk(db, 'lijuan', ['register', '--batch', 'NO-SUCH']))).toBe('BATCH_NOT_FOUND');
      verifies(db);
    },
    SLOW,
  );

  it(
    'settings: an admin sets transit-warning-days and the lists follow it; a clerk is refused',
    () => {
      const db = demoCopy();
      expect(ok(db, null, ['settings']).find((s: { key: string }) => s.key === 'transit-warning-days')).toMatchObject({ value: '5', isDefault: true });

      const clerk = sbk(db, 'zhangwei', ['settings', 'set', 'transit-warning-days', '1']);
      expect(clerk.code).toBe(1);
      expect(errorCode(clerk)).toBe('ROLE_REQUIRED');
      expect(errorCode(sbk(db, 'admin', ['settings', 'set', 'transit-warning-days', '0']))).toBe('SETTING_INVALID');
      expect(errorCode(sbk(db, 'admin', ['settings', 'set', 'no-such-key', '1']))).toBe('SETTING_UNKNOWN');

      expect(ok(db, 'admin', ['settings', 'set', 'transit-warning-days', '1'])).toMatchObject({ key: 'transit-warning-days', value: '1', isDefault: false });
      expect(ok(db, null, ['settings']).find((s: { key: string }) => s.key === 'transit-warning-days')).toMatchObject({ value: '1' });

      // The recalled card 江岸 sent back twelve days ago has been on the way far longer than one working day.
      const inbound = ok(db, 'lijuan', ['ship', 'list']) as { number: string; from: { code: string }; ageWorkingDays: number | null; late: boolean }[];
      expect(inbound.find((s) => s.from.code === '420102-01')).toMatchObject({ late: true });
      for (const s of inbound) expect(s.late).toBe(s.ageWorkingDays !== null && s.ageWorkingDays > 1);
      verifies(db);
    },
    SLOW,
  );
});
