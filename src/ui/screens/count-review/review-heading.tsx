import { memo } from 'react';
import { Line } from '../../components/line.tsx';

export type ReviewHeadingProps = { readonly title: string; readonly color: string; readonly balance: readonly string[]; readonly width: number };

/** What was submitted: clean or not, and per bank the balance against the count. */
function ReviewHeadingView({ title, color, balance, width }: ReviewHeadingProps) {
  return (
    <>
      <Line text={title} color={color} width={width} bold />
      {balance.map((text, i) => (
        <Line key={i} text={text} width={width} />
      ))}
    </>
  );
}

/** Memoised: the heading stays as it is while reasons and PINs are typed. */
export const ReviewHeading = memo(ReviewHeadingView);
