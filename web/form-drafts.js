// vanban web form — drafts and undo. Each document has its own draft (a tab keeps the id
// of its document in sessionStorage, so two tabs never write over each other), listed
// in "Bản nháp"; block edits (add, delete, move, paste a table…) can be undone with
// Ctrl+Z or the "Hoàn tác" button.
'use strict';

import { toJson, parseJson } from './form-util.js';

const PREFIX = 'vanban.draft.';
const LEGACY = 'vanban.draft';
const TAB_KEY = 'vanban.draftId';

function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export const drafts = {
  id: '',
  dirty: false,  // nothing is saved until the clerk changes something

  // Picks this tab's document: the one it had before a reload, unless another open tab
  // has it (a duplicated tab copies sessionStorage) — then a copy under a new id.
  async start() {
    try {
      const legacy = localStorage.getItem(LEGACY);
      if (legacy) {
        const id = newId();
        localStorage.setItem(PREFIX + id, toJson({ id, saved: new Date().toISOString(), doc: legacy }));
        localStorage.removeItem(LEGACY);
      }
    } catch (e) { /* no storage */ }
    let id = '';
    try { id = sessionStorage.getItem(TAB_KEY) || ''; } catch (e) { /* no storage */ }
    if (id && await this.takenElsewhere(id)) id = '';
    const doc = id ? this.load(id) : null;
    this.use(doc ? id : newId());
    this.dirty = false;
    return doc;
  },

  channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('vanban-drafts') : null,

  takenElsewhere(id) {
    if (!this.channel) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onMessage = (e) => { if (e.data && e.data.type === 'mine' && e.data.id === id) { this.channel.removeEventListener('message', onMessage); resolve(true); } };
      this.channel.addEventListener('message', onMessage);
      this.channel.postMessage({ type: 'who', id });
      setTimeout(() => { this.channel.removeEventListener('message', onMessage); resolve(false); }, 150);
    });
  },

  use(id) {
    this.id = id;
    try { sessionStorage.setItem(TAB_KEY, id); } catch (e) { /* no storage */ }
  },

  fresh() { this.use(newId()); this.dirty = false; },

  save(doc) {
    if (!this.dirty) return;
    try {
      localStorage.setItem(PREFIX + this.id, toJson({ id: this.id, saved: new Date().toISOString(), doc: toJson(doc) }));
    } catch (e) { /* storage full or off: the file can still be saved */ }
  },

  load(id) {
    try {
      const entry = JSON.parse(localStorage.getItem(PREFIX + id) || 'null');
      const doc = entry && parseJson(entry.doc);
      return doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : null;
    } catch (e) { return null; }
  },

  remove(id) { try { localStorage.removeItem(PREFIX + id); } catch (e) { /* no storage */ } },

  // [{id, saved, subject, template}], newest first.
  list() {
    const out = [];
    try {
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (!key || !key.startsWith(PREFIX)) continue;
        try {
          const entry = JSON.parse(localStorage.getItem(key));
          const doc = JSON.parse(entry.doc);
          out.push({ id: entry.id, saved: entry.saved, subject: doc.subject || '', template: doc.template || '', issuer: (doc.issuer && doc.issuer.name) || '' });
        } catch (e) { /* a broken entry is skipped */ }
      }
    } catch (e) { /* no storage */ }
    return out.sort((a, b) => (a.saved < b.saved ? 1 : -1));
  },
};

if (drafts.channel) {
  drafts.channel.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'who' && e.data.id === drafts.id) drafts.channel.postMessage({ type: 'mine', id: drafts.id });
  });
}

// ---------- undo ----------

export const undo = {
  past: [],    // [{json, label}]
  future: [],
  lastWasBlock: false,  // the newest edit was a block edit (not typing): Ctrl+Z undoes it

  record(json, label) {
    this.past.push({ json, label });
    if (this.past.length > 100) this.past.shift();
    this.future = [];
    this.lastWasBlock = true;
  },

  // Returns the state to restore (and keeps `current` for redo), or null.
  back(current) {
    const s = this.past.pop();
    if (!s) return null;
    this.future.push({ json: current, label: s.label });
    return s;
  },

  forward(current) {
    const s = this.future.pop();
    if (!s) return null;
    this.past.push({ json: current, label: s.label });
    return s;
  },
};
