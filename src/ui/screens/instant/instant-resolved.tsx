import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { MESSAGE_COLOR } from '../shared/message.ts';
import { ReceiptLines } from './receipt-lines.tsx';
import { resolvedHint } from './instant-lines.ts';
import type { ReceiptState, ResolvedView } from '../../hooks/use-instant.ts';

export type InstantResolvedProps = { resolved: ResolvedView; jobs: number; receipt: ReceiptState; width: number };

/** What the decision on a job did, the receipt when a card was issued, and what Enter does next. */
export function InstantResolved({ resolved, jobs, receipt, width }: InstantResolvedProps) {
  const hint = resolvedHint(jobs, resolved.receipt !== null);
  return (
    <>
      <Line text="" width={width} />
      <Wrapped text={resolved.message.text} color={MESSAGE_COLOR[resolved.message.level]} />
      <Line text="" width={width} />
      <ReceiptLines receipt={receipt} width={width} />
      <Line text={hint} width={width} dim />
    </>
  );
}
