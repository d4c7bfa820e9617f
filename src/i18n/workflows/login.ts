/** Login at the console or the CLI (authenticate.ts): role names and what the audit log records. */
export const loginText = {
  roles: { clerk: '经办员', supervisor: '主管', admin: '管理员' },
  /** The audit log's detail for a failed login: the how-manieth failure in a row it was. */
  failedAttempt: (p: { n: number }) => `第${p.n}次`,
  /** The audit log's detail for a login that does not exist (the typed text is not kept: it may be a PIN). */
  unknownLogin: '工号不存在',
  /** The audit log's detail when wrong approver PINs lock the operator who asked for approval. */
  lockedByApprovals: '复核密码连续输错',
} as const;
