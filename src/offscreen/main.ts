import browser from 'webextension-polyfill';
import { cleanPage } from './clean.ts';
import { isCleanRequest } from '../background/capture/clean-message.ts';

// Chrome's offscreen document (reason DOM_PARSER): a service worker has no DOMParser, so the
// worker hands each fetched page here to be cleaned. Answers only the extension itself.
browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isCleanRequest(msg) || sender.id !== browser.runtime.id) return undefined;
  return Promise.resolve(cleanPage(msg.html, msg.url, msg.uiLang));
});
