/**
 * Made-up holders for the synthetic maker files of fixtures and tests (maker-file-writer.ts).
 *
 * sbk-data-table: demo people: common Cantonese surnames and given names, and two names that
 * exercise the name rules (a rare character, GD Art. 34; a minority name with a middle dot).
 */

/** Guangzhou district codes (GB/T 2260), since the file layout is Guangdong's. */
export const GUANGZHOU_AREAS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440118'];
export const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '罗', '何', '郑', '谢', '冯', '邓', '欧阳', '司徒'];
export const GIVEN_NAMES = ['伟', '芳', '嘉欣', '志强', '丽娟', '俊杰', '婉婷', '家豪', '淑仪', '国华', '美玲', '子轩', '诗琪', '建明', '晓彤', '浩然'];
/** A name with a rare character in the GD Art. 34 notation. */
export const RARE_CHARACTER_NAME = '张[CHUI]';
/** A minority name with the middle dot. */
export const MIDDLE_DOT_NAME = '阿依古丽·买买提';
