import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { transferWithSheet } from '../../workflows/transfer-desk.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Message } from '../screens/shared/message.ts';
import { errorText } from '../state/error-text.ts';
import { zh } from '../../i18n/zh-CN.ts';

/**
 * HB Art. 14 (当日尚未发放的社会保障卡必须入库管理): every card left on a counter goes back to the
 * vault in one operation, and its 库内移交单 is saved as `sbk transfer --back-to-vault` saves it.
 * Returns the lines the home page shows: what moved and where the sheet is, or why nothing did.
 */
export function backToVault(ledger: Ledger, actor: Actor): readonly Message[] {
  try {
    const r = transferWithSheet(ledger, actor, { operationId: randomUUID(), backToVault: true });
    const done: Message = { level: 'ok', text: zh.home.backDone(r.cards, r.toPlace ?? '', r.ref) };
    return r.sheetPath ? [done, { level: 'ok', text: zh.home.sheetSaved(r.sheetPath) }] : [done];
  } catch (e) {
    return [{ level: 'error', text: zh.home.backRefused(errorText(e)) }];
  }
}
