/**
 * The demo/test site tree: the Hubei service-office directory and the Linxiang bank branches,
 * as committed under `fixtures/` by `fixtures/build-fixtures.ts`.
 */
import { readFileSync } from 'node:fs';
import { projectFile } from '../project-files.ts';
import {
  deriveSites,
  parseBankBranchesCsv,
  parseRegionsCsv,
  parseServiceOfficesCsv,
} from '../domain/site-hierarchy.ts';
import type { SiteSeed } from '../domain/site-hierarchy.ts';

function fixtureText(name: string): string {
  return readFileSync(projectFile(`fixtures/${name}`), 'utf8');
}

export function loadFixtureSites(): SiteSeed[] {
  const offices = parseServiceOfficesCsv(fixtureText('hubei-service-offices.csv'), 'hubei-service-offices.csv');
  const branches = parseBankBranchesCsv(fixtureText('linxiang-bank-branches.csv'), 'linxiang-bank-branches.csv');
  const regions = parseRegionsCsv(fixtureText('regions.csv'), 'regions.csv');
  return deriveSites(offices, branches, regions);
}
