/**
 * The ledger schema. `movements` is the record: append-only, hash-chained, one row per card per
 * event. `cards.state/site_id/place_id` is a projection kept in the same transaction as the
 * movement that changes it, so `sbk verify` can replay movements and compare.
 *
 * Everything stays in portable SQL types so the same Drizzle layer can later move to PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, uniqueIndex, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const ledgerMeta = sqliteTable('ledger_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const sites = sqliteTable(
  'sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['province', 'city_centre', 'county', 'service_office', 'service_point', 'bank_branch'] }).notNull(),
    regionCode: text('region_code').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => sites.id),
    address: text('address'),
    phone: text('phone'),
    bank: text('bank'),
    /** false for the ancestors loaded only as counterparts (the province that sends to the city). */
    inScope: integer('in_scope', { mode: 'boolean' }).notNull().default(true),
    /** Set by `sbk site retire` once nothing is held there; a retired site keeps its history. */
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('sites_code_uq').on(t.code), index('sites_parent_ix').on(t.parentId)],
);

export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['safe', 'cabinet', 'shelf', 'hopper', 'bank'] }).notNull(),
    custodianId: integer('custodian_id').references((): AnySQLiteColumn => operators.id),
    /** A hopper's printer (the id in devices.json) and its hopper number there (iLoadCard n, GD Annex 9 二(二)). */
    printerId: text('printer_id'),
    hopperNo: integer('hopper_no'),
    /** Set by `sbk place retire` once the place is empty. */
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('places_site_name_uq').on(t.siteId, t.name)],
);

export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['clerk', 'supervisor', 'admin'] }).notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    pinHash: text('pin_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: text('locked_at'),
    createdAt: text('created_at').notNull(),
    /** Demo ledgers show demo PINs on the login screen; never set on a real ledger. */
    demoPin: text('demo_pin'),
  },
  (t) => [uniqueIndex('operators_login_uq').on(t.login)],
);

/** Operator actions that are not card movements (login, lockout, unlock, PIN change). Append-only. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    type: text('type').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    subjectOperatorId: integer('subject_operator_id').references(() => operators.id),
    siteId: integer('site_id').references(() => sites.id),
    detail: text('detail'),
  },
  (t) => [index('audit_events_at_ix').on(t.at)],
);

export const holders = sqliteTable(
  'holders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    deceasedAt: text('deceased_at'),
  },
  (t) => [
    uniqueIndex('holders_id_uq').on(t.idType, t.idNumber),
    index('holders_name_ix').on(t.name),
    // The overdue list looks up dead holders' cards (GD Art. 32 一(三)) on every call: a partial
    // index holds only them, where a scan would read every holder of a province-scale ledger.
    index('holders_deceased_ix').on(t.deceasedAt).where(sql`${t.deceasedAt} is not null`),
  ],
);

/**
 * What was reported about a holder that stops their card reaching them (GD Art. 32 一(一): 因死亡、
 * 出国定居等原因无法送达; 因邮递信息错误等个人原因造成发放不成功): a death, emigration, an
 * undeliverable address, a disappearance. Append-only: a flag set in error is cleared by a later
 * 'clear' row with its reason, never deleted. holders.deceased_at is the projection of the
 * 'deceased' rows that the overdue list reads through its partial index.
 */
export const holderFlags = sqliteTable(
  'holder_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    holderId: integer('holder_id')
      .notNull()
      .references(() => holders.id),
    kind: text('kind', { enum: ['deceased', 'emigrated', 'undeliverable', 'missing'] }).notNull(),
    action: text('action', { enum: ['set', 'clear'] }).notNull(),
    /** China date of the fact reported (set), or null (clear). */
    on: text('on'),
    /** Who reported it: 民政比对, 公安通报, 邮政退件… */
    source: text('source'),
    /** Why a flag was cleared. */
    reason: text('reason'),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    at: text('at').notNull(),
  },
  (t) => [index('holder_flags_holder_ix').on(t.holderId)],
);

