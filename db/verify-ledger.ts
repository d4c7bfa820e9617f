/**
 * `sbk verify`: proves the current state is what the movements say. It replays every movement
 * in order, recomputes every hash link (not only the ends), checks that ids have no gaps, that
 * each transition is one the state machine allows, and that the stored projection of every card
 * equals the replay; then SQLite's own integrity and foreign-key checks, and that the
 * append-only guards are still installed.
 */
import type { Ledger } from './open-ledger.ts';
import { GENESIS_HASH, contentFromRow, movementHash, type MovementSqlRow } from './movement-hash.ts';
import { ruleFor, isMovementType, type CardKind, type StateOrNone } from '../src/domain/card-states.ts';

export type VerifyProblem = { code: string; message: string; movementId?: number; cardNo?: string };
export type ChainHead = { id: number; hash: string };
export type VerifyReport = { ok: boolean; movements: number; cards: number; head: ChainHead | null; problems: VerifyProblem[] };

type MovementRow = MovementSqlRow & {
  card_no: string | null;
  kind: CardKind | null;
  card_id_code: string | null;
  bank_card_no: string | null;
  holder_id_type: string | null;
  holder_id_number: string | null;
  holder_name: string | null;
};

type Replayed = { state: StateOrNone; siteId: number; placeId: number | null; lastId: number; receivedAt: string | null; pickedUpAt: string | null };

const GUARDS = [
  'instant_jobs_no_update',
  'instant_jobs_no_delete',
  'instant_job_events_no_update',
  'instant_job_events_no_delete',
  'discrepancies_no_update',
  'discrepancies_no_delete',
  'discrepancy_closures_no_update',
  'discrepancy_closures_no_delete',
  'movements_no_update',
  'movements_no_delete',
  'operations_no_update',
  'operations_no_delete',
  'audit_events_no_update',
  'audit_events_no_delete',
  'shipments_no_update',
  'shipments_no_delete',
  'shipment_items_no_update',
  'shipment_items_no_delete',
  'shipment_events_no_update',
  'shipment_events_no_delete',
  'stock_counts_no_update',
  'stock_counts_no_delete',
  'stock_count_scans_no_update',
  'stock_count_scans_no_delete',
  'stock_count_events_no_update',
  'stock_count_events_no_delete',
  'stock_count_lines_no_update',
  'stock_count_lines_no_delete',
  'stock_count_variances_no_update',
  'stock_count_variances_no_delete',
  'stock_count_variance_reasons_no_update',
  'stock_count_variance_reasons_no_delete',
];

const MAX_PROBLEMS = 1000;

/**
 * `expectedHead`: the chain head recorded outside the ledger at an earlier verify (a file cron
 * keeps, a printed sheet). The chain must still contain it unchanged: deleting the newest
 * movements and restoring the guards leaves a consistent-looking but shorter chain.
 */
