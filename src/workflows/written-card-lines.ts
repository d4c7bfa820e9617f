/**
 * Which line of the file each card an import wrote came from, in little memory for a file of
 * millions: the cards of one insert get consecutive ids and come from consecutive lines but
 * where a blank line falls, so a run (first id, first line, length) covers thousands of them.
 */
export class WrittenCardLines {
  private readonly ids: number[] = [];
  private readonly lines: number[] = [];
  private readonly lengths: number[] = [];

  add(cardId: number, line: number): void {
    const last = this.ids.length - 1;
    if (last >= 0 && cardId === this.ids[last]! + this.lengths[last]! && line === this.lines[last]! + this.lengths[last]!) {
      this.lengths[last]! += 1;
      return;
    }
    if (last >= 0 && cardId <= this.ids[last]! + this.lengths[last]! - 1) throw new Error('WrittenCardLines: card ids must grow');
    this.ids.push(cardId);
    this.lines.push(line);
    this.lengths.push(1);
  }

  /** The line the card came from, or undefined when this import did not write it. */
  lineOf(cardId: number): number | undefined {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const from = this.ids[mid]!;
      if (cardId < from) hi = mid - 1;
      else if (cardId >= from + this.lengths[mid]!) lo = mid + 1;
      else return this.lines[mid]! + (cardId - from);
    }
    return undefined;
  }

  /** The first and last id written, or null before any. */
  idRange(): { first: number; last: number } | null {
    const n = this.ids.length;
    return n === 0 ? null : { first: this.ids[0]!, last: this.ids[n - 1]! + this.lengths[n - 1]! - 1 };
  }
}
