import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { ReceiptLines } from './receipt-lines.tsx';
import { phaseRows, type RunStatus } from './instant-lines.ts';
import type { ReceiptState, RunInfo } from '../../hooks/use-instant.ts';
import type { InstantPhase, InstantResult } from '../../../workflows/instant-issuance.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.instant;

export type InstantRunProps = {
  run: RunInfo;
  status: RunStatus;
  phase: InstantPhase | null;
  result: InstantResult | null;
  /** Why the run stopped without a result. */
  failure: string | null;
  receipt: ReceiptState;
  width: number;
};

type Issued = Extract<InstantResult, { status: 'issued' }>;

/** The card made and issued on the spot: the card, its holder, the receipt. */
function IssuedCard({ r, receipt, width }: { r: Issued; receipt: ReceiptState; width: number }) {
  const issued = T.issued(r.cardNo, r.blankNo);
  const holder = `${T.holder(r.receipt.holderName, r.receipt.holderIdMasked)}  ${T.jobNo(r.jobNo)}`;
  return (
    <>
      <Line text={T.issuedTitle} width={width} color="green" bold />
      <Wrapped text={issued} color="green" />
      <Line text={holder} width={width} />
      <Line text="" width={width} />
      <ReceiptLines receipt={receipt} width={width} />
      <Line text={T.issuedHint} width={width} dim />
    </>
  );
}

/** The run stopped between two printer calls: the job is left for the interrupted list. */
function Interrupted({ failure, width }: { failure: string; width: number }) {
  const why = T.interrupted(failure);
  return (
    <>
      <Line text={T.interruptedTitle} width={width} color="red" bold />
      <Wrapped text={why} color="red" />
      <Wrapped text={T.interruptedNext} />
    </>
  );
}

/** Below the phases: the hint while running, or what became of the card. */
function Tail({ status, result: r, failure, width }: { status: RunStatus; result: InstantResult | null; failure: string | null; width: number }) {
  if (status === 'running') return <Line text={T.runningHint} width={width} dim />;
  if (status === 'error') return <Interrupted failure={failure ?? ''} width={width} />;
  if (r?.status === 'failed') {
    const title = `${T.failedTitle}  ${T.jobNo(r.jobNo)}`;
    const spoiled = T.spoiled(r.blankNo ?? '');
    return (
      <>
        <Line text={title} width={width} color="red" bold />
        <Wrapped text={r.message} color="red" />
        <Line text={spoiled} width={width} color="yellow" />
        <Line text={T.failedHint} width={width} dim />
      </>
    );
  }
  if (!r) return null;
  const title = `${T.voidTitle}  ${T.jobNo(r.jobNo)}`;
  const why = r.status === 'void' ? r.message : r.status === 'stocked' ? T.resolvedStocked(r.jobNo, r.cardNo, r.placeName) : '';
  return (
    <>
      <Line text={title} width={width} color="yellow" bold />
      <Wrapped text={why} color="yellow" />
      <Line text={T.voidBody} width={width} />
      <Line text={T.voidHint} width={width} dim />
    </>
  );
}

/** A card being made: the applicant and the station, then the phases as they pass and the outcome. */
export function InstantRun({ run, status, phase, result, failure, receipt, width }: InstantRunProps) {
  const applicant = T.applicant(run.name, run.idMasked, run.attempt);
  const station = T.station(run.bank, run.printerId, run.hopperName);
  const phases = phaseRows(phase, status);
  const issued = status === 'issued' && result?.status === 'issued' ? result : null;
  return (
    <>
      <Line text={applicant} width={width} />
      <Line text={station} width={width} />
      {(run.warnings ?? []).map((w) => (
        <Wrapped key={w} text={w} color="yellow" />
      ))}
      <Line text="" width={width} />
      {issued ? (
        <IssuedCard r={issued} receipt={receipt} width={width} />
      ) : (
        <>
          {phases.map((p) => (
            <Line key={p.key} text={p.text} width={width} color={p.color} />
          ))}
          <Line text="" width={width} />
          <Tail status={status} result={result} failure={failure} width={width} />
        </>
      )}
    </>
  );
}
