/** One area's error texts: key → a function of the error's typed parameters. */
export type ErrorTextTable = Readonly<Record<string, ((params: never) => string) | (() => string)>>;
