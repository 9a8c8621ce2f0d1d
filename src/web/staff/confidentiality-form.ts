/** The "who can read this item" fields (staff/confidentiality partial), shared by the agenda and drafting forms. */
import type { Confidentiality } from '../../db/schema.ts';
import { confidentialitySchema } from '../../modules/agenda/schemas.ts';
import { type FormBody, field } from '../forms.ts';

export interface ConfidentialityValues {
  confidentiality: string;
  exemptReason: string;
}

export const CONFIDENTIALITY_TAGS: Record<Confidentiality, { text: string; colour: string } | null> = {
  public: null,
  exempt: { text: 'Exempt', colour: 'yellow' },
  opcc_only: { text: 'OPCC only', colour: 'red' },
};

export function confidentialityValues(body: FormBody): ConfidentialityValues {
  return {
    confidentiality: field(body, 'confidentiality') || 'public',
    exemptReason: field(body, 'exemptReason').trim(),
  };
}

/** What the person must fix before the service is asked; [field, message] pairs for formErrors. */
export function confidentialityProblems(values: ConfidentialityValues): [string, string][] {
  if (!confidentialitySchema.safeParse(values.confidentiality).success)
    return [['confidentiality', 'Choose who can read this item']];
  if (values.confidentiality === 'exempt' && !values.exemptReason)
    return [['exemptReason', 'Enter the reason the item is exempt']];
  if (values.exemptReason.length > 500)
    return [['exemptReason', 'The reason must be 500 characters or fewer']];
  return [];
}

/** The service's input, once confidentialityProblems found nothing; a reason is kept for exempt items only. */
export function confidentialityInput(values: ConfidentialityValues): {
  confidentiality: Confidentiality;
  exemptReason: string | null;
} {
  const confidentiality = confidentialitySchema.parse(values.confidentiality);
  return { confidentiality, exemptReason: confidentiality === 'exempt' ? values.exemptReason : null };
}
