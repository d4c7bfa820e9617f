/**
 * What a shipment (交接, GD Art. 12 逐级签收) is, independent of storage: its methods, its
 * statuses and how the status follows from what happened, the shipment number, and the data
 * printed on a hand-over sheet (交接单). Pure: no SQL, no Ink.
 */
import { shipmentLabels } from '../i18n/domain/shipment-labels.ts';
import type { LedgerHead } from './ledger-head.ts';

/** GD Art. 12 records the 发放方式 of each hand-over. `province`: the province system sent it. */
export const SHIPMENT_METHODS = ['post', 'courier', 'staff', 'collected', 'province'] as const;
export type ShipmentMethod = (typeof SHIPMENT_METHODS)[number];

export const METHOD_LABELS: Readonly<Record<ShipmentMethod, string>> = shipmentLabels.methods;

/** Methods an operator may choose (the province step is recorded by an import, not chosen). */
export const CHOOSABLE_METHODS: readonly ShipmentMethod[] = ['staff', 'courier', 'post', 'collected'];

export function isShipmentMethod(s: string): s is ShipmentMethod {
  return (SHIPMENT_METHODS as readonly string[]).includes(s);
}

export type ShipmentStatus = 'draft' | 'in_transit' | 'partial' | 'received' | 'closed' | 'cancelled';

export const STATUS_LABELS: Readonly<Record<ShipmentStatus, string>> = shipmentLabels.statuses;

export type StatusFacts = {
  sent: boolean;
  cancelled: boolean;
  closed: boolean;
  receipts: number;
  /** Cards of the shipment not yet signed for (still in transit under it). */
  outstanding: number;
};

/** The status follows from the appended events and the cards' own state, never stored. */
export function shipmentStatus(f: StatusFacts): ShipmentStatus {
  if (f.cancelled) return 'cancelled';
  if (!f.sent) return 'draft';
  if (f.outstanding === 0) return 'received';
  if (f.closed) return 'closed';
  return f.receipts > 0 ? 'partial' : 'in_transit';
}

/** Statuses a receiving site can still sign in. */
export function acceptsSignIn(s: ShipmentStatus): boolean {
  return s === 'in_transit' || s === 'partial';
}

/**
 * 交接单号: the sending site's code, the day (China time) and a per-site sequence, e.g.
 * `420100-20261123-001`. Readable on paper, typeable, and a scanner reads it as plain ASCII.
 */
export function shipmentNumber(fromSiteCode: string, chinaDate: string, seq: number): string {
  return `${fromSiteCode}-${chinaDate.replaceAll('-', '')}-${String(seq).padStart(3, '0')}`;
}

/** The shipment that the province system sent with a maker's file (DOMAIN.md, GD Art. 12 省中心寄出). */
export function provinceShipmentNumber(batchCode: string): string {
  return `P-${batchCode}`;
}

/** A box as printed on sheets and scanned at sign-in: `批次/箱号`, unique across batches. */
export function boxKey(batchCode: string, boxLabel: string): string {
  return `${batchCode}/${boxLabel}`;
}

export type HandoverCard = {
  cardNo: string;
  batch: string;
  box: string | null;
  /** Display form (rare characters as written, e.g. 张[CHUI]); no ID number on a hand-over sheet. */
  holderName: string | null;
  kind: 'finished' | 'prefab';
};

/** Everything a hand-over sheet prints (GD Art. 12: step, method, sender, time, signer lines). */
export type HandoverSheet = {
  number: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
  method: ShipmentMethod;
  trackingNo: string | null;
  senderName: string;
  createdBy: string;
  /** ISO time it was sent; null while it is a draft. */
  sentAt: string | null;
  createdAt: string;
  batches: { code: string; count: number }[];
  boxes: { key: string; count: number }[];
  cards: HandoverCard[];
  note: string | null;
  /** The ledger's seal head when the sheet was made: the paper's anchor against a rewrite. */
  ledgerHead?: LedgerHead | null;
};
