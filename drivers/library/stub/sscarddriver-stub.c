/*
 * A stand-in for a desk printer vendor's SSCardDriver library, for sbk's tests only: the same
 * exported functions and C signatures as drivers/library/sscard-abi.ts binds, over a "printer"
 * whose physical state lives in a text file (path in $SSCARD_STUB_STATE), so it survives the
 * process that loaded the library being killed.
 *
 *   cc -shared -fPIC -o libsscarddriver-stub.so sscarddriver-stub.c
 *
 * State file, one record a line, fields separated by one space, "-" for an empty field:
 *   F <coverOpen> <jam> <chipWriteFails> <hangInPrint>     faults on demand (0/1)
 *   R <idCode> <reset> <region> <ssn> <cardNo> <name> <issue> <expiry> <printed>   the card at the reader
 *   H <hopper> <idCode> <reset> <region>                   blanks in a hopper, in feed order
 *   G|B <idCode> <ssn> <cardNo> <printed>                  cards in the good / bad output bin
 * Names are stored as the GB18030 bytes the caller passed (no spaces in a name).
 *
 * Return codes are those sbk maps (drivers/printer/instant-printer.ts PRINTER_FAULTS and
 * drivers/reader/basic-info.ts READER_FAULTS); the reason text goes to pOutInfo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define F 64  /* one field */
#define MAXC 256

typedef struct { char id[F], reset[F], region[F], ssn[F], cardNo[F], name[F], issue[F], expiry[F]; int printed, hopper; } Card;

static int cover, jam, chipFails, hangPrint;
static int hasReader;
static Card reader;
static Card hoppers[MAXC]; static int nHopper;
static Card good[MAXC]; static int nGood;
static Card bad[MAXC]; static int nBad;

static const char *path(void) { const char *p = getenv("SSCARD_STUB_STATE"); return p ? p : "sscard-stub.state"; }
static void field(char *dst, const char *src) { if (strcmp(src, "-") == 0) dst[0] = 0; else { strncpy(dst, src, F - 1); dst[F - 1] = 0; } }
static const char *out(const char *s) { return s[0] ? s : "-"; }

static int load(void) {
  FILE *f = fopen(path(), "r");
  cover = jam = chipFails = hangPrint = 0; hasReader = 0; nHopper = nGood = nBad = 0;
  if (!f) return 0;
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char a[10][F] = {{0}};
    int n = sscanf(line, "%63s %63s %63s %63s %63s %63s %63s %63s %63s %63s", a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    if (n <= 0) continue;
    Card c; memset(&c, 0, sizeof c);
    if (a[0][0] == 'F' && n >= 5) { cover = atoi(a[1]); jam = atoi(a[2]); chipFails = atoi(a[3]); hangPrint = atoi(a[4]); }
    else if (a[0][0] == 'R' && n >= 10) {
      field(c.id, a[1]); field(c.reset, a[2]); field(c.region, a[3]); field(c.ssn, a[4]); field(c.cardNo, a[5]);
      field(c.name, a[6]); field(c.issue, a[7]); field(c.expiry, a[8]); c.printed = atoi(a[9]);
      reader = c; hasReader = 1;
    } else if (a[0][0] == 'H' && n >= 5 && nHopper < MAXC) {
      c.hopper = atoi(a[1]); field(c.id, a[2]); field(c.reset, a[3]); field(c.region, a[4]); hoppers[nHopper++] = c;
    } else if ((a[0][0] == 'G' || a[0][0] == 'B') && n >= 5) {
      field(c.id, a[1]); field(c.ssn, a[2]); field(c.cardNo, a[3]); c.printed = atoi(a[4]);
      if (a[0][0] == 'G' && nGood < MAXC) good[nGood++] = c; else if (nBad < MAXC) bad[nBad++] = c;
    }
  }
  fclose(f);
  return 0;
}

static void save(void) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path());
  FILE *f = fopen(tmp, "w");
  if (!f) return;
  fprintf(f, "F %d %d %d %d\n", cover, jam, chipFails, hangPrint);
  if (hasReader) fprintf(f, "R %s %s %s %s %s %s %s %s %d\n", out(reader.id), out(reader.reset), out(reader.region), out(reader.ssn), out(reader.cardNo), out(reader.name), out(reader.issue), out(reader.expiry), reader.printed);
  for (int i = 0; i < nHopper; i++) fprintf(f, "H %d %s %s %s\n", hoppers[i].hopper, out(hoppers[i].id), out(hoppers[i].reset), out(hoppers[i].region));
  for (int i = 0; i < nGood; i++) fprintf(f, "G %s %s %s %d\n", out(good[i].id), out(good[i].ssn), out(good[i].cardNo), good[i].printed);
  for (int i = 0; i < nBad; i++) fprintf(f, "B %s %s %s %d\n", out(bad[i].id), out(bad[i].ssn), out(bad[i].cardNo), bad[i].printed);
  fclose(f);
  rename(tmp, path());
}

static long fail(char *pOutInfo, long code, const char *reason) { if (pOutInfo) strcpy(pOutInfo, reason); return code; }
static long ok(char *pOutInfo) { if (pOutInfo) pOutInfo[0] = 0; save(); return 0; }

static void toBin(int n) {
  if (n == 2) { if (nBad < MAXC) bad[nBad++] = reader; } else if (nGood < MAXC) good[nGood++] = reader;
  hasReader = 0;
}

