// The parts every order of the school shares: its name at the top, the place and date line, the
// head's signature and the «ознакомлены» block for the curators.
import { type Block, heading, paragraph, right, signature } from './docx.ts';
import { initialsName, type SchoolData } from './school-data.ts';

/** The school's name, «ПРИКАЗ» and the line for the date and the number, as a school's order begins. */
export function orderHeader(data: SchoolData, title: string, number = '____', date = '«___» ____________ 20__ г.'): Block[] {
  return [
    heading(data.school.name),
    heading('ПРИКАЗ'),
    paragraph(`${date}${' '.repeat(8)}№ ${number}${data.school.city ? `${' '.repeat(8)}г. ${data.school.city}` : ''}`, { indent: false }),
    heading(title),
  ];
}

export function headSignature(data: SchoolData): Block {
  return signature(data.head?.position ?? 'Директор', data.head ? initialsName(data.head) : '________________');
}

/** «С приказом ознакомлены:» and a line per curator. */
export function acquainted(data: SchoolData): Block[] {
  return [
    paragraph('С приказом ознакомлены:', { indent: false }),
    ...data.curators.map((c) => paragraph(`${initialsName(c)} ____________ «___» ____________ 20__ г.`, { indent: false })),
  ];
}

/** «УТВЕРЖДЕНО приказом директора …» in the top right corner of an appendix. */
export function approvedBy(data: SchoolData): Block[] {
  return [
    right('УТВЕРЖДЕНО'),
    right(`приказом директора ${data.school.short_name ?? data.school.name}`),
    right('от «___» ________ 20__ г. № ____'),
  ];
}