/** A maker's file that was imported; its content hash makes a re-import recognisable. */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    contentSha256: text('content_sha256').notNull(),
    kind: text('kind').notNull(),
    rowCount: integer('row_count').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('imports_sha_uq').on(t.contentSha256)],
);

export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    kind: text('kind', { enum: ['finished', 'prefab'] }).notNull(),
    bank: text('bank').notNull(),
    maker: text('maker').notNull(),
    cityCode: text('city_code'),
    declaredCount: integer('declared_count').notNull(),
    importId: integer('import_id').references(() => imports.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('batches_code_uq').on(t.code)],
);

export const boxes = sqliteTable(
  'boxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    label: text('label').notNull(),
  },
  (t) => [uniqueIndex('boxes_batch_label_uq').on(t.batchId, t.label)],
);

export const cards = sqliteTable(
  'cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['finished', 'prefab'] }).notNull(),
    cardNo: text('card_no').notNull(),
    cardIdCode: text('card_id_code'),
    resetCode: text('reset_code'),
    bankCardNo: text('bank_card_no'),
    bank: text('bank').notNull(),
    maker: text('maker').notNull(),
    batchId: integer('batch_id').references(() => batches.id),
    boxId: integer('box_id').references(() => boxes.id),
    boxPosition: text('box_position'),
    holderId: integer('holder_id').references(() => holders.id),
    issueDate: text('issue_date'),
    expiryDate: text('expiry_date'),
    // Projection of the movements (see db/ledger/append-movement.ts); verify replays and compares.
    state: text('state').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    placeId: integer('place_id').references(() => places.id),
    stateSince: text('state_since').notNull(),
    lastMovementId: integer('last_movement_id').notNull(),
    /**
     * Projections the overdue rules count from (GD Art. 32: 自卡经办网点接收起), kept so a
     * province-scale ledger finds its overdue cards by index instead of reading every card's
     * movements: the time of the last receive/found, and of the last agent pickup.
     */
    receivedAt: text('received_at'),
    pickedUpAt: text('picked_up_at'),
    /**
     * The time of the card's last recall, kept through every shipment after it (GD Art. 32 二:
     * the office's recalled card goes back to the city, the physical card to the service bank):
     * a recalled card stays on the recall and cancellation lists wherever it lies, and its
     * second-issuance window (GD Art. 33 一(六): 6个月内进行二次发放) counts from here. Only an
     * issue ends it, and an issued card is on no list.
     */
    recalledAt: text('recalled_at'),
  },
  (t) => [
    uniqueIndex('cards_card_no_uq').on(t.cardNo),
    // Per kind: a blank and the finished card an instant issuance made of it share one chip and
    // one bank account (GD Annex 9 二(二)); two cards of one kind never do.
    uniqueIndex('cards_kind_card_id_code_uq').on(t.kind, t.cardIdCode),
    uniqueIndex('cards_kind_bank_card_no_uq').on(t.kind, t.bankCardNo),
    // With received_at: an office's overdue cards are one range of it (the overdue list), where
    // cards_overdue_ix below would read the whole city's and check each card's site.
    index('cards_site_state_ix').on(t.siteId, t.state, t.receivedAt),
    index('cards_batch_ix').on(t.batchId),
    index('cards_holder_ix').on(t.holderId),
    // Finished cards only: prefab blanks are most of what an intake writes, and no query asks
    // for blanks by kind and state without their site (hopperQueue goes by the hopper's site).
    index('cards_overdue_ix').on(t.kind, t.state, t.receivedAt).where(sql`${t.kind} = 'finished'`),
    // Everything the overdue list reads of a card, for the only cards it can list: a city's
    // overdue cards (20,000 of 1,000,000) come from this index alone instead of a random table
    // page each. Partial, so prefab blanks, issued and ended cards never touch it. recalled_at is
    // a column, not a term of the condition: with an `is null` term there, SQLite no longer
    // counts `kind = 'finished'` as answered by the index and reads every card's page.
    index('cards_overdue_list_ix')
      .on(t.siteId, t.state, t.receivedAt, t.pickedUpAt, t.cardNo, t.holderId, t.batchId, t.issueDate, t.recalledAt)
      .where(sql`${t.kind} = 'finished' and ${t.state} in ('in_stock', 'agent_held')`),
    // The recalled cards of a city wherever they are (the 逾期且滞留 list, the cancellation list):
    // a few thousand of a million, found without reading the rest.
    index('cards_recalled_ix')
      .on(t.siteId, t.recalledAt)
      .where(sql`${t.recalledAt} is not null`),
  ],
);

