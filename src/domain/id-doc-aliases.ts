/**
 * The names of identity documents as they are written in batch files and on forms (the 证件类型
 * column of GD Annex 6), mapped to our document codes; id-documents.ts reads them.
 *
 * sbk-data-table: spellings of document names found in incoming files, matched as input data;
 * none of them is shown to an operator (the labels shown are in src/i18n/domain/input-checks.ts).
 */
import type { IdDocType } from './id-documents.ts';

/**
 * Other spellings met in batch files and on forms. "护照" alone means a foreign passport:
 * HB Art. 5 (4) and GD Art. 35 (二) list the passport only for foreigners.
 * "港澳通行证" is deliberately absent: it usually means the mainland residents' permit to
 * Hong Kong and Macao (往来港澳通行证), which is not an accepted document.
 */
export const ID_DOC_LABEL_ALIASES: Readonly<Record<string, IdDocType>> = {
  身份证: 'resident_id',
  居民身份证: 'resident_id',
  公民身份证: 'resident_id',
  第二代居民身份证: 'resident_id',
  中华人民共和国居民身份证: 'resident_id',
  户口簿: 'household',
  户口本: 'household',
  居民户口簿: 'household',
  临时身份证: 'temporary_id',
  临时居民身份证: 'temporary_id',
  港澳居民来往内地通行证: 'hk_macao_permit',
  回乡证: 'hk_macao_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  港澳台居民居住证: 'hmt_residence_permit',
  港澳居民居住证: 'hmt_residence_permit',
  台湾居民居住证: 'hmt_residence_permit',
  中华人民共和国护照: 'cn_passport',
  中国护照: 'cn_passport',
  护照: 'foreign_passport',
  外国护照: 'foreign_passport',
  外国人护照: 'foreign_passport',
  外国人永久居留身份证: 'foreign_permanent_id',
  外国人永久居留证: 'foreign_permanent_id',
  永久居留身份证: 'foreign_permanent_id',
};
