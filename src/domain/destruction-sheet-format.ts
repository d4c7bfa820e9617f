/**
 * The 销毁移交单 as printable text: one sheet per destruction hand-over to the service bank,
 * listing the cards by kind and former state, counted by the operator, with signature lines for
 * the operator, the approving supervisor and the bank's receiver (GD Art. 32 二: 对换发、已注销的废卡
 * 按银行借记卡规定处理; HB Art. 33: 合作银行回收社会保障卡并销毁; GD Art. 36 (四): 重要空白证件).
 * Pure: no fs, no SQL, no Ink.
 */
import { textTable } from '../text/text-table.ts';
import { ledgerHeadLines, type LedgerHead } from './ledger-head.ts';
import { waysBackText } from '../i18n/workflows/ways-back.ts';
import { maxOf } from '../text/max-of.ts';

export type DestructionSheetCard = {
  cardNo: string;
  kind: 'finished' | 'prefab';
  /** The state's label before the hand-over (已注销, 读卡不合格, 收回旧卡, 已作废…). */
  stateLabel: string;
  /** Masked, or null for a blank or a card whose holder the ledger does not know. */
  holder: string | null;
};

export type DestructionSheet = {
  ref: string;
  site: { code: string; name: string };
  /** China time, as printed. */
  at: string;
  reason: string;
  operator: string;
  approver: string;
  bankReceiver: string;
  counted: number;
  cards: readonly DestructionSheetCard[];
  /** The ledger's seal head after the hand-over was written. */
  ledgerHead?: LedgerHead | null;
};

/** The cards grouped by kind and former state, in the order first met (the sheet's summary). */
export function destructionGroups(cards: readonly DestructionSheetCard[]): { kind: DestructionSheetCard['kind']; stateLabel: string; cards: number }[] {
  const groups = new Map<string, { kind: DestructionSheetCard['kind']; stateLabel: string; cards: number }>();
  for (const c of cards) {
    const key = `${c.kind}\u0000${c.stateLabel}`;
    const g = groups.get(key) ?? { kind: c.kind, stateLabel: c.stateLabel, cards: 0 };
    g.cards += 1;
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function formatDestructionSheet(s: DestructionSheet): string {
  const t = waysBackText.sheet;
  const c = t.columns;
  // Listed by kind and state, then number: the bank's receiver counts one group at a time.
  const sorted = [...s.cards].sort((a, b) => a.kind.localeCompare(b.kind) || a.stateLabel.localeCompare(b.stateLabel) || a.cardNo.localeCompare(b.cardNo));
  const cardWidth = maxOf(sorted, (x) => x.cardNo.length, 0);
  const table = textTable(
    [{ header: c.no, align: 'right' }, { header: c.cardNo, min: cardWidth }, { header: c.kind }, { header: c.state }, { header: c.holder }],
    sorted.map((x, i) => [String(i + 1), x.cardNo, t.kinds[x.kind], x.stateLabel, x.holder ?? t.none]),
  );
  return [
    t.title,
    '',
    t.ref({ ref: s.ref }),
    t.site(s.site),
    t.at({ at: s.at }),
    t.reason({ reason: s.reason }),
    t.people({ operator: s.operator, approver: s.approver, receiver: s.bankReceiver }),
    t.total({ cards: s.cards.length, counted: s.counted }),
    ...destructionGroups(s.cards).map((g) => `  ${t.group({ kind: t.kinds[g.kind], state: g.stateLabel, cards: g.cards })}`),
    '',
    ...table,
    '',
    t.basis,
    '',
    `${t.signOperator}    ${t.signApprover}`,
    '',
    `${t.signReceiver}    ${t.signDate}`,
    '',
    ...ledgerHeadLines(s.ledgerHead),
  ].join('\n');
}
