import type { DataPackage } from '../types';
import { DEFAULT_POLICY, mergePolicy, type Policy, type PolicyOverride } from './policy';

/** The policy in force: the default, then the package's policy.json, then `override` (e.g. --policy FILE), key by key. */
export function resolvePolicy(pkg: DataPackage, override?: PolicyOverride): Policy {
  return mergePolicy(DEFAULT_POLICY, pkg.policyOverride, override);
}