/** An operation groups the movements of one submitted action; its id makes a retry idempotent. */
export const operations = sqliteTable('operations', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  operatorId: integer('operator_id')
    .notNull()
    .references(() => operators.id),
  requestSha256: text('request_sha256').notNull(),
  at: text('at').notNull(),
  movementCount: integer('movement_count').notNull(),
});

export const movements = sqliteTable(
  'movements',
  {
    /** Also the chain sequence: verify checks there are no gaps. */
    id: integer('id').primaryKey(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    type: text('type').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    fromSiteId: integer('from_site_id').references(() => sites.id),
    fromPlaceId: integer('from_place_id').references(() => places.id),
    toSiteId: integer('to_site_id')
      .notNull()
      .references(() => sites.id),
    toPlaceId: integer('to_place_id').references(() => places.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    secondOperatorId: integer('second_operator_id').references(() => operators.id),
    counterpartRole: text('counterpart_role'),
    counterpartName: text('counterpart_name'),
    counterpartIdNumber: text('counterpart_id_number'),
    method: text('method'),
    reason: text('reason'),
    refKind: text('ref_kind'),
    refId: text('ref_id'),
    at: text('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('movements_card_ix').on(t.cardId), index('movements_ref_ix').on(t.refKind, t.refId)],
);

/**
 * What a count or a sign-in found that the file or shipment did not say: a listed card not
 * there (missing), a card there but not listed (extra), a card that arrived damaged. Opened
 * once, never changed; closing is a separate row (below), so the record stays append-only.
 */
export const discrepancies = sqliteTable(
  'discrepancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    kind: text('kind', { enum: ['missing', 'extra', 'damaged'] }).notNull(),
    cardId: integer('card_id').references(() => cards.id),
    /** As scanned: an extra card may not be in the ledger at all. */
    cardNo: text('card_no').notNull(),
    boxId: integer('box_id').references(() => boxes.id),
    refKind: text('ref_kind').notNull(),
    refId: text('ref_id').notNull(),
    note: text('note'),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => operators.id),
    openedAt: text('opened_at').notNull(),
  },
  (t) => [index('discrepancies_site_ix').on(t.siteId), index('discrepancies_ref_ix').on(t.refKind, t.refId)],
);

export const discrepancyClosures = sqliteTable('discrepancy_closures', {
  discrepancyId: integer('discrepancy_id')
    .primaryKey()
    .references(() => discrepancies.id),
  closedBy: integer('closed_by')
    .notNull()
    .references(() => operators.id),
  closedAt: text('closed_at').notNull(),
  reason: text('reason').notNull(),
});

/**
 * A hand-over between two sites (GD Art. 12 逐级签收): who sent what, how, and when. The
 * header and its list are fixed once written; what happens to it afterwards (sent, signed in
 * part or whole, closed, cancelled) is appended to `shipment_events`.
 */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 交接单号: printed on the hand-over sheet and scanned at the receiving counter. */
    number: text('number').notNull(),
    fromSiteId: integer('from_site_id')
      .notNull()
      .references(() => sites.id),
    toSiteId: integer('to_site_id')
      .notNull()
      .references(() => sites.id),
    /** GD Art. 12 发放方式. */
    method: text('method', { enum: ['post', 'courier', 'staff', 'collected', 'province'] }).notNull(),
    trackingNo: text('tracking_no'),
    senderName: text('sender_name').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => operators.id),
    createdAt: text('created_at').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('shipments_number_uq').on(t.number), index('shipments_to_ix').on(t.toSiteId), index('shipments_from_ix').on(t.fromSiteId)],
);

