// The one message between the worker and the offscreen document: not part of the pages'
// protocol (shared/protocol.ts), so no page handler ever sees it as a request it should answer.

export interface CleanRequest {
  siftOffscreen: 1;
  html: string;
  url: string;
  uiLang: string;
}

export function isCleanRequest(m: unknown): m is CleanRequest {
  const r = m as CleanRequest;
  return !!r && typeof r === 'object' && r.siftOffscreen === 1 && typeof r.html === 'string' && typeof r.url === 'string' && typeof r.uiLang === 'string';
}
