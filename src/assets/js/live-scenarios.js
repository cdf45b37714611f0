/* global document, window, fetch, DOMParser, EventSource */
// Live scenarios: the facilitator's projector view follows the answers as they come, without
// reloading. The server sends a `state` event (answers so far, stage) whenever it changes; while
// answers are taken only the count changes, and when the stage moves (from this screen or
// another) the page's content is fetched again and put in place. Without JavaScript, or without
// EventSource, the page's Refresh button does the same.

const root = document.querySelector('[data-live-events]');

function countText(n) {
  return `${n} ${n === 1 ? 'answer' : 'answers'}`;
}

async function reload(container) {
  const response = await fetch(window.location.href, {
    headers: { accept: 'text/html' },
    credentials: 'same-origin',
  });
  if (!response.ok) return null;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = doc.querySelector('.probity-live-projector');
  if (!fresh) return null;
  container.replaceChildren(
    ...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)),
  );
  container.dataset.liveStage = fresh.dataset.liveStage ?? '';
  return container.dataset.liveStage;
}

if (root && 'EventSource' in window) {
  let stage = root.dataset.liveStage;
  let reloading = false;
  let wanted = null;
  const source = new EventSource(root.dataset.liveEvents);

  const follow = async (state) => {
    if (state.stage !== stage) {
      wanted = state;
      if (reloading) return;
      reloading = true;
      try {
        while (wanted) {
          const target = wanted;
          wanted = null;
          const now = await reload(root);
          if (now) stage = now;
          if (stage === target.stage && target.stage === 'closed') source.close();
        }
      } finally {
        reloading = false;
      }
      return;
    }
    const count = root.querySelector('[data-live-count]');
    if (count) count.textContent = countText(state.answers);
  };

  source.addEventListener('state', (event) => {
    let state;
    try {
      state = JSON.parse(event.data);
    } catch {
      return;
    }
    void follow(state);
  });
  root.classList.add('probity-live-projector--live');
}
