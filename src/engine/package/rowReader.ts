import { escapeControl, type RejectCode, type Rejection } from '../errors';
import { IdSet } from './IdSet';
import type { CsvTable } from './parseCsv';

/** Thrown inside a row's reader to reject the row; caught by {@link readRows}. */
class RowRejected {
  constructor(
    readonly field: string,
    readonly code: RejectCode,
    readonly reason: string,
  ) {}
}

/** Reads typed cells of one CSV row; any bad value rejects the whole row. */
export class RowReader {
  private cells: readonly string[] = [];
  constructor(private readonly table: Pick<CsvTable, 'col'>) {}

  /** @internal */
  setRow(cells: readonly string[]): void {
    this.cells = cells;
  }

  /** Raw trimmed cell, '' when absent. */
  raw(name: string): string {
    const i = this.table.col.get(name);
    if (i === undefined) return '';
    return (this.cells[i] ?? '').trim();
  }

  /** Reject the current row. */
  reject(field: string, code: RejectCode, reason: string): never {
    throw new RowRejected(field, code, reason);
  }

  /** A required non-empty string. */
  str(name: string): string {
    const v = this.raw(name);
    if (v === '') this.reject(name, 'R_EMPTY', `${name} is empty`);
    return v;
  }

  /** An optional string (undefined when empty). */
  optStr(name: string): string | undefined {
    const v = this.raw(name);
    return v === '' ? undefined : v;
  }

  /** A required finite number within [min, max]; `integer` demands a whole number. */
  num(name: string, min = -Infinity, max = Infinity, integer = false): number {
    const v = this.raw(name);
    if (v === '') this.reject(name, 'R_EMPTY', `${name} is empty`);
    return this.parseNum(name, v, min, max, integer);
  }

  /** An optional number: undefined when empty, rejected when present but bad. */
  optNum(name: string, min = -Infinity, max = Infinity, integer = false): number | undefined {
    const v = this.raw(name);
    return v === '' ? undefined : this.parseNum(name, v, min, max, integer);
  }

  /** A value from a closed list; `fallback` when empty (required when no fallback). */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const v = this.raw(name);
    if (v === '') {
      if (fallback !== undefined) return fallback;
      this.reject(name, 'R_EMPTY', `${name} is empty`);
    }
    if (!(allowed as readonly string[]).includes(v)) this.reject(name, 'R_UNKNOWN_CODE', `${name} '${clip(v)}' is not one of ${allowed.join('|')}`);
    return v as T;
  }

  /**
   * A required number ≥ 0 no larger than a plausibility limit (plausibleLimits.ts): above
   * it the row is rejected as R_TOO_LARGE, naming the value as written.
   */
  limited(name: string, limit: number, integer = false): number {
    const n = this.num(name, 0, Infinity, integer);
    if (n > limit) this.reject(name, 'R_TOO_LARGE', `${name} ${clip(this.raw(name))} is beyond the plausible limit ${limit}`);
    return n;
  }

  /** An optional {@link limited} number: undefined when empty. */
  optLimited(name: string, limit: number): number | undefined {
    return this.raw(name) === '' ? undefined : this.limited(name, limit);
  }

  private parseNum(name: string, v: string, min: number, max: number, integer: boolean): number {
    // Number('') and Number(' ') are 0, Number('0x10') is 16: accept plain decimals only
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) this.reject(name, 'R_NOT_NUMBER', `${name} '${clip(v)}' is not a number`);
    const n = Number(v);
    if (!Number.isFinite(n)) this.reject(name, 'R_NOT_NUMBER', `${name} '${clip(v)}' is not a number`);
    if (integer) {
      // judged on the text: '3.5' is not whole even where a float rounds, '9007199254740993' is not exact
      const plain = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(v);
      if (plain && /[1-9]/.test(plain[2] ?? '')) this.reject(name, 'R_NOT_INTEGER', `${name} '${clip(v)}' is not a whole number`);
      if (!Number.isInteger(n)) this.reject(name, 'R_NOT_INTEGER', `${name} '${clip(v)}' is not a whole number`);
      const exact = plain ? BigInt(plain[1] || '0') <= BigInt(Number.MAX_SAFE_INTEGER) : Number.isSafeInteger(n);
      if (!exact) this.reject(name, 'R_TOO_LARGE', `${name} ${clip(v)} is beyond 2^53 − 1 and cannot be held exactly`);
    }
    if (n < min || n > max) {
      const range = max === Infinity ? `must be ≥ ${min}` : min === -Infinity ? `must be ≤ ${max}` : `is outside ${min}…${max}`;
      this.reject(name, 'R_OUT_OF_RANGE', `${name} ${v} ${range}`);
    }
    return n;
  }
}

