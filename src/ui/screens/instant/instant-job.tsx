import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { MESSAGE_COLOR, type Message } from '../shared/message.ts';
import { jobAsk, jobRows } from './instant-lines.ts';
import type { InterruptedJob } from '../../../workflows/instant-recovery.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.instant;

/** The last message in its colour, or an empty row that keeps the place. */
export function MessageRow({ message, width }: { message: Message | null; width: number }) {
  return message ? <Wrapped text={message.text} color={MESSAGE_COLOR[message.level]} /> : <Line text="" width={width} />;
}

export type InstantJobProps = { job: InterruptedJob; count: number; faceGood: boolean; busy: boolean; message: Message | null; width: number };

/** One interrupted job: its details, the advice, and what the operator is to decide. */
export function InstantJob({ job, count, faceGood, busy, message, width }: InstantJobProps) {
  const title = T.jobsTitle(count);
  const rows = jobRows(job);
  const ask = jobAsk(job, faceGood);
  return (
    <>
      <Line text={title} width={width} color="yellow" bold />
      <Line text="" width={width} />
      {rows.map((text, i) => (
        <Line key={i} text={text} width={width} />
      ))}
      <Line text="" width={width} />
      <Wrapped text={job.advice} color="yellow" />
      <Line text="" width={width} />
      <Wrapped text={ask} />
      {busy ? <Line text={T.resolving} width={width} color="yellow" /> : <MessageRow message={message} width={width} />}
    </>
  );
}
