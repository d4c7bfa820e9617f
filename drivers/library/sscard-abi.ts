/**
 * The C functions sbk calls in a desk's SSCardDriver library, with their exact prototypes (in
 * koffi's C syntax), and the text encoding of their char* parameters. Pure data and codecs.
 *
 * National reader interface (人社信息函〔2016〕38号; prototypes as listed in LD/T 6001.5-2023
 * 社会保障卡检测规范 第5部分 读写终端接口检测, §5):
 *   long iReadCardBas(int iType, char* pOutInfo)
 *   long iWriteCard(int iType, char* pCardInfo, char* pFileAddr, char* pWriteData, char* pOutInfo)
 * GD Annex 9 二(二) (“动态库DLL须统一命名为“SSCardDriver.DLL”…在人社部标准之外，再封装iLoadCard(int n)、
 * iWriteCaStep1、iWriteCaStep2、iPrint四个制卡相关函数”):
 *   iLoadCard(int n) / long iWriteCaStep1() / Long iWriteCaStep2(char* pCaInfo) /
 *   Long iPrint(int n, char* sData1, …, char* sData6, char* sPhoto1, char* sPhoto2)
 * The annex describes these in the ActiveX control's terms, where the reason or the public key
 * comes back in the control's “pOutInfo 属性”. In the DLL that property is, as in every function of
 * the national interface, a last `char* pOutInfo` parameter: that is the form bound here.
 *
 * On Windows the functions are __stdcall (ignored on 64-bit and on Linux). `long` is C's long.
 * Text is GB18030 both ways: the national interface returns GBK fields (DOMAIN.md), and GD prints
 * rare characters in a name with the “宋体-18030” font (GD Annex 9 二(二) 支持生僻字), so the name must
 * reach iPrint as GB18030. Neither standard fixes pOutInfo's size; the caller's buffer is
 * OUT_INFO_BYTES, which holds the eleven basic fields, a reason text or an SM2 public key many times over.
 */
import iconv from 'iconv-lite';

export const OUT_INFO_BYTES = 4096;

export type ArgKind = 'int' | 'str';
export type LibraryFunction = { name: string; prototype: string; args: readonly ArgKind[]; optional?: true };

const fn = (name: string, prototype: string, args: readonly ArgKind[], optional?: true): LibraryFunction => ({ name, prototype, args, ...(optional ? { optional } : {}) });

/** Every function bound; each ends with the pOutInfo buffer the host allocates (not in `args`). */
export const SSCARD_FUNCTIONS = {
  iReadCardBas: fn('iReadCardBas', 'long __stdcall iReadCardBas(int iType, _Out_ uint8_t *pOutInfo)', ['int']),
  iWriteCard: fn('iWriteCard', 'long __stdcall iWriteCard(int iType, const char *pCardInfo, const char *pFileAddr, const char *pWriteData, _Out_ uint8_t *pOutInfo)', ['int', 'str', 'str', 'str']),
  iLoadCard: fn('iLoadCard', 'long __stdcall iLoadCard(int n, _Out_ uint8_t *pOutInfo)', ['int']),
  iWriteCaStep1: fn('iWriteCaStep1', 'long __stdcall iWriteCaStep1(_Out_ uint8_t *pOutInfo)', []),
  iWriteCaStep2: fn('iWriteCaStep2', 'long __stdcall iWriteCaStep2(const char *pCaInfo, _Out_ uint8_t *pOutInfo)', ['str']),
  iPrint: fn(
    'iPrint',
    'long __stdcall iPrint(int n, const char *sData1, const char *sData2, const char *sData3, const char *sData4, const char *sData5, const char *sData6, const char *sPhoto1, const char *sPhoto2, _Out_ uint8_t *pOutInfo)',
    ['int', 'str', 'str', 'str', 'str', 'str', 'str', 'str', 'str'],
  ),
  /** Not in either standard: a vendor's version string, shown by `sbk devices` when the library has one. */
  iGetVersion: fn('iGetVersion', 'long __stdcall iGetVersion(_Out_ uint8_t *pOutInfo)', [], true),
} as const satisfies Record<string, LibraryFunction>;

export type SscardFunctionName = keyof typeof SSCARD_FUNCTIONS;

/** The file address sbk writes the personal data to with iWriteCard: SSSE EF05 05 发卡日期, 06 卡有效期, 07 卡号; EF06 08 社会保障号码, 09 姓名. */
export const PERSONAL_FILE_ADDR = 'SSSE|EF05|05|EF05|06|EF05|07|EF06|08|EF06|09|';

/** A char* argument: GB18030 bytes, NUL-terminated. */
export function encodeArg(text: string): Uint8Array {
  const b = iconv.encode(text, 'gb18030');
  const out = new Uint8Array(b.length + 1);
  out.set(b, 0);
  return out;
}

/** pOutInfo: the GB18030 text up to the first NUL. */
export function decodeOut(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return iconv.decode(Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)), 'gb18030');
}