export const shipmentItems = sqliteTable(
  'shipment_items',
  {
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
  },
  (t) => [uniqueIndex('shipment_items_uq').on(t.shipmentId, t.cardId), index('shipment_items_card_ix').on(t.cardId)],
);

export const shipmentEvents = sqliteTable(
  'shipment_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    type: text('type', { enum: ['sent', 'receipt', 'closed', 'cancelled'] }).notNull(),
    operationId: text('operation_id').references(() => operations.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
    /** 签收人, 责任人 (custodian) and 保管地点 of a receipt (GD Art. 12). */
    signerName: text('signer_name'),
    custodianName: text('custodian_name'),
    placeId: integer('place_id').references(() => places.id),
    /** The operator's blind count, submitted before the expected count was shown. */
    countedBlind: integer('counted_blind'),
    expectedCount: integer('expected_count'),
    received: integer('received'),
    damaged: integer('damaged'),
    missing: integer('missing'),
    extras: integer('extras'),
    note: text('note'),
  },
  (t) => [index('shipment_events_shipment_ix').on(t.shipmentId)],
);

/** Settings an administrator may change (e.g. how many working days in transit warrant a warning). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  setBy: integer('set_by').references(() => operators.id),
  setAt: text('set_at').notNull(),
});

/**
 * The daily count of prefab blanks (GD Art. 36 一(四): 每天盘点数量). A count is started, scans are
 * appended, the submission fixes what the ledger expected and what was found (per bank a
 * balance line, per difference a variance), and closing adds the reasons and the second person.
 * Nothing is changed afterwards: each step is its own row.
 */
export const stockCounts = sqliteTable(
  'stock_counts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** One bank's blanks only, or all of them when null. */
    bank: text('bank'),
    startedBy: integer('started_by')
      .notNull()
      .references(() => operators.id),
    startedAt: text('started_at').notNull(),
  },
  (t) => [index('stock_counts_site_ix').on(t.siteId)],
);

export const stockCountScans = sqliteTable(
  'stock_count_scans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    /** card: one card number; box: a box counted whole (quantity); hopper: a printer hopper counted (quantity). */
    kind: text('kind', { enum: ['card', 'box', 'hopper'] }).notNull(),
    code: text('code').notNull(),
    quantity: integer('quantity'),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
    /**
     * Set on a reversing line: the scan it takes back (the console's Ctrl+Z, `sbk count undo`).
     * Nothing is deleted; the scan and its reversal both stay and neither counts. A scan is
     * reversed at most once, and a reversal is never itself reversed (guarded by a trigger).
     */
    reverses: integer('reverses').references((): AnySQLiteColumn => stockCountScans.id),
  },
  (t) => [index('stock_count_scans_count_ix').on(t.countId), uniqueIndex('stock_count_scans_reverses_uq').on(t.reverses)],
);

export const stockCountEvents = sqliteTable(
  'stock_count_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    type: text('type', { enum: ['submitted', 'closed', 'abandoned'] }).notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    /** Closing: the supervisor who approved the differences, or the second person who confirmed a clean count. */
    secondOperatorId: integer('second_operator_id').references(() => operators.id),
    at: text('at').notNull(),
    note: text('note'),
  },
  (t) => [index('stock_count_events_count_ix').on(t.countId)],
);

