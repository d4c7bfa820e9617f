import type { ScreenProps } from './screen-props.ts';
import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect, type ReactNode } from 'react';
import { Box } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useIssuance, type IssueField, type IssueStep } from '../hooks/use-issuance.ts';
import { IssueFind } from './issuance/issue-find.tsx';
import { IssueForm } from './issuance/issue-form.tsx';
import { IssueCondemned, IssueDoneView } from './issuance/issue-done.tsx';
import { issuanceKeys } from './issuance/issue-keys.ts';

export type IssuanceScreenProps = ScreenProps & {
  /** Ctrl+L while searching: the day's 发放台账. */
  readonly onLedger?: () => void;
};

type Issuance = ReturnType<typeof useIssuance>;

function contextOf(step: IssueStep, focus: IssueField): ContextId {
  switch (step) {
    case 'query':
      return 'issue-query';
    case 'pick':
      return 'issue-pick';
    case 'form':
      return focus === 'receiver' ? 'issue-form' : focus === 'agentId' ? 'issue-form-agent-id' : 'issue-form-edit';
    case 'leave':
      return 'confirm';
    case 'done':
    case 'condemned':
      return 'issue-done';
  }
}

/** The step's view: the search, the form, or what became of the card. */
function body(s: Issuance, isActive: boolean, width: number, height: number): ReactNode {
  if (s.step === 'done' && s.done) return <IssueDoneView done={s.done} width={width} />;
  const card = s.card;
  if (s.step === 'condemned' && card) return <IssueCondemned cardNo={card.cardNo} defect={s.defect ?? ''} width={width} />;
  if ((s.step === 'form' || s.step === 'leave') && card) {
    const editable = isActive && s.step === 'form' && !s.busy;
    return (
      <IssueForm card={card} receiver={s.receiver} fields={s.fields} agentIdType={s.agentIdType} focus={s.focus} read={s.read} message={s.message} busy={s.busy} hasReader={s.hasReader} readerLabel={s.readerLabel} editable={editable} asking={s.step === 'leave'} width={width} onChange={s.setField} onDone={s.fieldDone} />
    );
  }
  const pickIndex = s.step === 'pick' ? s.pickIndex : null;
  const focus = isActive && s.step === 'query';
  return <IssueFind query={s.query} candidates={s.candidates} pickIndex={pickIndex} message={s.message} focus={focus} width={width} height={height} onQuery={s.setQuery} onSearch={s.search} />;
}

export function IssuanceScreen({ actor, width, height, isActive, onContext, onLedger }: IssuanceScreenProps) {
  const s = useIssuance(actor);
  const context = contextOf(s.step, s.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(issuanceKeys(s, stray, onLedger), { priority: s.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive });
  const view = body(s, isActive, width, height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {view}
    </Box>
  );
}