/* LD/T 6001.5-2023: long iReadCardBas(int iType, char* pOutInfo) */
long iReadCardBas(int iType, char *pOutInfo) {
  load();
  if (iType < 1 || iType > 4) return fail(pOutInfo, -1, "wrong card type");
  if (!hasReader) return fail(pOutInfo, -2, "no card");
  sprintf(pOutInfo, "%s|%s|%s|%s|%s|%s|3.00|%s|%s|T0000001|SSCARDSTUB|", reader.region, reader.ssn, reader.cardNo, reader.id, reader.name, reader.reset, reader.issue, reader.expiry);
  return 0;
}

/*
 * LD/T 6001.5-2023: long iWriteCard(int iType, char* pCardInfo, char* pFileAddr, char* pWriteData, char* pOutInfo).
 * sbk writes "SSSE|EF05|05|EF05|06|EF05|07|EF06|08|EF06|09|" = 发卡日期|卡有效期|卡号|社会保障号码|姓名|.
 */
long iWriteCard(int iType, char *pCardInfo, char *pFileAddr, char *pWriteData, char *pOutInfo) {
  (void)iType; (void)pCardInfo;
  load();
  if (!hasReader) return fail(pOutInfo, -107, "no card at reader");
  if (strncmp(pFileAddr, "SSSE|", 5) != 0) return fail(pOutInfo, -109, "bad file address");
  if (chipFails) return fail(pOutInfo, -105, "chip write error");
  char buf[1024]; strncpy(buf, pWriteData, sizeof buf - 1); buf[sizeof buf - 1] = 0;
  char *parts[5] = {0}; int n = 0; char *p = buf;
  while (n < 5) { char *bar = strchr(p, '|'); if (!bar) break; *bar = 0; parts[n++] = p; p = bar + 1; }
  if (n != 5) return fail(pOutInfo, -109, "bad write data");
  field(reader.issue, parts[0][0] ? parts[0] : "-"); field(reader.expiry, parts[1][0] ? parts[1] : "-");
  field(reader.cardNo, parts[2][0] ? parts[2] : "-"); field(reader.ssn, parts[3][0] ? parts[3] : "-"); field(reader.name, parts[4][0] ? parts[4] : "-");
  return ok(pOutInfo);
}

/* GD Annex 9 二(二): iLoadCard(int n), the reason in pOutInfo. */
long iLoadCard(int n, char *pOutInfo) {
  load();
  if (hasReader) return ok(pOutInfo); /* 若读卡器位置已经有卡，则直接返回0成功 */
  if (cover) return fail(pOutInfo, -103, "cover open");
  int want = n == 0 ? 1 : n;
  for (int i = 0; i < nHopper; i++) {
    if (hoppers[i].hopper != want) continue;
    Card c = hoppers[i];
    memmove(&hoppers[i], &hoppers[i + 1], (size_t)(nHopper - i - 1) * sizeof(Card)); nHopper--;
    if (jam) { if (nBad < MAXC) bad[nBad++] = c; save(); return fail(pOutInfo, -102, "card jammed while feeding"); }
    reader = c; hasReader = 1;
    return ok(pOutInfo);
  }
  return fail(pOutInfo, -101, "hopper empty");
}

/* GD Annex 9 二(二): long iWriteCaStep1(), the signing public key in pOutInfo. */
long iWriteCaStep1(char *pOutInfo) {
  load();
  if (!hasReader) return fail(pOutInfo, -107, "no card at reader");
  sprintf(pOutInfo, "04%s00STUBKEY", reader.id);
  return 0;
}

/* GD Annex 9 二(二): long iWriteCaStep2(char* pCaInfo) = 签名证书|加密证书|加密密钥|主控密钥|管理员PIN. */
long iWriteCaStep2(char *pCaInfo, char *pOutInfo) {
  load();
  if (!hasReader) return fail(pOutInfo, -107, "no card at reader");
  int bars = 0; for (const char *p = pCaInfo; *p; p++) bars += *p == '|';
  if (bars != 4) return fail(pOutInfo, -108, "CA info must have five parts");
  return ok(pOutInfo);
}

/* GD Annex 9 二(二): long iPrint(int n, char* sData1..sData6, char* sPhoto1, char* sPhoto2). */
long iPrint(int n, char *d1, char *d2, char *d3, char *d4, char *d5, char *d6, char *p1, char *p2, char *pOutInfo) {
  load();
  if (!hasReader) return fail(pOutInfo, -107, "no card at reader");
  int any = d1[0] || d2[0] || d3[0] || d4[0] || d5[0] || d6[0] || p1[0] || p2[0];
  if (!any) { toBin(n == 2 ? 2 : 1); return ok(pOutInfo); } /* 全部为空时按 n 单独退卡 */
  if (cover) return fail(pOutInfo, -103, "cover open");
  if (hangPrint) for (;;) sleep(1); /* a printer that never answers */
  reader.printed = 1;
  toBin(1);
  return ok(pOutInfo);
}

/* Not in either standard: a vendor's version string, which `sbk devices` shows when the library has one. */
long iGetVersion(char *pOutInfo) {
  strcpy(pOutInfo, "SSCardDriver stub 1.0");
  return 0;
}
