/**
 * The 批量领取清单 of one pickup, read from the ledger (GD Art. 15 二: 双方清点数量并签字确认): every
 * card the pickup took, the unit's paperwork, and how each card has been settled so far. Printed
 * before the hand-over for both sides to sign, and again when the unit brings it back. IDs and
 * phones masked; the sheet ends with the ledger's seal head like every hand-over sheet.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { papersOfPickup, pickupSheetRows } from '../../db/pickup-papers-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { formatPickupSheet, type PickupSheet } from '../domain/pickup-sheet-format.ts';
import { pickupSheetText } from '../i18n/domain/pickup-sheet.ts';
import { refuseSymlink, writeFileSafely } from '../security/safe-write.ts';
import { exportsDir } from './shipment-export.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pickupText } from '../i18n/cli/pickup.ts';
import type { Actor } from './authenticate.ts';
import { papersView } from './agent-pickup.ts';

export function pickupSheet(ledger: Ledger, actor: Actor, rawRef: string): PickupSheet {
  const ref = rawRef.trim();
  const scope = new Set(subtreeIds(ledger.db, actor.siteId));
  const rows = pickupSheetRows(ledger.db, ref).filter((r) => scope.has(r.siteId));
  const first = rows[0];
  if (!first) throw new SbkError('PICKUP_NOT_FOUND', { ref });
  const office = siteById(ledger.db, first.siteId);
  const papers = papersOfPickup(ledger.db, ref);
  return {
    ref,
    office: { code: office?.code ?? '', name: office?.name ?? '' },
    at: formatLocalTime(first.at),
    operator: first.operatorName,
    agent: first.agent ?? '',
    agentIdMasked: first.agentIdNumber ? maskIdNumber(first.agentIdNumber) : null,
    authRef: papers?.authRef ?? (first.reason ?? '').replace(pickupText.authorisationPrefix, ''),
    papers: papers ? papersView(papers) : null,
    cards: rows.map((r) => ({ holderName: r.holderName, holderIdMasked: r.holderIdNumber ? maskIdNumber(r.holderIdNumber) : null, cardNo: r.cardNo, bank: r.bank, outcome: r.outcome })),
    ledgerHead: ledgerHeadOf(ledger.sqlite),
  };
}

/** Saves the list as text beside the ledger in exports/ (owner-only: it names holders, masked; a planted link refused). */
export function savePickupSheet(ledger: Ledger, actor: Actor, ref: string, dir: string = exportsDir(ledger)): string {
  const sheet = pickupSheet(ledger, actor, ref);
  refuseSymlink(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, pickupSheetText.file({ ref: sheet.ref }));
  writeFileSafely(path, `${formatPickupSheet(sheet)}\n`);
  return path;
}
