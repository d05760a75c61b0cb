/**
 * 智慧填表 (seed 000): the values of the one form that the enterprise registry already holds,
 * by information element. The form shows them locked with their source; the back end keeps
 * them instead of anything sent for those fields.
 */
import type { FormValueInput } from './values.js';

/** What the registry holds of an enterprise (the registry's `Enterprise`, the API's `EnterpriseView`). */
export interface RegistryRecord {
  uscc: string;
  name: string;
  kind: string;
  scope: string;
  address: string;
  established: string;
  foreignInvested: boolean;
  legalRep: string;
  registeredCapital?: string;
}

/** The registry's values of the entity fields (注册资本 in 万元, from "200万元人民币"). */
export function registryValues(e: RegistryRecord): Record<string, FormValueInput> {
  const capital = e.registeredCapital ? Number(/^[\d.]+/.exec(e.registeredCapital)?.[0]) : undefined;
  return {
    'entity.name': e.name,
    'entity.uscc': e.uscc,
    'entity.type': e.kind,
    'entity.businessScope': e.scope,
    'entity.registeredAddress': e.address,
    'entity.establishedDate': e.established,
    'entity.foreignInvested': e.foreignInvested,
    'legalRep.name': e.legalRep,
    ...(capital !== undefined && Number.isFinite(capital) ? { 'entity.registeredCapital': capital } : {}),
  };
}
