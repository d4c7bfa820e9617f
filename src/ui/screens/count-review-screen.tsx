import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect, useMemo } from 'react';
import { Box } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountReview } from '../hooks/use-count-review.ts';
import { balanceLines, contextOf, formView, titleOf } from './count-review/count-review-view.ts';
import { countReviewKeys } from './count-review/count-review-keys.ts';
import { ReviewHeading } from './count-review/review-heading.tsx';
import { ReviewDone, ReviewFailed } from './count-review/review-ended.tsx';
import { ReviewForm, type ReviewFields } from './count-review/review-form.tsx';
import type { SubmitResult } from '../../workflows/stock-count.ts';
import type { Actor } from '../../domain/actor.ts';

export type CountReviewScreenProps = {
  actor: Actor;
  countId: number;
  result: SubmitResult | null;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  onLeave: () => void;
};

export function CountReviewScreen({ actor, countId, result, width, height, isActive, onContext, onLeave }: CountReviewScreenProps) {
  const r = useCountReview(actor, countId, result);
  const context = contextOf(r.mode, r.focus, r.clean);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(countReviewKeys(r, stray, onLeave), { priority: r.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive });
  const balance = useMemo(() => balanceLines(r.lines), [r.lines]);

  if (r.mode === 'failed') return <ReviewFailed countId={countId} error={r.loadError ?? ''} width={width} height={height} />;
  const title = titleOf(countId, r);
  const heading = { title: title.text, color: title.color, balance, width };
  if (r.mode === 'done') return <ReviewDone heading={heading} done={r.done ?? ''} clean={r.clean} height={height} />;
  const editing = isActive && r.mode === 'review' && !r.checking ? r.focus : null;
  const reason = r.current ? (r.reasons[r.current.cardNo] ?? '') : '';
  const fields: ReviewFields = { reason, login: r.login, pin: r.pin, onReason: r.setReason, onReasonDone: r.reasonDone, onLogin: r.setLogin, onLoginDone: r.loginDone, onPin: r.setPin, onPinDone: r.pinDone };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ReviewHeading {...heading} />
      <ReviewForm view={formView(r, balance.length, height)} fields={fields} sel={r.sel} editing={editing} leaving={r.mode === 'leave'} width={width} />
    </Box>
  );
}
