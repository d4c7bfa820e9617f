/**
 * Where iWriteCaStep2's CA data comes from. In the province's system the card's signing key is
 * certified by the province's encryption machine (GD Annex 9 二(二): 系统通过连接省卡管系统加密机
 * 完成制卡，不需要安装PSAM卡). Annex 9 describes the two calls around it:
 *
 *   iWriteCaStep1 … 完成CA环境初始化，并返回签名公钥。返回0成功，并在pOutInfo属性中返回CA“签名公钥”。
 *   iWriteCaStep2(char* pCaInfo) … pCaInfo参数为“签名证书|加密证书|加密密钥|主控密钥|管理员PIN”。
 *
 * So a CA source takes the signing public key from step 1 and gives the five fields for step 2.
 * The devices configuration's `ca` names the kind: none (instant issuance refuses), the training
 * simulator, or the site's own encryption-machine client run as a command (command-ca.ts).
 */
import type { CaConfig } from '../config/device-config.ts';
import type { CaInfo } from '../printer/instant-printer.ts';
import { SimulatedCaSource } from './simulated-ca.ts';
import { CommandCaSource } from './command-ca.ts';

export type CaSubject = { ssn: string; cardNo: string };

export interface CaSource {
  /** What the operator is shown (never the CA data itself). */
  readonly label: string;
  /** The five fields for iWriteCaStep2, for the signing public key iWriteCaStep1 returned. */
  certify(publicKey: string, subject: CaSubject): Promise<CaInfo>;
}

/** The configured CA source, or null when the site has none (instant issuance is then refused: INSTANT_NO_CA). */
export function caSourceFor(config: CaConfig): CaSource | null {
  switch (config.kind) {
    case 'none':
      return null;
    case 'simulated':
      return new SimulatedCaSource();
    case 'command':
      return new CommandCaSource(config);
  }
}
