/**
 * Who is acting: a real-name operator (HB Art. 4) at a site. Every workflow takes one, and every
 * movement, event and audit line it writes carries the actor's id.
 */
export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  id: number;
  login: string;
  name: string;
  role: Role;
  siteId: number;
  siteCode: string;
  siteName: string;
};

const RANK: Record<Role, number> = { clerk: 1, supervisor: 2, admin: 3 };

export function hasRole(actor: Pick<Actor, 'role'>, needed: Role): boolean {
  return RANK[actor.role] >= RANK[needed];
}
