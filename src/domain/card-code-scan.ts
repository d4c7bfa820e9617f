/**
 * What a counter scanner reads off a social security card: the card number (社会保障卡卡号,
 * GD Annex 9 一(四)) or the social security number printed beside it, which for a resident is
 * the 18-character citizen identity number (GD Art. 35 (一)). Used to tell a scan from keys a
 * person typed ahead over a slow link, which arrive just as fast (src/ui/keys/typed-ahead.ts).
 */
import { checkSocialSecurityCardNumber } from './card-codes.ts';
import { checkResidentId } from './resident-id.ts';

/** A card number's shape, or an 18-character identity number that passes GB 11643 (date and check character). */
export function isCardCode(value: string): boolean {
  return checkSocialSecurityCardNumber(value).ok || checkResidentId(value).ok;
}