/** Per bank, at submission: opening + received − consumed − spoiled − moved out = closing; counted beside it. */
export const stockCountLines = sqliteTable(
  'stock_count_lines',
  {
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    bank: text('bank').notNull(),
    /** The movements the period covers: after the previous closed count's last one, up to this one's. */
    fromMovementId: integer('from_movement_id').notNull(),
    toMovementId: integer('to_movement_id').notNull(),
    opening: integer('opening').notNull(),
    received: integer('received').notNull(),
    consumed: integer('consumed').notNull(),
    spoiled: integer('spoiled').notNull(),
    movedOut: integer('moved_out').notNull(),
    closing: integer('closing').notNull(),
    counted: integer('counted').notNull(),
    missing: integer('missing').notNull(),
    unexpected: integer('unexpected').notNull(),
  },
  (t) => [uniqueIndex('stock_count_lines_uq').on(t.countId, t.bank)],
);

export const stockCountVariances = sqliteTable(
  'stock_count_variances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    countId: integer('count_id')
      .notNull()
      .references(() => stockCounts.id),
    kind: text('kind', { enum: ['missing', 'unexpected'] }).notNull(),
    cardNo: text('card_no').notNull(),
    cardId: integer('card_id').references(() => cards.id),
    bank: text('bank'),
    box: text('box'),
  },
  (t) => [index('stock_count_variances_count_ix').on(t.countId)],
);

/** The reason given for one variance when the count was closed. */
export const stockCountVarianceReasons = sqliteTable('stock_count_variance_reasons', {
  varianceId: integer('variance_id')
    .primaryKey()
    .references(() => stockCountVariances.id),
  reason: text('reason').notNull(),
  givenBy: integer('given_by')
    .notNull()
    .references(() => operators.id),
  at: text('at').notNull(),
});

/**
 * An instant issuance at a desk printer (即时制卡, GD Annex 9 二): the intent is written before the
 * printer is touched, every step after it returns, and exactly one outcome ends it (issued,
 * stocked, failed, void). A job without an outcome was interrupted; the console resolves it on
 * restart (ENGINEERING.md §2, two-phase device work).
 */
export const instantJobs = sqliteTable(
  'instant_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobNo: text('job_no').notNull(),
    /** Chosen by the client before submitting: a retry of the same request finds this job. */
    operationId: text('operation_id').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    printerId: text('printer_id').notNull(),
    hopperPlaceId: integer('hopper_place_id')
      .notNull()
      .references(() => places.id),
    hopperNo: integer('hopper_no').notNull(),
    bank: text('bank').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdType: text('applicant_id_type').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    /** The card number the province system gave this card. */
    cardNo: text('card_no').notNull(),
    /** The blank the ledger expects the hopper to feed next, when the job started. */
    expectedBlankId: integer('expected_blank_id')
      .notNull()
      .references(() => cards.id),
    attempt: integer('attempt').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('instant_jobs_no_uq').on(t.jobNo), uniqueIndex('instant_jobs_op_uq').on(t.operationId), index('instant_jobs_site_ix').on(t.siteId)],
);

export const INSTANT_STEPS = ['started', 'loaded', 'personalised', 'print_sent', 'printed', 'issued', 'stocked', 'failed', 'void'] as const;

export const instantJobEvents = sqliteTable(
  'instant_job_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => instantJobs.id),
    step: text('step', { enum: INSTANT_STEPS }).notNull(),
    /** The blank at the printer's reader position, once it has been read. */
    blankCardId: integer('blank_card_id').references(() => cards.id),
    /** The finished card made, for `issued` and `stocked`. */
    cardId: integer('card_id').references(() => cards.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
    /** Error code and reason for `failed` / `void`; the operator's decision when a restart resolved it. */
    detail: text('detail'),
  },
  (t) => [index('instant_job_events_job_ix').on(t.jobId)],
);

/**
 * The ledger's seal chain (issue 18): one row per committed write, whatever tables it touched.
 * `digests` gives, for each table the write changed, the table's whole-content digest after it
 * (a sum of row hashes, so one changed row changes it; db/table-digest.ts); `schema` lists the
 * hash of every table, index and trigger definition when a migration ran. `hash` chains the
 * rows for anyone to recompute; `mac` chains them under a key kept outside the ledger file
 * (derived from the `.key` file), so rewriting a row and recomputing hashes is not enough.
 * `sbk verify` walks the chain and compares the last digest of every table with its content.
 */
