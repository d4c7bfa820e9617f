import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../drivers/reader/basic-info.ts';
import { chipFromLedger } from '../../drivers/reader/simulated-card.ts';
import { SimulatedReader } from '../../drivers/reader/simulated-reader.ts';

describe('SimulatedReader over the device protocol', () => {
  it('reads the inserted card, fails once on request, and reports no card', async () => {
    const r = new SimulatedReader();
    expect(r.label).toBe('模拟读卡器');
    await expect(r.readBasic()).rejects.toMatchObject({ code: 'READER_NO_CARD', returnCode: -2 });
    const chip = chipFromLedger('A12345678', '440104199003077777', '王𠀀明', { issueDate: '2025-03-01', cardIdCode: 'K9' });
    r.insert(chip);
    expect(await r.readBasic(2)).toEqual(chip);
    r.failNext(-21);
    const e = await r.readBasic().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReaderError);
    expect(e).toMatchObject({ code: 'READER_AUTH_FAILED', returnCode: -21 });
    expect((await r.readBasic()).name).toBe('王𠀀明');
  });
});