/** Shorten a hostile or long value for a message: control characters escaped ({@link escapeControl}), at most `max` characters. */
export function clip(v: string, max = 40): string {
  const one = escapeControl(v);
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/**
 * Run `read` over every data row of a table. A row whose reader throws a rejection is
 * listed in `rejected` (file, 1-based row, id, field, reason) and skipped; blank rows — no
 * cells, or only empty cells (",,,", what Excel leaves of a cleared row) — are skipped
 * silently, as they hold no data, but keep their row number. A row whose quotes do not close
 * is rejected as R_PARSE. With `uniqueIds` (files whose contract has an `id` column), empty
 * and duplicate ids are rejected, the first one stays; a file without `id` in its contract
 * (distances.csv) keeps an `id` column as an unknown column, ignored.
 */
export function readRows<T>(table: CsvTable, rejected: Rejection[], read: (r: RowReader) => T, uniqueIds = true): T[] {
  const out: T[] = [];
  const loop = new RowLoop(table, rejected, read, uniqueIds, table.rows.length);
  for (let k = 0; k < table.rows.length; k++) {
    const value = loop.row(k, table.rows[k], table.malformed.has(k));
    if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * The checks of {@link readRows} one row at a time, for readers that take most rows by a
 * faster path of their own (readBuildingColumns.ts) and hand this one the rest: blank rows,
 * R_PARSE, empty and duplicate ids, then `read`.
 */
export class RowLoop<T> {
  /** Ids seen so far, of accepted and rejected rows alike (a fast path adds the ids it accepts). */
  readonly seen: IdSet;
  private readonly reader: RowReader;
  private readonly hasId: boolean;
  private readonly idColumn: boolean;
  constructor(
    private readonly table: Pick<CsvTable, 'file' | 'col'>,
    private readonly rejected: Rejection[],
    private readonly read: (r: RowReader) => T,
    uniqueIds = true,
    expectedRows = 16,
  ) {
    this.seen = new IdSet(uniqueIds ? expectedRows : 0);
    this.reader = new RowReader(table);
    this.idColumn = table.col.has('id');
    this.hasId = uniqueIds && this.idColumn;
  }

  /** Read data row k (0-based; reported as row k + 1): its value, or undefined when it is blank or rejected. */
  row(k: number, cells: readonly string[], malformed: boolean): T | undefined {
    if (!malformed && cells.every((c) => c.trim() === '')) return undefined;
    const reader = this.reader;
    reader.setRow(cells);
    const id = this.idColumn ? reader.raw('id') : '';
    try {
      if (malformed) reader.reject('', 'R_PARSE', 'a quoted value does not close: the row is cut at its line end');
      if (this.hasId) {
        if (id === '') reader.reject('id', 'R_EMPTY', 'id is empty');
        // any earlier row with this id counts, even one rejected for another reason
        if (this.seen.has(id)) reader.reject('id', 'R_DUPLICATE_ID', `id '${clip(id)}' repeats an earlier row`);
        this.seen.add(id);
      }
      return this.read(reader);
    } catch (e) {
      if (!(e instanceof RowRejected)) throw e;
      this.rejected.push({ file: this.table.file, row: k + 1, id, field: e.field, code: e.code, reason: e.reason });
      return undefined;
    }
  }
}
