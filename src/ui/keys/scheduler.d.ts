/**
 * The part of React's `scheduler` package the key router uses (the package ships no types).
 * It is the scheduler react-reconciler, and so Ink, schedules renders and effects on.
 */
declare module 'scheduler' {
  export type Task = { readonly id: number };
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): Task;
  export function unstable_cancelCallback(task: Task): void;
}
