import { Text } from 'ink';
import { Line } from '../../components/line.tsx';
import type { IssueDone } from '../../hooks/use-issuance.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const I = zh.issuance;

/** Issued: to whom and how, the card's state and read-check, and where the receipt was saved. */
export function IssueDoneView({ done: d, width }: { done: IssueDone; width: number }) {
  const title = I.cardTitle(d.cardNo);
  const done = d.mailed ? I.mailDone : I.done;
  const result = d.replayed ? { text: I.replayed(d.cardNo), color: 'yellow' } : { text: done(d.cardNo, d.holderName, d.how, d.secondIssue), color: 'green' };
  const state = I.doneState(d.stateLabel, I.readCheckText[d.readCheck]);
  const path = `  ${d.receiptPath}`;
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={result.text} width={width} color={result.color} />
      <Line text={state} width={width} />
      <Line text="" width={width} />
      {d.mailed ? <Text wrap="wrap">{I.mailReminder}</Text> : null}
      {d.receiptPath ? <Line text={I.receiptSaved} width={width} /> : null}
      {d.receiptPath ? <Text wrap="wrap">{path}</Text> : null}
      {d.receiptError ? (
        <Text color="red" wrap="wrap">
          {d.receiptError}
        </Text>
      ) : null}
      <Line text="" width={width} />
      <Line text={I.doneHint} width={width} />
    </>
  );
}

/** The chip showed the card cannot be issued: it is recorded as defective. */
export function IssueCondemned({ cardNo, defect, width }: { cardNo: string; defect: string; width: number }) {
  const title = I.cardTitle(cardNo);
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={I.defectiveTitle} width={width} bold color="red" />
      <Text color="red" wrap="wrap">
        {defect}
      </Text>
      <Line text="" width={width} />
      <Line text={I.defectHint} width={width} />
    </>
  );
}
