/** Stable public URLs, in one place: the JSON, the feeds and the HTML pages all link with these. */
export const paths = {
  home: () => '/',
  board: (id: string) => `/boards/${id}`,
  boardActions: (id: string) => `/boards/${id}/actions`,
  meeting: (id: string) => `/meetings/${id}`,
  notes: (meetingId: string) => `/meetings/${meetingId}/notes`,
  notesVersion: (meetingId: string, n: number) => `/meetings/${meetingId}/notes/versions/${n}`,
  notesChanges: (meetingId: string, from: number, to: number) =>
    `/meetings/${meetingId}/notes/changes?from=${from}&to=${to}`,
  action: (id: string) => `/actions/${id}`,
  decisions: () => '/decisions',
  decision: (id: string) => `/decisions/${id}`,
  decisionVersion: (id: string, n: number) => `/decisions/${id}/versions/${n}`,
  decisionChanges: (id: string, from: number, to: number) => `/decisions/${id}/changes?from=${from}&to=${to}`,
  search: () => '/search',
  accessibility: () => '/accessibility',
  openData: () => '/open-data',
  atom: () => '/feeds/publications.atom',
  ics: () => '/feeds/meetings.ics',
};

export const api = {
  boards: () => '/public/v1/boards',
  board: (id: string) => `/public/v1/boards/${id}`,
  boardMeetings: (id: string) => `/public/v1/boards/${id}/meetings`,
  boardActions: (id: string) => `/public/v1/boards/${id}/actions`,
  meetings: () => '/public/v1/meetings',
  meeting: (id: string) => `/public/v1/meetings/${id}`,
  meetingAgenda: (id: string) => `/public/v1/meetings/${id}/agenda`,
  agendaItem: (id: string) => `/public/v1/agenda-items/${id}`,
  notesVersion: (meetingId: string, n: number) => `/public/v1/meetings/${meetingId}/notes/versions/${n}`,
  notesPdf: (meetingId: string, n: number) => `/public/v1/meetings/${meetingId}/notes/versions/${n}/pdf`,
  notesDiff: (meetingId: string, from: number, to: number) =>
    `/public/v1/meetings/${meetingId}/notes/diff?from=${from}&to=${to}`,
  paper: (id: string) => `/public/v1/papers/${id}`,
  action: (id: string) => `/public/v1/actions/${id}`,
  decisions: () => '/public/v1/decisions',
  decision: (id: string) => `/public/v1/decisions/${id}`,
  decisionVersion: (id: string, n: number) => `/public/v1/decisions/${id}/versions/${n}`,
  decisionPdf: (id: string, n: number) => `/public/v1/decisions/${id}/versions/${n}/pdf`,
  decisionDiff: (id: string, from: number, to: number) =>
    `/public/v1/decisions/${id}/diff?from=${from}&to=${to}`,
  search: () => '/public/v1/search',
  system: () => '/public/v1/system',
  bodies: () => '/public/v1/bodies',
  body: (id: string) => `/public/v1/bodies/${id}`,
  schema: (name: string) => `/public/v1/schema/${name}`,
};
