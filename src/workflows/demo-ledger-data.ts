// sbk-data-table: the demo ledger's made-up people, sites, banks and places (names, addresses, PINs); data, not messages
/**
 * Who and what the demo ledger (demo-ledger.ts) is made of: Wuhan's card centre and three of its
 * offices from the fixtures, two demo bank branches, their operators, the names its synthetic
 * holders are drawn from, the two banks' card makers, and the storage places it sets up.
 */
import type { Role } from '../../db/operators-repo.ts';
import type { SiteSeed } from '../domain/site-hierarchy.ts';

export const DEMO_ROOT = '420100';
export const DEMO_OFFICES = { jiangan: '420102-01', jianghan: '420103-01', qiaokou: '420104-01' } as const;
export const DEMO_BRANCHES = { icbc: '420102-B01', ccb: '420102-B02' } as const;

export const DEMO_SITES: SiteSeed[] = [
  {
    code: DEMO_BRANCHES.icbc,
    name: '工商银行武汉江岸支行（演示）',
    kind: 'bank_branch',
    regionCode: '420102',
    parentCode: '420102',
    bank: '中国工商银行',
    address: '江岸区解放大道1号（演示数据）',
  },
  {
    code: DEMO_BRANCHES.ccb,
    name: '建设银行武汉江岸支行（演示）',
    kind: 'bank_branch',
    regionCode: '420102',
    parentCode: '420102',
    bank: '中国建设银行',
    address: '江岸区沿江大道2号（演示数据）',
  },
];

export type DemoOperator = { login: string; name: string; role: Role; site: string; pin: string };

/** Demo PINs are shown on the login screen of a demo ledger only. */
export const DEMO_OPERATORS: DemoOperator[] = [
  { login: 'admin', name: '王建国', role: 'admin', site: DEMO_ROOT, pin: '135790' },
  { login: 'lijuan', name: '李娟', role: 'supervisor', site: DEMO_ROOT, pin: '246801' },
  { login: 'zhangwei', name: '张伟', role: 'clerk', site: DEMO_OFFICES.jiangan, pin: '357902' },
  { login: 'zhaomin', name: '赵敏', role: 'supervisor', site: DEMO_OFFICES.jiangan, pin: '468013' },
  { login: 'liuyang', name: '刘洋', role: 'clerk', site: DEMO_OFFICES.jianghan, pin: '579024' },
  { login: 'chenjing', name: '陈静', role: 'clerk', site: DEMO_OFFICES.qiaokou, pin: '802357' },
  { login: 'sunli', name: '孙丽', role: 'clerk', site: DEMO_BRANCHES.icbc, pin: '680135' },
  { login: 'zhoujie', name: '周洁', role: 'clerk', site: DEMO_BRANCHES.ccb, pin: '791246' },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳'];
export const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '子涵', '浩然', '雨桐', '梓萱', '思远'];
/** GD Art. 34: a character outside GB18030 is written as [PINYIN]; minority names carry a middle dot. */
export const SPECIAL_NAMES = ['张[CHUI]', '阿依古丽·买买提', '李[YAN]华'];
export const WUHAN_AREAS = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420114', '420115'];

export const BANKS = {
  icbc: { name: '中国工商银行', bin: '621226', maker: '东信和平' },
  ccb: { name: '中国建设银行', bin: '621700', maker: '金邦达' },
} as const;
export type DemoBank = (typeof BANKS)[keyof typeof BANKS];

/** The storage places the demo adds to the fixtures' one safe per site. */
export const DEMO_PLACES = {
  cityShelf: '成品卡库A架',
  officeCabinet: '发卡柜',
  hopper: '制卡机1-卡盒1',
  prefabSafe: '预制卡保险柜',
} as const;

/** The unit whose agent picked up cards at 江岸 and never handed them on (sleeping cards). */
export const DEMO_PICKUP = { agent: '周建华', unit: '武汉钢铁有限公司', authorisation: 'WG-2026-17' } as const;
