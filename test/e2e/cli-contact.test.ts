/**
 * `sbk applications import` and `sbk contact` end to end on the demo ledger: a batch application
 * file (GD Annex 6) for holders of cards in stock at 江岸 (420102-01), then the contact list of
 * HB Art. 14 with masked phones, a recorded contact, an audited `show`; verify stays clean.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sbk2Zip, type Applicant } from '../helpers/sbk2-zip.ts';

const PINS = { zhangwei: '357902' } as const;
const SLOW = 120_000;
const demoCopy = demoLedgerCopies('sbk-contact-');
const { ok, refused, text } = cliAs(PINS);

/** Holders of finished cards in stock at 江岸, read straight from the file. */
function holdersAtJiangan(db: string): Applicant[] {
  const sqlite = new Database(db, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT h.id_number AS idNumber, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
         WHERE s.code = '420102-01' AND c.kind = 'finished' AND c.state = ? AND c.received_at IS NOT NULL ORDER BY c.card_no LIMIT 3`,
      )
      .all('in_stock') as { idNumber: string; name: string }[];
    return rows.map((r, i) => ({ ...r, mobile: `1390000000${i}`, phone: '027-82801234', unitCode: 'U9', unitName: '江岸区某单位' }));
  } finally {
    sqlite.close();
  }
}

describe('sbk applications / sbk contact', () => {
  it(
    'imports the batch file once, lists cards to contact with masked phones, records and shows a contact',
    () => {
      const db = demoCopy();
      const applicants = holdersAtJiangan(db);
      expect(applicants.length).toBeGreaterThan(0);
      const zip = sbk2Zip(applicants);
      const path = join(tempDir(), zip.fileName);
      writeFileSync(path, zip.bytes);
      expect(ok(db, 'zhangwei', ['applications', 'import', path])).toMatchObject({ status: 'imported', rows: applicants.length });
      expect(ok(db, 'zhangwei', ['applications', 'import', path])).toMatchObject({ status: 'already-imported' });

      const list = ok(db, 'zhangwei', ['contact', 'list']);
      const mine = list.filter((r: { phoneMasked: string | null }) => r.phoneMasked === '*******0000');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ unitName: '江岸区某单位', dueBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const card = mine[0].cardNo as string;

      const csv = text(db, 'zhangwei', ['contact', 'list', '--csv']);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).not.toContain('13900000000');
      expect(csv.stdout).toContain('*******0000');

      expect(ok(db, 'zhangwei', ['contact', 'record', card, '--by', 'sms', '--result', '已发短信'])).toMatchObject({ cardNo: card, channel: 'sms' });
      refused(db, 'zhangwei', ['contact', 'record', 'NOSUCH', '--by', 'sms'], 'CONTACT_CARD_NOT_WAITING');
      const shown = text(db, 'zhangwei', ['contact', 'show', card]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('13900000000');
      expect(shown.stdout).toContain('已发短信');
      verifies(db);
    },
    SLOW,
  );
});
