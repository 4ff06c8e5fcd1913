/**
 * Every identifier a notice carries, with the validator kind that checks it and the
 * dotted path of its field. checkNotice runs each through `validateIdentifier`.
 */
import type { IdentifierKind } from './identifiers/identifierKind.js';
import type { PersonCertificate } from './schema/lost.js';
import { ORG_ITEMS } from './schema/lost.js';
import type { Notice } from './schema/notice.js';

/** One value to validate. */
export interface IdentifierRef {
  /** Dotted path in the notice file, e.g. `parties.1.uscc`. */
  field: string;
  /** The validator kind, or null when no check rule exists (printed unchecked). */
  kind: IdentifierKind | null;
  value: string;
}

/** Validator kind for each personal certificate; null = no check rule known. */
export const CERTIFICATE_KINDS: Readonly<Record<PersonCertificate, IdentifierKind | null>> = {
  居民身份证: 'id',
  残疾人证: 'disability',
  出生医学证明: 'birth-cert',
  护照: 'passport',
  港澳居民来往内地通行证: 'hk-macau-permit',
  台湾居民来往大陆通行证: 'taiwan-permit',
  港澳台居民居住证: 'hmt',
  外国人永久居留身份证: 'pr',
  机动车驾驶证: 'driving-licence',
  // 社会保障号码 is the holder's resident ID number
  社会保障卡: 'id',
  不动产权证书: 'property-cert',
  毕业证书: null,
  学位证书: null,
  教师资格证: null,
  其他: null,
};

/** Validator kind for each organisation item's 编号. */
export const ORG_ITEM_KINDS: Readonly<Record<(typeof ORG_ITEMS)[number], IdentifierKind | null>> = {
  营业执照正本: 'business-licence',
  营业执照副本: 'business-licence',
  开户许可证: 'account-permit',
  不动产权证书: 'property-cert',
  其他: null,
};

/** All identifiers of a notice, in field order. Names of people count as identifiers (kind `name`). */
export function identifiersOf(n: Notice): IdentifierRef[] {
  const refs: IdentifierRef[] = [];
  const add = (field: string, kind: IdentifierKind | null, value: string | undefined) => {
    if (value !== undefined) refs.push({ field, kind, value });
  };
  // the payer's name may be a company's, so it is not checked as a personal name
  if (n.customer) add('customer.id', n.customer.idKind, n.customer.id);
  if (n.consent) add('consent.by', 'name', personal(n.consent.relation) ? n.consent.by : undefined);
  switch (n.type) {
    case 'lost-person':
      add('holder', 'name', n.holder);
      add('number', CERTIFICATE_KINDS[n.certificate], n.number);
      break;
    case 'lost-org':
      add('uscc', 'uscc', n.uscc);
      add('number', ORG_ITEM_KINDS[n.item], n.number);
      break;
    case 'lost-seal':
      add('uscc', 'uscc', n.uscc);
      add('code', 'seal-code', n.code);
      break;
    case 'lost-invoice':
      add('uscc', 'uscc', n.uscc);
      add('code', 'invoice-code', n.code);
      add('from', n.code !== undefined ? 'invoice-number' : 'e-invoice', n.from);
      add('to', n.code !== undefined ? 'invoice-number' : 'e-invoice', n.to);
      break;
    case 'void':
      add('uscc', 'uscc', n.uscc);
      add('number', null, n.number);
      break;
    case 'liquidation':
    case 'capital-reduction':
    case 'split':
      add('uscc', 'uscc', n.uscc);
      add('contact.name', 'name', n.contact.name);
      break;
    case 'merger':
      n.parties.forEach((p, i) => add(`parties.${i}.uscc`, 'uscc', p.uscc));
      add('contact.name', 'name', n.contact.name);
      break;
    case 'missing-person':
      add('name', 'name', n.name);
      break;
    case 'correction':
    case 'found-property':
      break;
  }
  return refs;
}

/** Consent given by a person (checked as a name), not by a company or the paper itself. */
function personal(relation: string): boolean {
  return relation !== 'company' && relation !== 'paper';
}
