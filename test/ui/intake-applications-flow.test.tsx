/**
 * 入库登记 reads a batch application file (GD Annex 6, `SBK2_….zip`) as well as a maker's file:
 * a bad one lists its problems by line with the column in front and writes nothing; a good one
 * is checked, then registered on Enter.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { sbk2Line, sbk2Zip, type Applicant } from '../helpers/sbk2-zip.ts';

const demo = useDemoConsole();

describe('console: batch application file on 入库登记', () => {
  it('shows problems with line and column, then registers a clean file', async () => {
    const holders = demo.ledger.sqlite.prepare('SELECT id_number AS idNumber, name FROM holders ORDER BY id LIMIT 2').all() as Applicant[];
    const bad = sbk2Zip(holders, { lines: [sbk2Line(holders[0]!, 1), sbk2Line(holders[1]!, 2, { 联系电话: '' })] });
    const badPath = join(demo.dir, bad.fileName);
    writeFileSync(badPath, bad.bytes);
    const c = demo.start();
    await c.press('lijuan\r');
    await c.press('246801\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('1');
    await c.press(`${badPath}\r`);
    let f = await c.waitFor((x) => x.includes('问题'), 3000);
    expect(f).toMatch(/4\s+「联系电话」此项为必填项/);
    expect(demo.ledger.sqlite.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(0);

    const good = sbk2Zip(holders, { fileName: bad.fileName.replace('093000', '100000') });
    const goodPath = join(demo.dir, good.fileName);
    writeFileSync(goodPath, good.bytes);
    await c.press('\u001b', 5);
    await c.waitFor((x) => x.includes('入库登记：导入卡商回盘数据文件'));
    await c.press('\u0015'); // Ctrl+U clears the field, if the screen keeps the old path
    await c.press(`${goodPath}\r`);
    f = await c.waitFor((x) => x.includes('检查通过'), 3000);
    expect(f).toContain('申请人 2 名，相片 2 张');
    await c.press('\r');
    f = await c.waitFor((x) => x.includes('已登记批量申请文件'), 3000);
    expect(demo.ledger.sqlite.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(2);
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
  });
});
