// The words the overlay shows inside a journal page (badges, the launcher, the notice, the panel
// frame's title), apart from the rest: the content script carries only these, not every screen's
// text (ru.ts and en.ts include them, so every other surface has one dictionary).
export const pageRu = {
  'role.mentor': 'Наставник',
  'role.mentee': 'Наставляемый',
  'role.mentee.f': 'Наставляемая',
  'badge.ambiguous': 'Несколько совпадений — уточните у куратора',
  'panel.title': 'Наставничество',
  'curator.launcher': 'Программа наставничества',
  'curator.title': 'Программа наставничества',
  'notice.offline': 'Наставник: сервер недоступен, отметки не показаны',
  'notice.offlineCached': 'Наставник: сервер недоступен, отметки — по последним данным',
  'notice.close': 'Скрыть',
} as const;

export type PageKey = keyof typeof pageRu;

export const pageEn: Record<PageKey, string> = {
  'role.mentor': 'Mentor',
  'role.mentee': 'Mentee',
  'role.mentee.f': 'Mentee',
  'badge.ambiguous': 'Several people match — ask the curator',
  'panel.title': 'Mentoring',
  'curator.launcher': 'Mentoring programme',
  'curator.title': 'Mentoring programme',
  'notice.offline': 'Nastavnik: server unreachable, no marks shown',
  'notice.offlineCached': 'Nastavnik: server unreachable, marks as last known',
  'notice.close': 'Hide',
};
