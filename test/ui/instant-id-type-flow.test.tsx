/**
 * 即时制卡 in the console for an applicant with a foreign passport (HB Art. 5; GD Art. 35): Ctrl+T
 * on the ID row cycles the document, the rows for the assigned social security number and the
 * birth date appear, and the card is made on the simulated printer.
 */
import { describe, expect, it } from 'vitest';
import { footerText } from '../../src/ui/components/footer.tsx';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS } from '../helpers/render-console.tsx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { testJpeg } from '../helpers/jpeg.ts';

const demo = useDemoConsole();
const CTRL_S = '\u0013';
const CTRL_T = '\u0014';

describe('console: instant issuance with other documents', () => {
  it('Ctrl+T on the ID row picks a foreign passport; the SSN row takes the assigned number; the card is made', async () => {
    const c = demo.start();
    await c.press('sunli\r');
    await c.press('680135\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('8');
    await c.waitFor((x) => x.includes('服务银行'), 3000);
    await c.press('JOHN SMITH');
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    expect(c.lastFrame()).toMatch(/›身份证号码/);
    expect(c.lastFrame()).not.toContain('社会保障号码');
    expect(c.lastFrame().split('\n').at(-1)).toMatch(/Ctrl\+T 换证件类型/);
    for (let i = 0; i < 7; i++) await c.press(CTRL_T);
    let f = c.lastFrame();
    expect(f).toMatch(/›外国护照号码/);
    expect(f).toContain('社会保障号码');
    expect(f).toContain('出生日期');
    await c.press('X12345678');
    // Without the assigned number: refused on the SSN row, nothing made.
    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('社会保障号码由经办机构'), 3000);
    expect(f).toMatch(/›社会保障号码/);
    await c.press('USA123456789012');
    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('即时制卡完成'), 8000);
    expect(f).not.toContain('X12345678');
    const card = holderCardByNo(demo.ledger.db, 'T00000001');
    expect(card).toMatchObject({ state: 'issued', holderName: 'JOHN SMITH', holderIdType: 'foreign_passport' });
    expect(lookupCard(demo.ledger, 'T00000001').holder?.idTypeLabel).toBe('外国护照');
    for (const x of c.frames) expect(fitsTerminal(x), x).toBe(true);
    expect(footerText('instant-form-id', 60).length).toBeGreaterThan(0);
  });

  it('a photo off the standard size: the card is made and the page says so', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sbk-photo-')), 'big.jpg');
    writeFileSync(path, testJpeg(600, 800, 20 * 1024));
    const c = demo.start();
    await c.press('sunli\r');
    await c.press('680135\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('8');
    await c.waitFor((x) => x.includes('服务银行'), 3000);
    await c.press('王小明');
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    await c.press('42010219900101001' + residentIdCheckChar('42010219900101001'));
    for (let i = 0; i < 3; i++) await c.press(KEYS.tab);
    expect(c.lastFrame()).toMatch(/›相片文件/);
    for (let i = 0; i < 120; i++) await c.press(KEYS.backspace);
    await c.press(path);
    await c.press(CTRL_S);
    const f = await c.waitFor((x) => x.includes('即时制卡完成'), 8000);
    expect(f).toContain('600×800');
  });
});