export const ledgerSeals = sqliteTable('ledger_seals', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  /** write | baseline | schema */
  kind: text('kind').notNull(),
  /** The operation the write recorded, when it recorded one. */
  operationId: text('operation_id'),
  /** JSON object: table name → "<sum hex>:<rows>". */
  digests: text('digests').notNull(),
  /** JSON array of [type, name, sha256 of its SQL] for kind schema/baseline. */
  schema: text('schema'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /** HMAC-SHA256 link; null when the writer had no key. */
  mac: text('mac'),
  /** Which key made `mac` (a fingerprint, not the key). */
  keyId: text('key_id'),
});

/** The newest digest of every table: a cache the next seal starts from; verify never trusts it. */
export const ledgerDigests = sqliteTable('ledger_digests', {
  tbl: text('tbl').primaryKey(),
  digest: text('digest').notNull(),
  seq: integer('seq').notNull(),
});

/**
 * 邮递上门 (GD Art. 14 一(一); HB Art. 36): one row per card handed to a carrier, with where it
 * goes and how to trace it. The `mail` movement of the same operation moves the card. Append-only.
 */
export const mailDeliveries = sqliteTable(
  'mail_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    recipient: text('recipient').notNull(),
    address: text('address').notNull(),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [index('mail_deliveries_card_ix').on(t.cardId), uniqueIndex('mail_deliveries_operation_uq').on(t.operationId)],
);

/**
 * How a mailing ended: delivered (GD Art. 14 一(三): signed for with the SMS pick-up code, or a
 * signature reference) or returned to the office (GD Art. 32 一(一): 邮递信息错误). One per
 * mailing at most; append-only.
 */
export const mailOutcomes = sqliteTable(
  'mail_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => mailDeliveries.id),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    outcome: text('outcome', { enum: ['delivered', 'returned'] }).notNull(),
    /** The SMS pick-up code or signature reference (delivered), the reason (returned). */
    detail: text('detail').notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('mail_outcomes_delivery_uq').on(t.deliveryId)],
);

/**
 * A batch application file (批量申请数据文件, GD Annex 6: `SBK2_银行_经办机构_人数_时间.zip`) that
 * was imported; its content hash makes a second import of the same file change nothing.
 * Append-only.
 */
export const applicationFiles = sqliteTable(
  'application_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    contentSha256: text('content_sha256').notNull(),
    /** 银行 (5), 经办机构 (14) and 时间 (YYYYMMDDHHMMSS) from the file name */
    bank: text('bank').notNull(),
    agency: text('agency').notNull(),
    fileTime: text('file_time').notNull(),
    rowCount: integer('row_count').notNull(),
    encoding: text('encoding').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('application_files_sha_uq').on(t.contentSha256)],
);

/**
 * One applicant of a batch application file (GD Annex 6 text file, one row). Linked to cards at
 * read time through the holder's ID number (the maker's file carries 身份证号, not 申领表编码), so
 * the maker's file may arrive before or after. The only source of the holder's phone, unit and
 * address for HB Art. 14's contact within three working days; `holders` stays as it was. The
 * photo is kept by its name, size and SHA-256, not its bytes: the card is made from the
 * province's copy, and 14–40 KB per applicant would soon outweigh the ledger. Append-only.
 */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileId: integer('file_id')
      .notNull()
      .references(() => applicationFiles.id),
    line: integer('line').notNull(),
    seq: integer('seq').notNull(),
    /** 申领表编码 */
    formCode: text('form_code').notNull(),
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    birthDate: text('birth_date').notNull(),
    /** 联系手机 */
    mobile: text('mobile'),
    /** 联系电话 */
    phone: text('phone').notNull(),
    /** 通讯地址 */
    address: text('address'),
    /** 单位编号 / 单位名称 */
    unitCode: text('unit_code'),
    unitName: text('unit_name'),
    /** 服务银行 */
    bank: text('bank').notNull(),
    /** The row's 29 fields as a JSON object keyed by the Annex's column names. */
    fields: text('fields').notNull(),
    photoName: text('photo_name'),
    photoBytes: integer('photo_bytes'),
    photoSha256: text('photo_sha256'),
  },
  (t) => [index('applications_id_number_ix').on(t.idNumber), index('applications_file_ix').on(t.fileId)],
);

