// sbk-data-table: the punctuation Chinese typesetting keeps off a line start (避头点), a typography rule, not a message.

/** Closing punctuation never starts a line; the character before it moves down with it. */
export const NO_LINE_START: ReadonlySet<string> = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%']);
