// The catalog's pairing rules, per form and role model (keys as in catalog_role_models). This is data:
// a school adds a role model or changes points by adding entries built from the same checks, and
// a curator changes points through weights (scoring.ts) without touching the catalog.

export type PersonKind = 'student' | 'staff' | 'external';

/** What a rule looks at. Every check is implemented once, in scoring.ts. */
export type RuleCheck =
  /** Who may be on each side (e.g. both students for ученик – ученик). */
  | { check: 'kinds'; mentor: PersonKind[]; mentee: PersonKind[] }
  /** The mentor's grade minus the mentee's is within [min, max]: older (1…11), or peers (−1…1). */
  | { check: 'grade_gap'; min: number; max: number }
  /** The mentor is strong in subjects the mentee is weak in; points scale with the share covered. */
  | { check: 'strong_where_weak' }
  /** The mentor teaches a subject the mentee is strong (talent) or weak (catching up) in. */
  | { check: 'teaches_mentee_subject'; mentee: 'strong' | 'weak' }
  /** Both teach a common subject. */
  | { check: 'shared_subject' }
  /** The mentor has at least `years` more experience. */
  | { check: 'experience_gap'; years: number }
  /** The mentee has at most `years` of experience (a young specialist). */
  | { check: 'mentee_experience_at_most'; years: number }
  /** A portrait tag from the stage 2–3 questionnaires: leader, passive, new_student, talented… */
  | { check: 'tag'; side: 'mentor' | 'mentee'; tag: string };

export interface MatchingRule {
  /** Stable key: reasons name it, weights override its points. */
  key: string;
  rule: RuleCheck;
  /** Points when the rule holds (the default weight). */
  points: number;
  /** A required rule that fails rules the pair out instead of scoring 0. */
  required?: boolean;
}

export interface RoleModelRules {
  form: string;
  roleModel: string;
  rules: MatchingRule[];
}

const students: MatchingRule = {
  key: 'both_students',
  rule: { check: 'kinds', mentor: ['student'], mentee: ['student'] },
  points: 0,
  required: true,
};
const teachers: MatchingRule = {
  key: 'both_teachers',
  rule: { check: 'kinds', mentor: ['staff'], mentee: ['staff'] },
  points: 0,
  required: true,
};
const teacherAndStudent: MatchingRule = {
  key: 'teacher_and_student',
  rule: { check: 'kinds', mentor: ['staff'], mentee: ['student'] },
  points: 0,
  required: true,
};
const collegeStudentAndPupil: MatchingRule = {
  key: 'college_student_and_pupil',
  rule: { check: 'kinds', mentor: ['external'], mentee: ['student'] },
  points: 0,
  required: true,
};
const employerAndPupil: MatchingRule = {
  key: 'employer_and_pupil',
  rule: { check: 'kinds', mentor: ['external', 'staff'], mentee: ['student'] },
  points: 0,
  required: true,
};
const employerAndStudent: MatchingRule = {
  key: 'employer_and_student',
  rule: { check: 'kinds', mentor: ['external', 'staff'], mentee: ['student', 'external'] },
  points: 0,
  required: true,
};
const olderGrade: MatchingRule = { key: 'mentor_older_grade', rule: { check: 'grade_gap', min: 1, max: 11 }, points: 10, required: true };
/** Close in age talk more easily: one to three grades apart. */
const nearGrade: MatchingRule = { key: 'grades_close', rule: { check: 'grade_gap', min: 1, max: 3 }, points: 15 };
const realExperienceGap: MatchingRule = { key: 'experience_gap', rule: { check: 'experience_gap', years: 5 }, points: 30, required: true };
const youngSpecialist: MatchingRule = {
  key: 'mentee_young_specialist',
  rule: { check: 'mentee_experience_at_most', years: 3 },
  points: 0,
  required: true,
};