/**
 * HB Art. 14 (三个工作日内联系申请单位或个人领取): each time the office contacted a card's holder or
 * unit, by whom, when, how and with what result. Append-only.
 */
export const contactAttempts = sqliteTable(
  'contact_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    channel: text('channel', { enum: ['phone', 'sms', 'unit'] }).notNull(),
    result: text('result'),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [index('contact_attempts_card_ix').on(t.cardId)],
);

/**
 * 批量领取的单位委托 (GD Art. 15 一(一): 核实授权经办人的有效身份证件原件，收取单位授权委托书（加盖公章）;
 * Annex 4 单位授权委托书: 授权期限; HB Art. 7: 单位代办应出具单位委托书（介绍信）): the paperwork of one
 * batch pickup — the unit's code and name as the SBK2 file carries them (单位编号/单位名称), its
 * contact person and phone, the authorisation letter and the period it is valid for. One row per
 * pickup reference; append-only.
 */
export const pickupPapers = sqliteTable(
  'pickup_papers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pickupRef: text('pickup_ref').notNull(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    unitCode: text('unit_code').notNull(),
    unitName: text('unit_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    authRef: text('auth_ref').notNull(),
    /** China dates, both included. */
    authFrom: text('auth_from').notNull(),
    authTo: text('auth_to').notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('pickup_papers_ref_uq').on(t.pickupRef)],
);

/**
 * 持卡人签收 on the unit's list (GD Art. 15 一(二): 做好持卡人签收记录等发放管理台账; 二: 双方清点数量并签字确认):
 * per card of a pickup, how the signed list came back — signed by the holder, signed by the unit
 * on the holder's behalf, or not received (the card returned). Written with the settlement's
 * movements, by the same operation; append-only.
 */
export const pickupSettlements = sqliteTable(
  'pickup_settlements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pickupRef: text('pickup_ref').notNull(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    outcome: text('outcome', { enum: ['holder_signed', 'unit_signed', 'not_received'] }).notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [index('pickup_settlements_ref_ix').on(t.pickupRef), index('pickup_settlements_card_ix').on(t.cardId)],
);

/**
 * 重新制卡已申请 (HB Art. 16: 读卡检测时如发现质量不合格…的卡，应重新制卡): that the re-make of a
 * defective card was ordered — when, by whom, at which site, and under which request (the
 * province system's or the maker's reference, when there is one). The re-make list shows it, so
 * nobody orders a card twice or forgets one. Append-only: ordering again adds a row.
 */
export const remakeOrders = sqliteTable(
  'remake_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    ref: text('ref'),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    at: text('at').notNull(),
  },
  (t) => [index('remake_orders_card_ix').on(t.cardId)],
);

/**
 * Replication (issue 21): while `sbk replicate` is on for this ledger, every sealed write also
 * leaves the row texts it changed here, under its seal's number, in the same transaction; the
 * replicator ships them to PostgreSQL and deletes them once the server has committed. Not
 * sealed (like ledger_digests): the seals it carries are.
 */
export const ledgerOutbox = sqliteTable(
  'ledger_outbox',
  {
    seq: integer('seq').notNull(),
    n: integer('n').notNull(),
    tbl: text('tbl').notNull(),
    /** 1: the row was added, -1: removed (an update is both). */
    sign: integer('sign').notNull(),
    row: text('row').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.n] })],
);
