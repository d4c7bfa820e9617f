/**
 * Row 1's workload: a fresh ledger for Wuhan (420100), then N prefab blanks registered in one
 * write transaction and received into the city centre's first storage place in a second one,
 * through the same db/ functions the import and receive screens will call.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Ledger } from '../db/open-ledger.ts';
import { writeTx } from '../db/write-tx.ts';
import { insertBatch, registerCards, type NewCard } from '../db/register-cards.ts';
import { appendMovements } from '../db/append-movements.ts';
import { placesAt } from '../db/sites-repo.ts';
import { initLedger } from '../src/workflows/init-ledger.ts';
import { nowMs } from './stats.ts';

export const BENCH_ADMIN = { login: 'admin', name: '王建国', pin: '135790' } as const;
export const BENCH_SITE = '420100';
const BOX_SIZE = 500;
const BANK = { name: '中国工商银行', maker: '东信和平' };

export type LargeLedger = {
  ledger: Ledger;
  cardNos: string[];
  /** Wall time of initLedger (not part of the figure). */
  initMs: number;
  registerMs: number;
  receiveMs: number;
};

export const cardNoOf = (i: number): string => `P${String(i + 1).padStart(8, '0')}`;

export function prefabList(n: number): NewCard[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'prefab' as const,
    cardNo: cardNoOf(i),
    cardIdCode: `420100D15600000${(0x10000000 + i).toString(16).toUpperCase()}`,
    bank: BANK.name,
    maker: BANK.maker,
    boxLabel: String(Math.floor(i / BOX_SIZE) + 1).padStart(4, '0'),
    boxPosition: `${String(Math.floor(i / BOX_SIZE) + 1).padStart(4, '0')}-${String((i % BOX_SIZE) + 1).padStart(3, '0')}`,
  }));
}

export function buildLargeLedger(dir: string, n: number): LargeLedger {
  let t = nowMs();
  const { ledger, rootSiteId, adminId } = initLedger({ path: join(dir, 'large.db'), siteCode: BENCH_SITE, admin: { ...BENCH_ADMIN } });
  const initMs = nowMs() - t;
  const list = prefabList(n); // built outside the timed part: a real import has its rows parsed already
  const code = 'YZ-BENCH-0001';

  t = nowMs();
  const cardIds = writeTx(ledger, (tx) => {
    const batchId = insertBatch(tx, { code, kind: 'prefab', bank: BANK.name, maker: BANK.maker, cityCode: BENCH_SITE, declaredCount: n });
    return registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: adminId }, batchId, rootSiteId, list, { refKind: 'import', refId: code }).cardIds;
  });
  const registerMs = nowMs() - t;

  t = nowMs();
  writeTx(ledger, (tx) => {
    const place = placesAt(tx, rootSiteId)[0];
    if (!place) throw new Error(`site ${BENCH_SITE} has no storage place`);
    appendMovements(
      tx,
      { id: randomUUID(), kind: 'receive', operatorId: adminId },
      cardIds.map((cardId) => ({
        cardId,
        type: 'receive' as const,
        toPlaceId: place.id,
        counterpartRole: 'signer' as const,
        counterpartName: BENCH_ADMIN.name,
        refKind: 'shipment',
        refId: `${code}-IN`,
      })),
    );
  });
  const receiveMs = nowMs() - t;
  return { ledger, cardNos: list.map((c) => c.cardNo), initMs, registerMs, receiveMs };
}
