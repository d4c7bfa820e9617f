/**
 * Holders and agents with other documents than the resident ID (HB Art. 5; GD Art. 35): a maker's
 * file carrying a residence permit number, found and issued by it; an agent with a passport; a
 * unit's agent with a HK/Macao travel permit.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { findForIssue, issueCard } from '../../src/workflows/issue-card.ts';
import { pickupCards } from '../../src/workflows/agent-pickup.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { ledgerWithStaff } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const OFFICE = '420102-01';
const BATCH = '2026110602';
const PERMIT = '82000019950505002' + residentIdCheckChar('82000019950505002');

function setup() {
  const { ledger, add } = ledgerWithStaff({ ruleProfile: 'guangdong' });
  const city = add('lijuan', '李娟', 'supervisor', '420100', '246801');
  const clerk = add('zhangwei', '张伟', 'clerk', OFFICE, '357902');
  const rows = syntheticMakerRows('finished', 4, 21, { cardPrefix: 'H9', boxSize: 20 });
  rows[0] = { ...rows[0]!, idNumber: PERMIT, name: '何嘉怡' };
  const f = writeMakerFile('finished', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: BATCH, maker: '东信和平', bankCode: '105521000011', time: '20261120093000' }, rows);
  importMakerFile(ledger, city, { fileName: f.fileName, bytes: new TextEncoder().encode(f.text) });
  const nos = rows.map((r) => r.cardNo);
  signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: nos, close: true, signer: '李娟' });
  const s = dispatchShipment(ledger, city, { toSiteCode: OFFICE, select: { batches: [BATCH] }, method: 'staff' });
  signInShipment(ledger, clerk, { number: s.number, operationId: randomUUID(), received: nos, close: true, signer: '张伟' });
  return { ledger, clerk, rows };
}

describe('ID document types at the counter', () => {
  it('a residence permit in the maker file is stored as one, found by its number, masked, and issued to a passport-holding agent', () => {
    const { ledger, clerk, rows } = setup();
    const card = lookupCard(ledger, rows[0]!.cardNo);
    expect(card.holder).toMatchObject({ idType: 'hmt_residence_permit', idTypeLabel: '港澳台居民居住证' });
    expect(card.holder!.idNumber).toBe(`8200${'*'.repeat(10)}${PERMIT.slice(-4)}`);
    expect(lookupCard(ledger, rows[1]!.cardNo).holder).toMatchObject({ idType: 'resident_id' });

    const found = findForIssue(ledger, clerk, PERMIT.toLowerCase());
    expect(found.map((c) => c.cardNo)).toEqual([rows[0]!.cardNo]);
    // A passport number typed at the search: looked up as one, nobody holds it.
    expect(sbkCode(() => findForIssue(ledger, clerk, 'X1234567'))).toBe('HOLDER_NOT_FOUND');
    expect(sbkCode(() => findForIssue(ledger, clerk, 'H1234', ledger.now(), { idType: 'hk_macao_permit' }))).toBe('ID_FORMAT');

    const agent = { name: 'JOHN SMITH', idType: 'foreign_passport', idNumber: 'x 1234 5678', relation: '朋友' };
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: rows[0]!.cardNo, receiver: 'agent', holderIdNumber: PERMIT, agent: { ...agent, idType: '驾驶证' } }))).toBe('ID_DOC_TYPE');
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: rows[0]!.cardNo, receiver: 'agent', holderIdNumber: PERMIT, agent: { ...agent, idType: 'cn_passport' } }))).toBe('ID_FORMAT');
    const r = issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: rows[0]!.cardNo, receiver: 'agent', holderIdNumber: PERMIT, agent });
    if (r.status !== 'issued') throw new Error(r.status);
    expect(r.receipt.agentIdMasked).toBe('*****5678');
  });

  it('a unit agent with a HK/Macao travel permit picks up cards; a bad permit number is refused', () => {
    const { ledger, clerk, rows } = setup();
    const base = { unit: '武汉钢铁有限公司', agentName: '梁家辉', authorisationRef: 'WG-2026-18', cards: [rows[2]!.cardNo, rows[3]!.cardNo] };
    expect(sbkCode(() => pickupCards(ledger, clerk, { ...base, operationId: randomUUID(), agentIdType: 'hk_macao_permit', agentIdNumber: 'H123' }))).toBe('ID_FORMAT');
    expect(sbkCode(() => pickupCards(ledger, clerk, { ...base, operationId: randomUUID(), agentIdNumber: 'H12345678' }))).toMatch(/^ID_/);
    const p = pickupCards(ledger, clerk, { ...base, operationId: randomUUID(), agentIdType: '回乡证', agentIdNumber: 'h12345678' });
    expect(p.cards).toBe(2);
  });
});
