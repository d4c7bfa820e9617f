import { memo } from 'react';
import { Line } from '../../components/line.tsx';

/** The shipment's number, and where it came from when it could be read. */
function SignInHeadingView({ title, from, width }: { title: string; from: string | null; width: number }) {
  return (
    <>
      <Line text={title} width={width} bold />
      {from === null ? null : <Line text={from} width={width} />}
    </>
  );
}

/** Memoised: the heading never changes while counting. */
export const SignInHeading = memo(SignInHeadingView);
