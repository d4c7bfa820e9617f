/**
 * The duplicate checks within a maker file while its import writes (issue 18 item 6): nothing
 * kept on the way of a good file but the chunk not yet written. The rows of every chunk written
 * so far are in the ledger, whose unique indexes hold their values, and the importer's check of
 * each chunk against the ledger (ledgerConflicts) finds a row repeating one of them there and
 * reports it as the file's own duplicate. Before, every value of the file went to a store of its
 * own (db/import-keys.ts: a Bloom filter and a scratch database), a tenth of a large import's time.
 *
 * Writing stops at the first problem; from then on every value is remembered in the full store
 * (`openFull`), seeded with the values of the rows already written and of the chunk, as the
 * check without writes has always done. A row of that chunk that was refused for another
 * problem is never checked against the ledger, so its repeats of written rows are reported here.
 */
import type { MakerFileError, MakerKeyKind } from '../domain/maker-file.ts';
import { duplicateRowError } from '../domain/maker-file.ts';
import type { ImportKeys } from '../../db/import-keys.ts';
import type { CardKeys } from '../../db/imports-repo.ts';

/** A written row's values, as the ledger holds them, with its line in the file. */
export type WrittenRowKeys = Omit<CardKeys, 'id'> & { line: number };

const KINDS: readonly MakerKeyKind[] = ['cardNo', 'cardIdCode', 'bankCardNo'];

export class WritingImportKeys implements ImportKeys {
  private readonly chunk = new Map<MakerKeyKind, Map<string, number>>(KINDS.map((k) => [k, new Map()]));
  private full: ImportKeys | null = null;

  constructor(
    private readonly openFull: () => ImportKeys,
    /** The rows written so far, read back from the ledger. */
    private readonly written: () => Iterable<WrittenRowKeys>,
  ) {}

  get stopped(): boolean {
    return this.full !== null;
  }

  firstLine(kind: MakerKeyKind, value: string, line: number): number | undefined {
    if (this.full) return this.full.firstLine(kind, value, line);
    const m = this.chunk.get(kind)!;
    const first = m.get(value);
    if (first === undefined) m.set(value, line);
    return first;
  }

  /** The chunk's rows were written: their values are in the ledger now. */
  chunkWritten(): void {
    for (const m of this.chunk.values()) m.clear();
  }

  /**
   * Writing stopped: from here on every value is remembered. Returns the repeats of written rows
   * by the chunk's rows that are not in `checkedLines` (those are checked against the ledger).
   */
  stop(checkedLines: ReadonlySet<number>): MakerFileError[] {
    if (this.full) return [];
    const full = (this.full = this.openFull());
    for (const r of this.written()) {
      full.firstLine('cardNo', r.cardNo, r.line);
      if (r.cardIdCode !== null) full.firstLine('cardIdCode', r.cardIdCode, r.line);
      if (r.bankCardNo !== null) full.firstLine('bankCardNo', r.bankCardNo, r.line);
    }
    const missed: MakerFileError[] = [];
    for (const kind of KINDS) {
      const m = this.chunk.get(kind)!;
      for (const [value, line] of m) {
        const first = full.firstLine(kind, value, line);
        if (first !== undefined && !checkedLines.has(line)) missed.push(duplicateRowError(kind, line, first));
      }
      m.clear();
    }
    return missed;
  }

  close(): void {
    this.full?.close();
  }
}
