import { describe, expect, it } from 'vitest';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { homeAlerts } from '../../src/workflows/home-alerts.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { prepareSource } from '../../src/workflows/replicate.ts';
import { changeSetting } from '../../src/workflows/settings.ts';
import { writeTx } from '../../db/write-tx.ts';
import { putSetting } from '../../db/settings-repo.ts';
import { dropShipped, localHead } from '../../db/replication-outbox.ts';

const calendar = loadCalendar();
const later = (minutes: number, from: Date) => new Date(from.getTime() + minutes * 60_000);

describe('the admin hears when the replica falls behind (issue 21), from the local outbox only', () => {
  it('warns past replication-lag-alert-seconds, only while writes wait, and only with replication on', () => {
    const { ledger, adminId } = freshLedger();
    const admin = authenticate(ledger, ADMIN.login, ADMIN.pin);
    const lagAlert = (now: Date) => homeAlerts(ledger, admin, calendar, now).filter((a) => a.code === 'replicationLag');
    const write = () => writeTx(ledger, (tx) => putSetting(tx, 'test.x', String(Math.random()), adminId, ledger.now().toISOString()));
    write();
    const t0 = ledger.now();
    expect(lagAlert(later(60, t0))).toEqual([]); // replication off: nothing kept, nothing said
    prepareSource(ledger, 'postgres://sbk@db.example.cn/sbk'); // turns replication on; no server needed
    write();
    expect(lagAlert(later(4, t0))).toEqual([]); // under the default 300 s
    expect(lagAlert(later(10, t0))).toHaveLength(1);
    changeSetting(ledger, admin, 'replication-lag-alert-seconds', '900');
    expect(lagAlert(later(10, t0))).toEqual([]);
    dropShipped(ledger.sqlite, localHead(ledger.sqlite)!.seq); // what the replicator does once the server committed
    expect(lagAlert(later(60, t0))).toEqual([]);
  });
});
