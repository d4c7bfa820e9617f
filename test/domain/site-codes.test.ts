import { describe, expect, it } from 'vitest';
import { checkSiteCode, nextSiteCode, regionWithin, unlistedRegionChain } from '../../src/domain/site-codes.ts';
import { sbkCode } from '../helpers/error-code.ts';

describe('site codes for sites an admin adds', () => {
  it('takes the next free serial of the kind in the region', () => {
    const taken = new Set(['420102-01', '420102-02', '420102-B01', '420102-S02']);
    expect(nextSiteCode('service_office', '420102', taken)).toBe('420102-03');
    expect(nextSiteCode('bank_branch', '420102', taken)).toBe('420102-B02');
    expect(nextSiteCode('service_point', '420102', taken)).toBe('420102-S01');
    expect(nextSiteCode('county', '440106', taken)).toBe('440106');
  });

  it('checks a typed code against the rule', () => {
    expect(sbkCode(() => checkSiteCode('bank_branch', '440100', '440100-B07'))).toBeUndefined();
    expect(sbkCode(() => checkSiteCode('bank_branch', '440100', '440100-07'))).toBe('SITE_CODE_FORMAT');
    expect(sbkCode(() => checkSiteCode('service_point', '440100', '440100-S00'))).toBe('SITE_CODE_FORMAT');
    expect(sbkCode(() => checkSiteCode('county', '440106', '440107'))).toBe('SITE_CODE_FORMAT');
  });

  it('a region lies within its province, city or itself', () => {
    expect(regionWithin('440106', '440000')).toBe(true);
    expect(regionWithin('440106', '440100')).toBe(true);
    expect(regionWithin('440206', '440100')).toBe(false);
    expect(regionWithin('420103', '420102')).toBe(false);
  });

  it('an unlisted region starts with the levels above it', () => {
    expect(unlistedRegionChain('440106').map((s) => [s.code, s.kind, s.parentCode])).toEqual([
      ['440000', 'province', null],
      ['440100', 'city_centre', '440000'],
      ['440106', 'county', '440100'],
    ]);
    expect(unlistedRegionChain('440000')).toHaveLength(1);
    expect(sbkCode(() => unlistedRegionChain('44010'))).toBe('SITE_REGION_INVALID');
  });
});
