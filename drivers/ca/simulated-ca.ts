/** The training CA: deterministic stand-in data for demo ledgers and tests, never valid on a real card. */
import { createHash } from 'node:crypto';
import type { CaInfo } from '../printer/instant-printer.ts';
import type { CaSource, CaSubject } from './ca-source.ts';
import { caText } from '../../src/i18n/drivers/ca.ts';

export class SimulatedCaSource implements CaSource {
  readonly label = caText.simulatedLabel;
  async certify(publicKey: string, subject: CaSubject): Promise<CaInfo> {
    const h = (tag: string) => createHash('sha256').update(`${tag}:${publicKey}:${subject.ssn}:${subject.cardNo}`).digest('hex');
    return { signCert: `SIM-SIGN-${h('sign').slice(0, 48)}`, encCert: `SIM-ENC-${h('enc').slice(0, 48)}`, encKey: h('key').slice(0, 32), masterKey: h('master').slice(0, 32), adminPin: h('pin').slice(0, 8) };
  }
}
