/** What the prefab-stock workflow says of where blanks are. */
export const prefabText = {
  where: {
    hopper: (p: { place: string | null }) => `卡盒 ${p.place ?? '?'}`,
    box: (p: { box: string | null; place: string | null }) => `箱 ${p.box ?? '-'}（${p.place ?? '?'}）`,
  },
} as const;
