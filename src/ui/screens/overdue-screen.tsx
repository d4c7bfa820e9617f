import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect, type ReactNode } from 'react';
import { Box } from 'ink';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useOverdue, type LeaveTarget, type OverdueMode } from '../hooks/use-overdue.ts';
import type { OverdueTab, WaysTab } from '../hooks/use-navigation.ts';
import { useWaysBack } from '../hooks/use-ways-back.ts';
import { WaysBackView, REMAKE_CHROME } from './overdue/ways-back-view.tsx';
import { waysKeys } from './overdue/ways-back-keys.ts';
import { isWaysTab, waysTitleLine } from './overdue/ways-back-lines.ts';
import { Question } from './shared/question.tsx';
import { EndDialog, RecallDialog, StatsView } from './overdue/overdue-dialogs.tsx';
import { MailDialog } from './overdue/mail-dialog.tsx';
import { OverdueList } from './overdue/overdue-list.tsx';
import { overdueKeys } from './overdue/overdue-keys.ts';
import { titleLine } from './overdue/overdue-lines.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type OverdueScreenProps = {
  actor: Actor;
  tab: OverdueTab | WaysTab;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  onTab: (tab: OverdueTab | WaysTab) => void;
  onSettle: (ref: string) => void;
  onNewPickup: () => void;
  onLeave: () => void;
};

type Overdue = ReturnType<typeof useOverdue>;

const O = zh.overdue;
/** Title, the table's header, rule and overflow line, the detail line, two notice lines. */
const CHROME = 1 + 3 + 1 + 2;

function contextOf(mode: OverdueMode, tab: OverdueTab, canSeal: boolean, reasonIsOther: boolean): ContextId {
  switch (mode) {
    case 'leave':
      return 'confirm';
    case 'recall':
      return reasonIsOther ? 'overdue-recall-note' : 'overdue-recall';
    case 'end':
      return 'overdue-end';
    case 'stats':
      return 'overdue-stats';
    case 'mail':
      return 'overdue-mail-dialog';
    case 'list':
      return tab === 'cancel' ? (canSeal ? 'overdue-cancel-seal' : 'overdue-cancel') : `overdue-${tab}`;
  }
}

type BodyProps = { o: Overdue; tab: OverdueTab; canSeal: boolean; siteName: string; isActive: boolean; width: number; height: number };

/** The open dialog (kept on screen under a question about dropping what was typed in it), or the lists. */
function body({ o, tab, canSeal, siteName, isActive, width, height }: BodyProps): ReactNode {
  const view: OverdueMode = o.mode === 'leave' && o.leaving?.what === 'form' ? o.leaving.back : o.mode;
  const error = o.dialogError ?? '';
  if (view === 'recall') {
    return <RecallDialog rows={o.chosenDue} reasons={o.reasons} reasonIndex={o.reasonIndex} note={o.note} error={error} focus={isActive && o.mode === 'recall'} width={width} onNote={o.setNote} onConfirm={o.confirmRecall} />;
  }
  if (view === 'end') {
    const word = o.action === 'seal' ? O.seal : O.cancel;
    const editable = isActive && o.mode === 'end' && !o.checking;
    return <EndDialog rows={o.chosenCancel} word={word} end={o.end} endFocus={o.endFocus} suggestedReason={o.suggestedReason} checking={o.checking} error={error} editable={editable} width={width} onChange={o.setEnd} onDone={o.endFieldDone} />;
  }
  if (view === 'mail') {
    const card = o.lists.mail.find((m) => m.cardNo === o.mail.cardNo);
    return <MailDialog outcome={o.mail.outcome} card={card} cardNo={o.mail.cardNo} text={o.mail.text} error={error} focus={isActive && o.mode === 'mail'} width={width} onChange={o.setMailText} onConfirm={o.confirmMail} />;
  }
  if (view === 'stats' && o.stats) return <StatsView stats={o.stats} siteName={siteName} width={width} height={height} />;
  const rows = Math.max(1, height - CHROME);
  return <OverdueList o={o} tab={tab} canSeal={canSeal} asking={view === 'leave'} rows={rows} width={width} />;
}

export function OverdueScreen({ actor, tab: shown, width, height, isActive, onContext, onTab, onSettle, onNewPickup, onLeave }: OverdueScreenProps) {
  // On a ways-back page the recall lists keep their own state (and the due list's tab) underneath.
  const ways = isWaysTab(shown) ? shown : null;
  const tab: OverdueTab = ways ? 'due' : (shown as OverdueTab);
  const o = useOverdue(actor, tab);
  const w = useWaysBack(actor);
  const canSeal = o.endActions.includes('seal');
  const context: ContextId = ways ? (w.leaving ? 'confirm' : `ways-${ways}`) : contextOf(o.mode, tab, canSeal, o.reason.code === 'other');
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const go = (t: LeaveTarget) => (t.to === 'settle' ? onSettle(t.ref) : t.to === 'new-pickup' ? onNewPickup() : onLeave());
  const page = Math.max(1, height - CHROME);
  useKeyHandler(overdueKeys(o, stray, { tab, canSeal, page, onTab, go }), { priority: o.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive: isActive && !ways });
  useKeyHandler(waysKeys(w, stray, { tab: ways ?? 'remake', page: Math.max(1, height - REMAKE_CHROME), onTab, onLeave }), { priority: w.leaving ? PRIORITY.modal : PRIORITY.screen, isActive: isActive && ways !== null });
  if (ways) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Line text={waysTitleLine(ways, w.remake.rows.length)} width={width} bold />
        <WaysBackView w={w} tab={ways} width={width} height={height} isActive={isActive} />
      </Box>
    );
  }
  const counts = { due: o.lists.due.length, warn: o.lists.warn.length, pickups: o.lists.pickups.length, cancel: o.lists.cancel.length, mail: o.lists.mail.length };
  const title = titleLine(tab, counts);
  const formQuestion = o.mode === 'leave' && o.leaving?.what === 'form';
  const view = body({ o, tab, canSeal, siteName: actor.siteName, isActive, width, height });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      {view}
      {formQuestion ? <Question title={O.leaveFormTitle} body={O.leaveFormBody} width={width} /> : null}
    </Box>
  );
}
