/**
 * Names of the card maker's return files (回盘文件), which arrive with the cards.
 *
 * GD Annex 9 一(四) names the prefab return file:
 *   "回盘数据文件名：YZKCG_银行_市卡管机构_批次_数量_卡商_开户行号_时间.txt"
 * The Annex names no file for finished cards (those go back through the "制卡回盘" interface,
 * GD Annex 8), but the office receives the same list with finished cards. We read it with the
 * same fields under the prefix `CPKCG_` (成品卡, as YZKCG is 预制卡). That prefix is our own
 * convention, not the province's: if a maker uses another, add it to PREFIXES rather than
 * guessing the kind from the content, because the kind decides which columns are required.
 *
 * The kind always comes from the prefix, never from whether holder columns happen to be
 * filled: a prefab file with names in it is a wrong file, not a finished-card file.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { isIsoDate } from './china-dates.ts';
import { MAKER_FILE_NAME_PATTERN, MAKER_NAME_FIELDS } from './maker-file-format.ts';
import { makerFileTexts } from '../i18n/domain/maker-file.ts';

export { MAKER_FILE_NAME_PATTERN };

const T = makerFileTexts.name;

export type MakerFileKind = 'prefab' | 'finished';

export type MakerFileName = {
  kind: MakerFileKind;
  bank: string;
  cityBody: string;
  batch: string;
  declaredCount: number;
  maker: string;
  /** 开户行号: the account-opening bank's code, as given */
  bankCode: string;
  /** as given, e.g. 20261120093000; validated as a date-time (see checkTime) */
  time: string;
};

export const MAKER_FILE_PREFIXES: Readonly<Record<string, MakerFileKind>> = {
  YZKCG: 'prefab',
  CPKCG: 'finished',
};

export type MakerFileNameProblem = { code: string; message: string };

export type MakerFileNameInspection = {
  /** the whole name when every part is right, else null */
  name: MakerFileName | null;
  /** known as soon as the prefix is, even when other parts are wrong */
  kind: MakerFileKind | null;
  /** every problem found, in the order of the name's parts */
  problems: MakerFileNameProblem[];
};

/** Strips directories of either separator: files come from Windows shares as often as not. */
export function makerFileBaseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** The fields after the prefix, named as the Annex names them. */
const [BANK, CITY_BODY, BATCH, COUNT, MAKER, BANK_CODE, TIME] = MAKER_NAME_FIELDS;

type Problem = (code: string, message: string) => void;

/**
 * Looks at every part of the name and reports all problems, so that the file report lists
 * them together (parseMakerFile turns each into its own error on line 0).
 */
export function inspectMakerFileName(path: string): MakerFileNameInspection {
  const base = makerFileBaseName(path).trim();
  const problems: MakerFileNameProblem[] = [];
  const problem: Problem = (code, message) => {
    problems.push({ code, message });
  };
  const expected = T.expected(MAKER_FILE_NAME_PATTERN);

  let stem = base;
  if (/\.txt$/i.test(base)) stem = base.slice(0, -4);
  else problem('MAKER_NAME_EXTENSION', T.extension(expected));

  const parts = stem.split('_');
  const prefix = (parts[0] ?? '').toUpperCase();
  const kind = MAKER_FILE_PREFIXES[prefix] ?? null;
  if (kind === null) problem('MAKER_NAME_PREFIX', T.prefix(parts[0] ?? ''));
  const fields = parts.slice(1).map((p) => p.trim());
  if (fields.length !== MAKER_NAME_FIELDS.length) {
    // With a wrong number of parts we cannot tell which is which; one clear message beats
    // seven misleading ones.
    problem('MAKER_NAME_FIELDS', T.fields({ fields: MAKER_NAME_FIELDS, have: fields.length, expected }));
    return { name: null, kind, problems };
  }
  const [bank, cityBody, batch, count, maker, bankCode, time] = fields as [string, string, string, string, string, string, string];
  const requireText = (value: string, field: string): void => {
    if (value === '') problem('MAKER_NAME_FIELD_EMPTY', T.fieldEmpty({ field, expected }));
  };
  requireText(bank, BANK);
  requireText(cityBody, CITY_BODY);
  requireText(batch, BATCH);
  const declaredCount = countOf(count, problem);
  requireText(maker, MAKER);
  // The Annex gives 开户行号 no format; in practice it is a 12-digit CNAPS bank code, but a
  // code with letters is still a code, so only empty values and stray symbols are refused.
  requireText(bankCode, BANK_CODE);
  if (bankCode !== '' && !/^[0-9A-Za-z]+$/.test(bankCode)) {
    problem('MAKER_NAME_BANK_CODE', T.bankCode({ field: BANK_CODE, value: bankCode }));
  }
  if (!isMakerTime(time)) problem('MAKER_NAME_TIME', T.time({ field: TIME, value: time }));

  if (problems.length > 0 || kind === null || declaredCount === null) return { name: null, kind, problems };
  return { name: { kind, bank, cityBody, batch, declaredCount, maker, bankCode, time }, kind, problems };
}

/** 数量: a file with no cards is not a delivery, so 0 is refused along with non-numbers. */
function countOf(count: string, problem: Problem): number | null {
  const n = /^[0-9]+$/.test(count) ? Number(count) : Number.NaN;
  if (Number.isSafeInteger(n) && n !== 0) return n;
  problem('MAKER_NAME_COUNT', T.count({ field: COUNT, value: count }));
  return null;
}

/**
 * Whether a file in a folder is offered as a maker's return file: a known prefix (YZKCG_,
 * CPKCG_) and the `.txt` the Annex names. The rest of the name is left to the check, which
 * lists every problem in it. A name with a second `.txt.` is a file made from one (the saved
 * problem list `….txt.问题清单.txt`), not a delivery.
 */
export function isMakerFileCandidate(fileName: string): boolean {
  const base = makerFileBaseName(fileName);
  const prefix = base.split('_')[0]!.toUpperCase();
  return prefix in MAKER_FILE_PREFIXES && /\.txt$/i.test(base) && !/\.txt\./i.test(base);
}

/**
 * Parses a return file's name (directories are ignored). On failure the code is the first
 * problem's and the message lists them all.
 */
export function parseMakerFileName(path: string): CheckResult<MakerFileName> {
  const r = inspectMakerFileName(path);
  if (r.name !== null) return ok(r.name);
  const first = r.problems[0] ?? { code: 'MAKER_NAME', message: T.unreadable };
  return fail(first.code, r.problems.map((p) => p.message).join(''));
}

/**
 * 时间: the Annex gives no format. Makers write a compact local time; we accept
 * YYYYMMDDHHmmss (the usual form), YYYYMMDDHHmm and YYYYMMDD, and require the date and the
 * clock time to exist. The value is kept as given, so the file name can be matched later.
 */
function isMakerTime(t: string): boolean {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})(?:([0-9]{2})([0-9]{2})([0-9]{2})?)?$/.exec(t);
  if (!m) return false;
  if (!isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  return !(m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? '0') > 59));
}
