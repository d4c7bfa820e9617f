/** Login at the console or the CLI (authenticate.ts): role names and what the audit log records. */
export const loginText = {
  roles: { clerk: '经办员', supervisor: '主管', admin: '管理员' },
  /** The audit log's detail for a failed login: the how-manieth failure in a row it was. */
  failedAttempt: (p: { n: number }) => `第${p.n}次`,
} as const;