export function verifyLedger(ledger: Ledger, expectedHead?: ChainHead): VerifyReport {
  const { sqlite } = ledger;
  const problems: VerifyProblem[] = [];
  const add = (p: VerifyProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  // Demo history is generated in time order too, so time order holds for every ledger.
  const strictTime = true;

  // One read transaction: a consistent snapshot while other operators keep writing.
  sqlite.exec('BEGIN');
  try {
    for (const r of sqlite.pragma('integrity_check') as { integrity_check: string }[]) {
      if (r.integrity_check !== 'ok') add({ code: 'SQLITE_INTEGRITY', message: `SQLite 完整性检查：${r.integrity_check}` });
    }
    for (const r of sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
      add({ code: 'FOREIGN_KEY', message: `表 ${r.table} 第 ${r.rowid} 行引用的 ${r.parent} 不存在` });
    }
    const triggers = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const g of GUARDS) {
      if (!triggers.has(g)) add({ code: 'GUARD_MISSING', message: `只增不改保护触发器 ${g} 被删除了，台账可能被人绕过程序修改。` });
    }

    const replay = new Map<number, Replayed>();
    let prevHash = GENESIS_HASH;
    let expectedId = 1;
    let lastAt = '';
    let count = 0;
    let headSeen = false;
    let lastId = 0;
    const opCounts = new Map<string, number>();
    const rows = sqlite
      .prepare(
        `SELECT m.*, c.card_no, c.kind, c.card_id_code, c.bank_card_no, h.id_type AS holder_id_type, h.id_number AS holder_id_number, h.name AS holder_name
         FROM movements m LEFT JOIN cards c ON c.id = m.card_id LEFT JOIN holders h ON h.id = c.holder_id ORDER BY m.id`,
      )
      .iterate() as IterableIterator<MovementRow>;
    for (const m of rows) {
      count += 1;
      const cardNo = m.card_no ?? `#${m.card_id}`;
      if (m.id !== expectedId) {
        add({ code: 'SEQUENCE_GAP', message: `流转记录编号不连续：缺少第 ${expectedId}${m.id - 1 > expectedId ? `-${m.id - 1}` : ''} 条（有记录被删除）。`, movementId: m.id });
      }
      expectedId = m.id + 1;
      if (m.prev_hash !== prevHash) {
        add({ code: 'CHAIN_BROKEN', message: `第 ${m.id} 条流转记录的前序哈希与上一条不符（前面的记录被改动或删除）。`, movementId: m.id, cardNo });
      }
      const recomputed = movementHash(
        m.prev_hash,
        contentFromRow(m, {
          cardNo,
          kind: m.kind ?? '',
          cardIdCode: m.card_id_code,
          bankCardNo: m.bank_card_no,
          holderIdType: m.holder_id_type,
          holderIdNumber: m.holder_id_number,
          holderName: m.holder_name,
        }),
      );
      if (recomputed !== m.hash) {
        add({ code: 'HASH_MISMATCH', message: `第 ${m.id} 条流转记录（卡 ${cardNo}）的内容与哈希不符：该记录或该卡的身份信息（识别码、银行卡号、持卡人）被改动过。`, movementId: m.id, cardNo });
      }
      if (expectedHead && m.id === expectedHead.id) {
        headSeen = true;
        if (m.hash !== expectedHead.hash) {
          add({ code: 'HEAD_CHANGED', message: `第 ${m.id} 条流转记录与上次核验时记下的不同：此后的记录被改写过。`, movementId: m.id });
        }
      }
      prevHash = m.hash;
      lastId = m.id;
      if (strictTime && m.at < lastAt) {
        add({ code: 'TIME_BACKWARDS', message: `第 ${m.id} 条流转记录的时间早于前一条（${m.at} < ${lastAt}）。`, movementId: m.id, cardNo });
      }
      if (m.at > lastAt) lastAt = m.at;
      opCounts.set(m.operation_id, (opCounts.get(m.operation_id) ?? 0) + 1);

      const before = replay.get(m.card_id);
      const fromState: StateOrNone = before?.state ?? 'none';
      if (m.from_state !== fromState) {
        add({ code: 'FROM_STATE_MISMATCH', message: `第 ${m.id} 条记录称卡 ${cardNo} 原状态为 ${m.from_state}，按记录推算应为 ${fromState}。`, movementId: m.id, cardNo });
      }
      if (before && (m.from_site_id !== before.siteId || m.from_place_id !== before.placeId)) {
        add({ code: 'FROM_PLACE_MISMATCH', message: `第 ${m.id} 条记录的来源网点/地点与卡 ${cardNo} 的上一条去向不符。`, movementId: m.id, cardNo });
      }
      const rule = m.kind && isMovementType(m.type) ? ruleFor(m.kind, m.type) : undefined;
      if (!rule || !rule.from.includes(fromState) || rule.to !== m.to_state) {
        add({ code: 'ILLEGAL_TRANSITION', message: `第 ${m.id} 条记录（卡 ${cardNo}，${m.type}：${fromState} → ${m.to_state}）不是允许的状态变化。`, movementId: m.id, cardNo });
      } else if (rule.secondOperator && (m.second_operator_id == null || m.second_operator_id === m.operator_id)) {
        add({ code: 'APPROVAL_MISSING', message: `第 ${m.id} 条记录（卡 ${cardNo}，${m.type}）缺少另一名主管的复核。`, movementId: m.id, cardNo });
      }
      replay.set(m.card_id, {
        state: m.to_state as StateOrNone,
        siteId: m.to_site_id,
        placeId: m.to_place_id,
        lastId: m.id,
        receivedAt: m.type === 'receive' || m.type === 'found' ? m.at : (before?.receivedAt ?? null),
        pickedUpAt: m.type === 'agent_pickup' ? m.at : (before?.pickedUpAt ?? null),
      });
    }

    if (expectedHead && !headSeen) {
      add({
        code: 'HEAD_MISSING',
        message: `上次核验时台账已有第 ${expectedHead.id} 条流转记录，现在只到第 ${lastId} 条：最新的记录被删除了。`,
        movementId: expectedHead.id,
      });
    }
    const operations = sqlite.prepare('SELECT id, movement_count AS n FROM operations').all() as { id: string; n: number }[];
    for (const op of operations) {
      const seen = opCounts.get(op.id) ?? 0;
      if (seen !== op.n) {
        add({ code: 'OPERATION_INCOMPLETE', message: `操作 ${op.id} 登记了 ${op.n} 条流转记录，台账中只有 ${seen} 条。` });
      }
    }

    // GD Art. 12: every hand-over is on a shipment's list, and every card a sent shipment lists was handed over under it.
    const unlisted = sqlite
      .prepare(
        `SELECT m.id, c.card_no AS cardNo, m.ref_id AS ref FROM movements m JOIN cards c ON c.id = m.card_id
         WHERE m.type = 'dispatch' AND NOT EXISTS (
           SELECT 1 FROM shipments s JOIN shipment_items i ON i.shipment_id = s.id
           WHERE m.ref_kind = 'shipment' AND s.number = m.ref_id AND i.card_id = m.card_id AND s.to_site_id = m.to_site_id AND s.from_site_id = m.from_site_id)`,
      )
      .all() as { id: number; cardNo: string; ref: string | null }[];
    for (const u of unlisted) {
      add({ code: 'DISPATCH_WITHOUT_SHIPMENT', message: `第 ${u.id} 条记录发出卡 ${u.cardNo}，但交接单 ${u.ref ?? '（无）'} 中没有这张卡或收发网点不符。`, movementId: u.id, cardNo: u.cardNo });
    }
    const unsent = sqlite
      .prepare(
        `SELECT s.number, c.card_no AS cardNo FROM shipments s
         JOIN shipment_events e ON e.shipment_id = s.id AND e.type = 'sent'
         JOIN shipment_items i ON i.shipment_id = s.id JOIN cards c ON c.id = i.card_id
         WHERE s.method <> 'province' AND NOT EXISTS (
           SELECT 1 FROM movements m WHERE m.ref_kind = 'shipment' AND m.ref_id = s.number AND m.card_id = i.card_id AND m.type = 'dispatch')`,
      )
      .all() as { number: string; cardNo: string }[];
    for (const u of unsent) {
      add({ code: 'SHIPMENT_CARD_NOT_SENT', message: `交接单 ${u.number} 已发出，但其中的卡 ${u.cardNo} 没有发出记录。`, cardNo: u.cardNo });
    }

    // Instant issuance (GD Annex 9 二): a blank consumed at a printer belongs to a job that made a
    // card of that number, and a job that says it made or spoiled a card has the movement for it.
    const instantGaps = sqlite
      .prepare(
        `SELECT j.job_no AS jobNo, e.step, c.card_no AS cardNo FROM instant_jobs j
         JOIN instant_job_events e ON e.job_id = j.id AND e.step IN ('issued', 'stocked', 'failed')
         JOIN cards c ON c.id = e.blank_card_id
         WHERE NOT EXISTS (SELECT 1 FROM movements m WHERE m.card_id = e.blank_card_id AND m.ref_kind = 'instant' AND m.ref_id = j.job_no
                           AND m.type = CASE e.step WHEN 'failed' THEN 'spoil' ELSE 'consume' END)
            OR (e.step <> 'failed' AND NOT EXISTS (SELECT 1 FROM cards f WHERE f.id = e.card_id AND f.card_no = j.card_no AND f.kind = 'finished'))`,
      )
      .all() as { jobNo: string; step: string; cardNo: string }[];
    for (const g of instantGaps) {
      add({ code: 'INSTANT_JOB_WITHOUT_MOVEMENT', message: `即时制卡任务 ${g.jobNo} 记载预制卡 ${g.cardNo} ${g.step === 'failed' ? '已作废' : '已制成社保卡'}，但台账中没有相应的流转记录或制成的卡。`, cardNo: g.cardNo });
    }
    const strayConsumes = sqlite
      .prepare(
        `SELECT m.id, c.card_no AS cardNo, m.ref_id AS ref FROM movements m JOIN cards c ON c.id = m.card_id
         WHERE m.type = 'consume' AND m.ref_kind = 'instant' AND m.ref_id LIKE 'J-%' AND NOT EXISTS (
           SELECT 1 FROM instant_jobs j JOIN instant_job_events e ON e.job_id = j.id AND e.step IN ('issued', 'stocked')
           WHERE j.job_no = m.ref_id AND e.blank_card_id = m.card_id)`,
      )
      .all() as { id: number; cardNo: string; ref: string }[];
    for (const u of strayConsumes) {
      add({ code: 'CONSUME_WITHOUT_JOB', message: `第 ${u.id} 条记录称预制卡 ${u.cardNo} 用于即时制卡任务 ${u.ref}，但该任务没有制成记录。`, movementId: u.id, cardNo: u.cardNo });
    }

    let cardCount = 0;
    const cardRows = sqlite
      .prepare('SELECT id, card_no, state, site_id, place_id, last_movement_id, received_at, picked_up_at FROM cards ORDER BY id')
      .iterate() as IterableIterator<{ id: number; card_no: string; state: string; site_id: number; place_id: number | null; last_movement_id: number; received_at: string | null; picked_up_at: string | null }>;
    for (const c of cardRows) {
      cardCount += 1;
      const r = replay.get(c.id);
      if (!r) {
        add({ code: 'CARD_WITHOUT_MOVEMENTS', message: `卡 ${c.card_no} 没有任何流转记录（登记记录缺失）。`, cardNo: c.card_no });
        continue;
      }
      replay.delete(c.id);
      if (r.receivedAt !== c.received_at || r.pickedUpAt !== c.picked_up_at) {
        add({ code: 'PROJECTION_MISMATCH', message: `卡 ${c.card_no} 记载的接收时间或代领时间与流转记录不一致（逾期计算依据被改动）。`, cardNo: c.card_no });
      }
      if (r.state !== c.state || r.siteId !== c.site_id || r.placeId !== c.place_id || r.lastId !== c.last_movement_id) {
        add({
          code: 'PROJECTION_MISMATCH',
          message: `卡 ${c.card_no} 的当前状态（${c.state}，网点 ${c.site_id}，地点 ${c.place_id ?? '-'}）与流转记录推算的（${r.state}，网点 ${r.siteId}，地点 ${r.placeId ?? '-'}）不一致。`,
          cardNo: c.card_no,
        });
      }
    }
    for (const [cardId] of replay) {
      add({ code: 'MOVEMENT_FOR_MISSING_CARD', message: `流转记录指向的卡（内部编号 ${cardId}）在卡片表中不存在。` });
    }
    sqlite.exec('COMMIT');
    return { ok: problems.length === 0, movements: count, cards: cardCount, head: lastId ? { id: lastId, hash: prevHash } : null, problems };
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}
