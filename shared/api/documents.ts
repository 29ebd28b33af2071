// The school's documents, generated as DOCX from its own data (stage 1: the order introducing the
// target model, the regulation, the roadmap; stage 2: a guardian's consent form per child; stage 5:
// the order fixing the pairs).
import { z } from 'zod';
import { id } from './common.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const programmeDocuments = ['order_introducing_model', 'programme_regulation', 'roadmap', 'pairs_order'] as const;
export type ProgrammeDocument = (typeof programmeDocuments)[number];
export const programmeDocumentParams = z.object({ id, document: z.enum(programmeDocuments) }).strict();
