import { InvalidInputError } from '../rules/core/errors';

/** `a,b , c` → `['a','b','c']` (empty entries dropped, duplicates removed). */
export function parseList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** A comma-separated list of 12-digit account ids for flag `flag`. */
export function parseAccountList(value: string, flag: string): string[] {
  const ids = parseList(value);
  const bad = ids.find((id) => !/^\d{12}$/.test(id));
  if (bad !== undefined)
    throw new InvalidInputError(
      flag,
      `expected comma-separated 12-digit account ids, but "${bad}" is not one`,
    );
  return ids;
}

/** A comma-separated list of Region names (`eu-west-1,us-east-1`) for flag `flag`. */
export function parseRegionList(value: string, flag: string): string[] {
  const regions = parseList(value);
  const bad = regions.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (bad !== undefined)
    throw new InvalidInputError(
      flag,
      `expected comma-separated Region names such as eu-west-1, but "${bad}" is not one`,
    );
  return regions;
}
