import { useEffect, useState } from 'react';
import { lookupCard, type CardView } from '../../workflows/card-lookup.ts';
import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type CardLookup = {
  input: string;
  setInput: (v: string) => void;
  card: CardView | null;
  error: string | null;
  selected: number;
  search: (value: string) => void;
  move: (delta: number) => void;
  clear: () => void;
};

/** A scanner types the number and Enter in one burst; search works the same for both. */
export function useCardLookup(initialQuery?: string): CardLookup {
  const { ledger } = useServices();
  const [input, setInput] = useState('');
  const [card, setCard] = useState<CardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const search = (value: string) => {
    try {
      const v = lookupCard(ledger, value);
      setCard(v);
      setError(null);
      setSelected(Math.max(0, v.history.length - 1));
      // Clear the field so the next scan starts fresh; the card stays on screen.
      setInput('');
    } catch (e) {
      setCard(null);
      setError(isSbkError(e) ? e.message : zh.errors.internal);
    }
  };
  // Opened by a scan elsewhere (the home screen): show that card at once.
  useEffect(() => {
    if (initialQuery) search(initialQuery);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);
  return {
    input,
    setInput,
    card,
    error,
    selected,
    search,
    move: (delta) => setSelected((i) => (card ? Math.min(card.history.length - 1, Math.max(0, i + delta)) : 0)),
    clear: () => {
      setInput('');
      setError(null);
    },
  };
}
