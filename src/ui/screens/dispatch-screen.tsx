import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useDispatch } from '../hooks/use-dispatch.ts';
import { confirmLines, contextOf, destRows, destTitle, groupRows, methodRow, totalLine } from './dispatch/dispatch-view.ts';
import { dispatchTotal } from '../state/dispatch.ts';
import { dispatchKeys } from './dispatch/dispatch-keys.ts';
import { DispatchDest } from './dispatch/dispatch-dest.tsx';
import { DispatchDone } from './dispatch/dispatch-done.tsx';
import { DispatchConfirm } from './dispatch/dispatch-confirm.tsx';
import { DispatchDetails } from './dispatch/dispatch-details.tsx';
import { DispatchScan } from './dispatch/dispatch-scan.tsx';

export type DispatchScreenProps = ScreenProps;

export function DispatchScreen({ actor, width, height, isActive, onContext }: DispatchScreenProps) {
  const d = useDispatch(actor);
  const context = contextOf(d.step, d.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const destPage = Math.max(1, height - 4);
  const stray = useStrayScan();
  const asking = d.step === 'confirm' || d.step === 'leave';
  useKeyHandler(dispatchKeys(d, stray, destPage), { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive });

  const size = { width, height };
  if (d.step === 'dest') {
    const rows = destRows(d.destinations);
    return <DispatchDest rows={rows} selected={rows.length ? d.destIndex : undefined} page={destPage} {...size} />;
  }
  const title = destTitle(d);
  if (d.step === 'done' && d.done) return <DispatchDone title={title} done={d.done} {...size} />;
  if (d.step === 'confirm') return <DispatchConfirm title={title} lines={confirmLines(d, actor.name)} rows={groupRows(d)} {...size} />;
  const total = totalLine(d);
  if (d.step === 'details') {
    const editing = isActive && d.focus !== 'method' ? d.focus : null;
    const fields = { trackingNo: d.trackingNo, senderName: d.senderName, onTracking: d.setTrackingNo, onSender: d.setSenderName, onDone: d.toConfirm };
    return <DispatchDetails title={title} total={total} methodRow={methodRow(d)} editing={editing} {...fields} {...size} />;
  }
  const leaving = d.step === 'leave' ? dispatchTotal(d) : null;
  const field = { input: d.input, focus: isActive && d.step === 'scan', onChange: d.setInput, onSubmit: d.submitScan };
  return <DispatchScan title={title} total={total} flags={d.flags} rows={groupRows(d)} leaving={leaving} {...field} {...size} />;
}
