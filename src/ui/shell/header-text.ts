import type { Actor } from '../../domain/actor.ts';
import { ROLE_LABELS } from '../../workflows/authenticate.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { headerText as T } from '../../i18n/shell.ts';

/** The inverse top row: the program, who is logged in where, and whether this is the demo ledger. */
export function headerText(actor: Actor | null, isDemo: boolean): string {
  return [zh.app.title, actor ? T.operator(actor.name, ROLE_LABELS[actor.role], actor.siteName) : '', isDemo ? zh.app.demoBadge : '']
    .filter(Boolean)
    .join('  |  ');
}
