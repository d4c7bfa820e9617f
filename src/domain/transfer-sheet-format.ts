/**
 * The 库内移交单 as printable text: one sheet per move inside a site, listing every card with
 * where it lay, where it went and who answered for it before, for both people to sign
 * (GD Art. 12 一(三): 严格做好社保卡交接工作，确保责任到人).
 */
import { textTable } from '../text/text-table.ts';
import { transferText, type TransferMode } from '../i18n/workflows/transfer.ts';
import { maxOf } from '../text/max-of.ts';
import { ledgerHeadLines, type LedgerHead } from './ledger-head.ts';

export type TransferSheet = {
  ref: string;
  site: { code: string; name: string };
  /** China time, as printed. */
  at: string;
  mode: TransferMode;
  giver: string;
  receiver: string;
  cards: readonly { cardNo: string; kind: 'finished' | 'prefab'; fromPlace: string | null; toPlace: string | null; fromCustodian: string | null; toCustodian: string }[];
  /** The ledger's seal head after the move was written. */
  ledgerHead?: LedgerHead | null;
};

export function formatTransferSheet(s: TransferSheet): string {
  const t = transferText.sheet;
  const c = t.columns;
  const cardWidth = maxOf(s.cards, (x) => x.cardNo.length, 0);
  const table = textTable(
    [{ header: c.no, align: 'right' }, { header: c.cardNo, min: cardWidth }, { header: c.kind }, { header: c.fromPlace }, { header: c.toPlace }, { header: c.fromCustodian }, { header: c.toCustodian }],
    s.cards.map((x, i) => [String(i + 1), x.cardNo, t.kinds[x.kind], x.fromPlace ?? t.none, x.toPlace ?? t.none, x.fromCustodian ?? t.none, x.toCustodian]),
  );
  return [
    t.title,
    '',
    t.ref({ ref: s.ref }),
    t.site(s.site),
    t.at({ at: s.at }),
    t.mode({ mode: transferText.method[s.mode] }),
    t.people({ giver: s.giver, receiver: s.receiver }),
    t.total({ cards: s.cards.length }),
    '',
    ...table,
    '',
    t.basis,
    '',
    `${t.signGiver}    ${t.signReceiver}    ${t.signDate}`,
    '',
    ...ledgerHeadLines(s.ledgerHead),
  ].join('\n');
}
