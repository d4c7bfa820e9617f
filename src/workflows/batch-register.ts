/**
 * 登记造册 (GD Art. 12 一(三): offices register received cards by production batch): where each
 * card of a batch is, in which state, and who answers for it now, limited to the operator's site
 * and the sites under it. ID numbers are masked (HB Art. 42; GD Art. 41).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { batchByCode } from '../../db/imports-repo.ts';
import { batchCards } from '../../db/card-queries.ts';
import { subtreeIds } from '../../db/sites-repo.ts';
import { isInTransit, statesOf, STATE_LABELS, type CardKind, type CardState } from '../domain/card-states.ts';
import { maskIdNumber } from '../domain/mask.ts';
import type { BatchRegister, BatchRegisterRow } from '../domain/batch-register.ts';
import { SbkError } from '../domain/errors.ts';
import { intakeText } from '../i18n/workflows/intake.ts';
import type { Actor } from './authenticate.ts';

function heldBy(state: string, role: string | null, name: string | null, operatorName: string): string {
  if (isInTransit(state)) return intakeText.register.inTransit({ sender: name });
  if (name && role !== 'sender') return name;
  return operatorName;
}

export function batchRegister(ledger: Ledger, actor: Actor, batchCode: string, now: Date = ledger.now()): BatchRegister {
  const batch = batchByCode(ledger.db, batchCode.trim());
  if (!batch) throw new SbkError('BATCH_NOT_FOUND', { batch: batchCode });
  const scope = new Set(subtreeIds(ledger.db, actor.siteId));
  const all = batchCards(ledger.db, batch.id);
  const mine = all.filter((c) => scope.has(c.siteId));
  if (mine.length === 0) {
    throw new SbkError('BATCH_NOT_HERE', { batch: batch.code, elsewhere: all.length }, { batch: batch.code });
  }
  const rows: BatchRegisterRow[] = mine.map((c) => ({
    cardNo: c.cardNo,
    box: c.box,
    boxPosition: c.boxPosition,
    holderName: c.holderName,
    idNumber: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
    state: c.state as CardState,
    siteCode: c.siteCode,
    siteName: c.siteName,
    placeName: c.placeName,
    heldBy: heldBy(c.state, c.counterpartRole, c.counterpartName, c.operatorName),
    since: c.since,
  }));
  const order = statesOf(batch.kind as CardKind);
  const byStateMap = new Map<CardState, number>();
  const bySiteMap = new Map<string, { siteCode: string; siteName: string; state: CardState; n: number }>();
  for (const r of rows) {
    byStateMap.set(r.state, (byStateMap.get(r.state) ?? 0) + 1);
    const key = `${r.siteCode}\u0000${r.state}`;
    const e = bySiteMap.get(key) ?? { siteCode: r.siteCode, siteName: r.siteName, state: r.state, n: 0 };
    e.n += 1;
    bySiteMap.set(key, e);
  }
  return {
    batch: { code: batch.code, kind: batch.kind, bank: batch.bank, maker: batch.maker, declaredCount: batch.declaredCount },
    scope: { code: actor.siteCode, name: actor.siteName },
    generatedAt: now.toISOString(),
    generatedBy: actor.name,
    byState: order.filter((s) => byStateMap.has(s)).map((s) => ({ state: s, label: STATE_LABELS[s], n: byStateMap.get(s)! })),
    bySite: [...bySiteMap.values()]
      .sort((a, b) => a.siteCode.localeCompare(b.siteCode) || order.indexOf(a.state) - order.indexOf(b.state))
      .map((e) => ({ ...e, label: STATE_LABELS[e.state] })),
    rows,
    outsideScope: all.length - mine.length,
  };
}
