/**
 * Where iWriteCaStep2's certificates come from. In the province's system the card's signing
 * key is certified by the province's encryption machine (GD Annex 9 二(二): 系统通过连接省卡管系统
 * 加密机完成制卡，不需要安装PSAM卡); sbk has no link to it yet, so only a training simulator is
 * offered, and a real ledger without one refuses to make cards rather than write fake keys.
 */
import { createHash } from 'node:crypto';
import type { CaInfo } from '../../drivers/printer/instant-printer.ts';
import { caAuthorityText } from '../i18n/workflows/ca-authority.ts';

export interface CaAuthority {
  readonly label: string;
  certify(publicKey: string, subject: { ssn: string; cardNo: string }): Promise<CaInfo>;
}

/** Deterministic stand-in certificates for demo ledgers and tests: never valid on a real card. */
export class SimulatedCaAuthority implements CaAuthority {
  readonly label = caAuthorityText.simulatorLabel;
  async certify(publicKey: string, subject: { ssn: string; cardNo: string }): Promise<CaInfo> {
    const h = (tag: string) => createHash('sha256').update(`${tag}:${publicKey}:${subject.ssn}:${subject.cardNo}`).digest('hex');
    return { signCert: `SIM-SIGN-${h('sign').slice(0, 48)}`, encCert: `SIM-ENC-${h('enc').slice(0, 48)}`, encKey: h('key').slice(0, 32), masterKey: h('master').slice(0, 32), adminPin: h('pin').slice(0, 8) };
  }
}

