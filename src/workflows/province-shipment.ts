/**
 * The province step of the custody chain (GD Art. 12: 省中心寄出 → 市中心接收). The province
 * system is outside this console, so when a city centre imports a maker's file of finished
 * cards, the file stands for the province's dispatch: it is recorded as a shipment from the
 * province to the city, and the city signs it in like any other shipment.
 */
import type { LedgerDb } from '../../db/open-ledger.ts';
import { siteById, type SiteRow } from '../../db/sites-repo.ts';
import { insertShipment, insertShipmentEvent } from '../../db/shipments-repo.ts';
import { provinceShipmentNumber } from '../domain/shipment.ts';
import { shipmentText } from '../i18n/workflows/shipments.ts';

/** The province above a city centre, when the ledger knows it. */
export function provinceAbove(db: LedgerDb, site: SiteRow): SiteRow | undefined {
  if (site.kind !== 'city_centre' || site.parentId == null) return undefined;
  const parent = siteById(db, site.parentId);
  return parent?.kind === 'province' ? parent : undefined;
}

export type ProvinceShipmentInput = {
  batchCode: string;
  province: SiteRow;
  city: SiteRow;
  cardIds: readonly number[];
  operatorId: number;
  /** The import's operation: the moment the cards became known to this ledger. */
  operationId: string | null;
  at: string;
  /** With `import --receive`: the city signed the whole delivery in at once. */
  receipt?: { signer: string; placeId: number } | null;
};

export function recordProvinceShipment(tx: LedgerDb, p: ProvinceShipmentInput): { id: number; number: string } {
  const number = provinceShipmentNumber(p.batchCode);
  const id = insertShipment(
    tx,
    {
      number,
      fromSiteId: p.province.id,
      toSiteId: p.city.id,
      method: 'province',
      trackingNo: null,
      senderName: p.province.name,
      createdBy: p.operatorId,
      createdAt: p.at,
      note: shipmentText.province.note({ batch: p.batchCode }),
    },
    p.cardIds,
  );
  insertShipmentEvent(tx, { shipmentId: id, type: 'sent', operationId: p.operationId, operatorId: p.operatorId, at: p.at });
  if (p.receipt) {
    const n = p.cardIds.length;
    insertShipmentEvent(tx, {
      shipmentId: id,
      type: 'receipt',
      operatorId: p.operatorId,
      at: p.at,
      signerName: p.receipt.signer,
      custodianName: p.receipt.signer,
      placeId: p.receipt.placeId,
      expectedCount: n,
      received: n,
      damaged: 0,
      missing: 0,
      extras: 0,
      note: shipmentText.province.receivedOnImport,
    });
  }
  return { id, number };
}
