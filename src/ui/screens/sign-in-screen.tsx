import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useSignIn } from '../hooks/use-sign-in.ts';
import { contextOf, countView, heading as headingOf, resultView } from './sign-in/sign-in-view.ts';
import { signInKeys } from './sign-in/sign-in-keys.ts';
import { SignInDone, SignInFailed } from './sign-in/sign-in-ended.tsx';
import { SignInResult } from './sign-in/sign-in-result.tsx';
import { SignInCount } from './sign-in/sign-in-count.tsx';
import type { Actor } from '../../domain/actor.ts';
import type { Message } from './shared/message.ts';

export type SignInScreenProps = {
  actor: Actor;
  number: string;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  /** Leave the screen (after the operator agreed to drop an unsubmitted count). */
  onLeave: () => void;
};

const NO_FLAGS: readonly Message[] = [];

export function SignInScreen({ actor, number, width, height, isActive, onContext, onLeave }: SignInScreenProps) {
  const s = useSignIn(actor, number);
  const context = contextOf(s.mode, s.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(signInKeys(s, stray, onLeave), { priority: s.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive });

  const { title, from } = headingOf(s.start, number);
  const size = { width, height };
  if (s.mode === 'failed') return <SignInFailed title={title} error={s.startError ?? ''} {...size} />;
  if (s.mode === 'done' && s.summary) return <SignInDone title={title} from={from} summary={s.summary} {...size} />;
  if (s.mode === 'result') {
    return <SignInResult title={title} from={from} view={resultView(s, s.places, s.place, s.operators)} flags={s.notice ? [s.notice] : NO_FLAGS} {...size} />;
  }
  const view = countView(s);
  return <SignInCount title={title} from={from} view={view} input={s.input} flags={s.flags} focus={isActive && view.editing} onChange={s.setInput} onSubmit={s.submit} {...size} />;
}
