import { useReducer } from 'react';
import type { Actor } from '../../domain/actor.ts';
import type { SubmitResult } from '../../workflows/stock-count.ts';

/** The screens the console has; each id is also its key-registry context. */
export type FeatureId = 'intake' | 'checkin' | 'shipments' | 'issuance' | 'recall' | 'count' | 'lookup' | 'instant' | 'devices' | 'transfer' | 'sites' | 'contact';
export type Screen =
  | { id: 'login' }
  | { id: 'home' }
  /** `query`: opened by a scan on the home screen, showing that card at once. */
  | { id: 'lookup'; query?: string }
  | { id: 'intake' }
  | { id: 'checkin'; batch: string | null }
  | { id: 'shipments'; tab: ShipmentsTab }
  | { id: 'dispatch' }
  | { id: 'sign-in'; number: string }
  | { id: 'issuance' }
  | { id: 'overdue'; tab: OverdueTab | WaysTab }
  | { id: 'settle'; ref: string }
  | { id: 'pickup' }
  /** 预制卡盘点: today's state; a count being scanned; a submitted one under review; the report. */
  | { id: 'count' }
  | { id: 'count-scan'; countId: number }
  /** `result`: what the submission returned (per box); null when a submitted count is resumed. */
  | { id: 'count-review'; countId: number; result: SubmitResult | null }
  | { id: 'count-report' }
  /** 发放台账 (from 发卡): one day's hand-overs, to reconcile the signed receipts (GD Art. 12, 14). */
  | { id: 'issued-report' }
  /** 即时制卡: interrupted jobs first, then the applicant's form, the run and its result. */
  | { id: 'instant' }
  /** 装入卡盒 (from 即时制卡): scan blanks into a printer hopper in feed order, or unload it. */
  | { id: 'hopper-load' }
  /** 设备: the counter's printers, readers and scanners. */
  | { id: 'devices' }
  /** 库内移交: between places, 交接班 with the receiver's PIN. */
  | { id: 'transfer' }
  /** 网点与库位: the sites in scope and a site's places, read only. */
  | { id: 'sites' }
  /** 待联系 (HB Art. 14): arrived cards to contact within three working days. */
  | { id: 'contact' }
  | { id: 'not-built'; feature: FeatureId };
export type ShipmentsTab = 'inbound' | 'outbound';
/** 逾期与回收: 应回收, 即将逾期, 集体代领 (open pickups), 待注销, 邮寄中 (cards in the post, GD Art. 14). */
export type OverdueTab = 'due' | 'warn' | 'pickups' | 'cancel' | 'mail';
/** The ways back on the same screen: 重制清单, 收回旧卡, 销毁移交 (HB Art. 16, 33; GD Art. 32). */
export type WaysTab = 'remake' | 'takeback' | 'destroy';
export type Overlay = 'help' | 'quit' | null;

export type NavState = { stack: Screen[]; overlay: Overlay; actor: Actor | null };

export type NavAction =
  | { type: 'logged-in'; actor: Actor }
  | { type: 'logout' }
  | { type: 'open'; screen: Screen }
  /** The top screen in place (a list remembering its tab for when the operator comes back). */
  | { type: 'replace'; screen: Screen }
  | { type: 'back' }
  | { type: 'overlay'; overlay: Overlay };

export const initialNav: NavState = { stack: [{ id: 'login' }], overlay: null, actor: null };

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'logged-in':
      return { stack: [{ id: 'home' }], overlay: null, actor: action.actor };
    case 'logout':
      return initialNav;
    case 'open':
      return { ...state, stack: [...state.stack, action.screen] };
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.screen] };
    case 'back':
      // Esc steps back one level and never quits: the bottom screen stays.
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'overlay':
      return { ...state, overlay: action.overlay };
  }
}

/** Where a home-menu item opens. */
export function featureScreen(id: FeatureId): Screen {
  switch (id) {
    case 'checkin':
      return { id: 'checkin', batch: null };
    case 'shipments':
      return { id: 'shipments', tab: 'inbound' };
    case 'recall':
      return { id: 'overdue', tab: 'due' };
    default:
      return { id };
  }
}

export function useNavigation() {
  const [state, dispatch] = useReducer(navReducer, initialNav);
  return { state, screen: state.stack[state.stack.length - 1]!, dispatch };
}