export const matchingRules: RoleModelRules[] = [
  {
    form: 'student_student',
    roleModel: 'achieving_underachieving',
    rules: [
      students,
      olderGrade,
      nearGrade,
      { key: 'strong_where_weak', rule: { check: 'strong_where_weak' }, points: 60, required: true },
    ],
  },
  {
    form: 'student_student',
    roleModel: 'leader_passive',
    rules: [
      students,
      olderGrade,
      nearGrade,
      { key: 'mentor_leader', rule: { check: 'tag', side: 'mentor', tag: 'leader' }, points: 40, required: true },
      { key: 'mentee_passive', rule: { check: 'tag', side: 'mentee', tag: 'passive' }, points: 30 },
    ],
  },
  {
    form: 'student_student',
    roleModel: 'peer_to_peer',
    rules: [
      students,
      { key: 'same_or_adjacent_grade', rule: { check: 'grade_gap', min: -1, max: 1 }, points: 20, required: true },
      { key: 'same_grade', rule: { check: 'grade_gap', min: 0, max: 0 }, points: 10 },
      { key: 'strong_where_weak', rule: { check: 'strong_where_weak' }, points: 40 },
    ],
  },
  {
    form: 'student_student',
    roleModel: 'adapted_unadapted',
    rules: [
      students,
      { key: 'same_or_adjacent_grade', rule: { check: 'grade_gap', min: -1, max: 1 }, points: 20, required: true },
      { key: 'mentee_new_student', rule: { check: 'tag', side: 'mentee', tag: 'new_student' }, points: 40 },
    ],
  },
  {
    form: 'teacher_teacher',
    roleModel: 'experienced_young_specialist',
    rules: [teachers, youngSpecialist, realExperienceGap, { key: 'same_subject', rule: { check: 'shared_subject' }, points: 40 }],
  },
  {
    form: 'teacher_teacher',
    roleModel: 'experienced_homeroom_young_specialist',
    rules: [
      teachers,
      youngSpecialist,
      realExperienceGap,
      { key: 'mentor_homeroom_teacher', rule: { check: 'tag', side: 'mentor', tag: 'homeroom_teacher' }, points: 40, required: true },
    ],
  },
  {
    form: 'teacher_teacher',
    roleModel: 'experienced_inexperienced_subject',
    rules: [teachers, realExperienceGap, { key: 'same_subject', rule: { check: 'shared_subject' }, points: 50, required: true }],
  },
  {
    form: 'teacher_student',
    roleModel: 'teacher_talented_student',
    rules: [
      teacherAndStudent,
      { key: 'mentee_talented', rule: { check: 'tag', side: 'mentee', tag: 'talented' }, points: 30 },
      { key: 'teaches_strong_subject', rule: { check: 'teaches_mentee_subject', mentee: 'strong' }, points: 50, required: true },
    ],
  },
  {
    form: 'teacher_student',
    roleModel: 'teacher_underachieving_student',
    rules: [
      teacherAndStudent,
      { key: 'teaches_weak_subject', rule: { check: 'teaches_mentee_subject', mentee: 'weak' }, points: 60, required: true },
    ],
  },
  {
    form: 'teacher_teacher',
    roleModel: 'community_leader_struggling',
    rules: [
      teachers,
      realExperienceGap,
      { key: 'mentor_leader', rule: { check: 'tag', side: 'mentor', tag: 'leader' }, points: 40, required: true },
      { key: 'same_subject', rule: { check: 'shared_subject' }, points: 20 },
    ],
  },
  {
    form: 'teacher_teacher',
    roleModel: 'innovator_conservative',
    rules: [
      teachers,
      { key: 'mentor_innovator', rule: { check: 'tag', side: 'mentor', tag: 'innovator' }, points: 40, required: true },
      { key: 'same_subject', rule: { check: 'shared_subject' }, points: 20 },
    ],
  },
  {
    form: 'teacher_student',
    roleModel: 'teacher_student_in_difficulty',
    rules: [
      teacherAndStudent,
      { key: 'mentee_in_difficulty', rule: { check: 'tag', side: 'mentee', tag: 'in_difficulty' }, points: 40 },
      { key: 'teaches_weak_subject', rule: { check: 'teaches_mentee_subject', mentee: 'weak' }, points: 20 },
    ],
  },
  // Студент – ученик: a college or university student (an outsider to the school) and a pupil.
  {
    form: 'college_student_pupil',
    roleModel: 'achieving_underachieving',
    rules: [collegeStudentAndPupil, { key: 'strong_where_weak', rule: { check: 'strong_where_weak' }, points: 60, required: true }],
  },
  {
    form: 'college_student_pupil',
    roleModel: 'leader_indifferent',
    rules: [
      collegeStudentAndPupil,
      { key: 'mentor_leader', rule: { check: 'tag', side: 'mentor', tag: 'leader' }, points: 40, required: true },
      { key: 'mentee_passive', rule: { check: 'tag', side: 'mentee', tag: 'passive' }, points: 30 },
    ],
  },
  {
    form: 'college_student_pupil',
    roleModel: 'peer_to_other',
    rules: [collegeStudentAndPupil, { key: 'strong_where_weak', rule: { check: 'strong_where_weak' }, points: 40 }],
  },
  // Работодатель – ученик / студент: a professional of a partner organisation and a pupil or student.
  ...(['employer_pupil', 'employer_student'] as const).flatMap((form): RoleModelRules[] => {
    const sides = form === 'employer_pupil' ? employerAndPupil : employerAndStudent;
    return [
      {
        form,
        roleModel: 'professional_indifferent_consumer',
        rules: [sides, { key: 'mentee_passive', rule: { check: 'tag', side: 'mentee', tag: 'passive' }, points: 30 }],
      },
      {
        form,
        roleModel: 'colleague_young_colleague',
        rules: [sides, { key: 'strong_where_weak', rule: { check: 'strong_where_weak' }, points: 40 }],
      },
      {
        form,
        roleModel: 'employer_future_employee',
        rules: [sides, { key: 'mentee_career_interest', rule: { check: 'tag', side: 'mentee', tag: 'career_interest' }, points: 40 }],
      },
    ];
  }),
];

/** The rules of one role model, from the national catalog or a school's own list. */
export function rulesFor(form: string, roleModel: string, catalog: readonly RoleModelRules[] = matchingRules): RoleModelRules | undefined {
  return catalog.find((entry) => entry.form === form && entry.roleModel === roleModel);
}
