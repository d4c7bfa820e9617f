/**
 * 待联系 in the console (HB Art. 14): the demo's cards in stock at 江岸 with a batch application
 * file registered for three holders; phones masked but for the last four until V opens one
 * (audited); P records a phone contact; the screen fits the terminal.
 */
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { importApplications } from '../../src/workflows/import-applications.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { sbk2Zip } from '../helpers/sbk2-zip.ts';

const demo = useDemoConsole();

describe('console: 待联系 (HB Art. 14)', () => {
  it('lists arrived cards with masked phones; V opens one (audited); P records a contact', async () => {
    const holders = demo.ledger.sqlite
      .prepare(
        `SELECT h.id_number AS idNumber, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
         WHERE s.code = '420102-01' AND c.kind = 'finished' AND c.state = ? AND c.received_at IS NOT NULL ORDER BY c.received_at, c.card_no LIMIT 3`,
      )
      .all('in_stock') as { idNumber: string; name: string }[];
    const applicants = holders.map((h, i) => ({ ...h, mobile: `1390000000${i}`, unitName: '江岸区某单位' }));
    const admin = authenticate(demo.ledger, 'zhangwei', '357902');
    expect(importApplications(demo.ledger, admin, sbk2Zip(applicants)).status).toBe('imported');

    const c = demo.start();
    await c.press('zhangwei\r');
    await c.press('357902\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('=');
    let f = await c.waitFor((x) => x.includes('三个工作日内联系领取'));
    expect(f).toContain('*******0000');
    expect(f).not.toContain('13900000000');
    const audits = () => demo.ledger.sqlite.prepare("SELECT count(*) FROM audit_events WHERE type = 'contact_phone_shown'").pluck().get() as number;
    const before = audits();
    // The first row is the first applicant's (the earliest received); open its phone.
    expect(f).toMatch(/›[^\n]*\*{7}0000/);
    await c.press('v');
    f = await c.waitFor((x) => x.includes('13900000000'));
    expect(audits()).toBe(before + 1);
    await c.press('p');
    f = await c.waitFor((x) => x.includes('已记录'));
    expect(f).toMatch(/电话 \d{2}-\d{2}/);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
    await c.resize(60, 16);
    f = await c.waitFor((x) => x.includes('待联系'));
    expect(fitsTerminal(f, 60, 16), f).toBe(true);
    expect(f).toContain('*******0001');
  });
});
