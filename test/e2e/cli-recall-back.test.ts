/**
 * The ways back up the chain on the demo ledger: 江岸 (420102-01) recalled a card (the holder
 * died) and sent it back to the city, where nobody has signed for it yet; another card of 江岸
 * failed its read-check. A recall stays on the card through the shipment (GD Art. 32 二; Art. 33
 * 一(六)), and a defective card goes up to be re-made and arrives defective (HB Art. 16).
 */
import { describe, expect, it } from 'vitest';
import { cliAs, demoLedgerCopies, verifies, holderIdOf } from '../helpers/demo-cli.ts';

/** The holder's full ID number, as the holder would show it at the counter (the CLI masks it). */
const PINS = { admin: '135790', lijuan: '246801', zhangwei: '357902' } as const;
const SLOW = 120_000;
const CITY = '420100';
const JIANGAN = '420102-01';
/** 江岸's card that failed its read-check (src/workflows/demo-story.ts). */
const DEFECTIVE = 'A10000018';

const demoCopy = demoLedgerCopies('sbk-recall-back-');
const { ok, refused, text } = cliAs(PINS);

type Row = { cardNo: string; state: string; site: { code: string }; place: string | null; recalledOn: string; secondIssueBy: string | null; stranded: boolean; reason: string | null };
type Shipment = { number: string; from?: { code: string }; fromSite?: string; cards?: number };

describe('recalled stays recalled; defective goes up to be re-made', () => {
  it(
    'the city signs in an office\'s recalled card: still recalled there, off the overdue list, on the cancellation and 逾期且滞留 lists',
    () => {
      const db = demoCopy();
      // Before the sign-in the city already sees the card, on its way.
      const before = ok(db, 'lijuan', ['recall', 'list']) as Row[];
      expect(before).toHaveLength(1);
      const recalled = before[0]!;
      // The demo is Wuhan's, under the Hubei profile: no second issuance (HB Art. 17), so a recalled
      // card is 滞留 at once and for cancelling or sealing.
      expect(recalled).toMatchObject({ state: 'in_transit', stranded: true, secondIssueBy: null });
      expect(recalled.reason).toContain('死亡');
      const inbound = ok(db, 'lijuan', ['ship', 'list', '--inbound']) as Shipment[];
      const back = inbound.find((s) => JSON.stringify(s).includes(JIANGAN));
      expect(back, JSON.stringify(inbound)).toBeDefined();
      // The physical card goes to the service bank's keeping (GD Art. 32 二), the city keeps its data.
      ok(db, 'admin', ['place', 'add', '服务银行', '--kind', 'bank', '--site', CITY]);
      ok(db, 'lijuan', ['ship', 'receive', back!.number, '--all', '--close', '--signer', '李娟', '--place', '服务银行']);

      const after = ok(db, 'lijuan', ['recall', 'list']) as Row[];
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ cardNo: recalled.cardNo, state: 'in_stock', site: { code: CITY }, place: '服务银行', recalledOn: recalled.recalledOn });
      // Not "overdue" a second time at the city (GD Art. 32: it is recalled already) …
      const overdue = ok(db, 'lijuan', ['overdue', '--as-of', '2027-12-31']) as { cardNo: string }[];
      expect(overdue.map((r) => r.cardNo)).not.toContain(recalled.cardNo);
      // … but on the cancellation list, wherever it lies.
      const cancellations = ok(db, 'lijuan', ['cancellations']) as { cardNo: string; state: string }[];
      expect(cancellations.find((r) => r.cardNo === recalled.cardNo)).toMatchObject({ state: 'in_stock' });
      const stranded = ok(db, 'lijuan', ['recall', 'list', '--stranded']) as Row[];
      expect(stranded.map((r) => r.cardNo)).toEqual([recalled.cardNo]);
      // The office sees it no longer: it is the city's now.
      expect(ok(db, 'zhangwei', ['recall', 'list'])).toEqual([]);
      const words = text(db, 'lijuan', ['recall', 'list']);
      expect(words.stdout).toContain('已回收未再发放的卡：1 张');
      verifies(db);

      // The holder comes to the city after all: the second issuance ends the recall.
      const holderId = holderIdOf(db, recalled.cardNo);
      ok(db, 'lijuan', ['issue', recalled.cardNo, '--holder-id', holderId, '--receiver', 'self']);
      expect(ok(db, 'lijuan', ['recall', 'list'])).toEqual([]);
      expect((ok(db, 'lijuan', ['cancellations']) as { cardNo: string }[]).map((r) => r.cardNo)).not.toContain(recalled.cardNo);
      verifies(db);
    },
    SLOW,
  );

  it(
    'a defective card goes up by its number only, travels as returning, arrives defective, and never goes down again',
    () => {
      const db = demoCopy();
      const defective = DEFECTIVE;
      expect(ok(db, 'zhangwei', ['card', defective]).state).toBe('defective');
      // Not with the rest of its batch (HB Art. 16: re-made above, never sent on with stock).
      const batch = ok(db, 'zhangwei', ['card', defective]).batch as string;
      const boxDraft = ok(db, 'zhangwei', ['ship', 'create', '--to', CITY, '--box', `${batch}/01`]);
      const listed = ok(db, 'zhangwei', ['ship', 'show', boxDraft.number]).cardList.map((c: { cardNo: string }) => c.cardNo);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).not.toContain(defective);
      ok(db, 'zhangwei', ['ship', 'cancel', boxDraft.number, '--reason', '只送不合格卡']);
      // A box or batch never takes it along: it goes by its own number.
      const ship = ok(db, 'zhangwei', ['ship', 'create', '--to', CITY, '--card', defective, '--send', '--note', '读卡检测不合格，退回重新制卡']);
      expect(ship.cards).toBe(1);
      expect(ok(db, 'zhangwei', ['card', defective]).state).toBe('returning');
      ok(db, 'lijuan', ['ship', 'receive', ship.number, '--all', '--close', '--signer', '李娟']);
      const card = ok(db, 'lijuan', ['card', defective]);
      expect(card).toMatchObject({ state: 'defective' });
      expect(card.history.map((h: { type: string }) => h.type).slice(-3)).toEqual(['mark_defective', 'dispatch', 'receive']);
      // HB Art. 16: never towards a counter again.
      refused(db, 'lijuan', ['ship', 'create', '--to', JIANGAN, '--card', defective], 'CARD_DEFECTIVE_GOES_UP');
      verifies(db);
    },
    SLOW,
  );
});
