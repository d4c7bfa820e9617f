/**
 * The demo ledger's synthetic cards: holders with valid resident ID numbers from Wuhan's
 * districts, bank accounts with valid Luhn digits, boxes of 20 finished cards or 25 blanks.
 * Deterministic: every value comes from the seeded generator, in the order it is asked.
 */
import type { NewCard } from '../../db/register-cards.ts';
import { residentIdCheckChar } from '../domain/resident-id.ts';
import { luhnCheckDigit } from '../domain/luhn.ts';
import { seededRandom } from '../domain/seeded-random.ts';
import { GIVEN, SPECIAL_NAMES, SURNAMES, WUHAN_AREAS, type DemoBank } from './demo-ledger-data.ts';

export type Gen = {
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
  digits: (n: number) => string;
  hex: (n: number) => string;
};

export function generator(seed: number): Gen {
  const rnd = seededRandom(seed);
  return {
    rnd,
    pick: (xs) => xs[Math.floor(rnd() * xs.length)]!,
    digits: (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join(''),
    hex: (n) => Array.from({ length: n }, () => '0123456789ABCDEF'[Math.floor(rnd() * 16)]).join(''),
  };
}

function residentId(g: Gen): string {
  const year = 1940 + Math.floor(g.rnd() * 75);
  const month = 1 + Math.floor(g.rnd() * 12);
  const day = 1 + Math.floor(g.rnd() * 28);
  const first17 = `${g.pick(WUHAN_AREAS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${g.digits(3)}`;
  return first17 + residentIdCheckChar(first17);
}

function bankCard(g: Gen, bin: string): string {
  const partial = bin + g.digits(18 - bin.length);
  return partial + luhnCheckDigit(partial);
}

/** What every card of a maker's file carries: numbers, codes, account and place in its box. */
function makerFields(g: Gen, prefix: string, i: number, bank: DemoBank, perBox: number): Omit<NewCard, 'kind'> {
  const box = String(Math.floor(i / perBox) + 1).padStart(2, '0');
  return {
    cardNo: `${prefix}${String(i + 1).padStart(9 - prefix.length, '0')}`,
    cardIdCode: `420100D15600000${g.hex(17)}`.slice(0, 32),
    resetCode: `3B6C0000${g.hex(18)}`,
    bankCardNo: bankCard(g, bank.bin),
    bank: bank.name,
    maker: bank.maker,
    boxLabel: box,
    boxPosition: `${box}-${String((i % perBox) + 1).padStart(3, '0')}`,
  };
}

/** `n` finished cards of one bank, numbered from `prefix`; the holders at `specialAt` get rare names. */
export function finishedCards(g: Gen, prefix: string, n: number, bank: DemoBank, issueDate: string, specialAt: number[] = []): NewCard[] {
  const expiry = `${Number(issueDate.slice(0, 4)) + 10}${issueDate.slice(4)}`; // HB Art. 2: valid 10 years
  return Array.from({ length: n }, (_, i) => {
    const special = specialAt.indexOf(i);
    const name = special >= 0 ? SPECIAL_NAMES[special % SPECIAL_NAMES.length]! : g.pick(SURNAMES) + g.pick(GIVEN);
    // The order of the generator's draws is the demo's figures: name, codes, account, then the ID.
    const fields = makerFields(g, prefix, i, bank, 20);
    return { kind: 'finished' as const, ...fields, holder: { idType: 'resident_id', idNumber: residentId(g), name }, issueDate, expiryDate: expiry };
  });
}

/** `n` prefab blanks of one bank, numbered from `prefix`. */
export function prefabCards(g: Gen, prefix: string, n: number, bank: DemoBank): NewCard[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'prefab' as const, ...makerFields(g, prefix, i, bank, 25) }));
}
