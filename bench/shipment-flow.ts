/**
 * The shipments rows: the whole large batch dispatched from the city centre to a county in one
 * shipment, then signed in there (blind count submitted as a list of every card), and the
 * inbound list read while it is on the way — through the workflows the console and CLI call.
 */
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../db/open-ledger.ts';
import { authenticate } from '../src/workflows/authenticate.ts';
import { type Actor } from '../src/domain/actor.ts';
import { addOperator } from '../src/workflows/operators.ts';
import { dispatchShipment } from '../src/workflows/shipment-dispatch.ts';
import { listShipments } from '../src/workflows/shipment-list.ts';
import { signInShipment, startSignIn } from '../src/workflows/shipment-sign-in.ts';
import { loadCalendar } from '../src/workflows/load-calendar.ts';
import { nowMs } from './stats.ts';

export type ShipmentBench = { cards: number; dispatchMs: number; listMs: number; startMs: number; signInMs: number };

export function benchShipmentFlow(ledger: Ledger, admin: Actor, batchCode: string): ShipmentBench {
  addOperator(ledger, admin, { login: 'bench-county', name: '王芳', role: 'clerk', siteCode: '420102', pin: '357902' });
  const county = authenticate(ledger, 'bench-county', '357902');
  const calendar = loadCalendar();

  let t = nowMs();
  const s = dispatchShipment(ledger, admin, { toSiteCode: '420102', select: { batches: [batchCode] }, method: 'courier' });
  const dispatchMs = nowMs() - t;

  t = nowMs();
  listShipments(ledger, county, { direction: 'inbound' }, calendar);
  const listMs = nowMs() - t;

  t = nowMs();
  const start = startSignIn(ledger, county, s.number);
  const startMs = nowMs() - t;

  t = nowMs();
  signInShipment(ledger, county, { number: s.number, operationId: randomUUID(), received: start.expected.map((e) => e.cardNo), close: true, signer: '王芳', countedBlind: start.expected.length });
  const signInMs = nowMs() - t;
  return { cards: s.cards, dispatchMs, listMs, startMs, signInMs };
}
