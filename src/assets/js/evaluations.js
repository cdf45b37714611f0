/* global document, window, Event */
// Evaluations, progressive enhancement only: what someone types in answer to a question is
// kept in this tab (sessionStorage) as they type, so that it is not lost if their sign-in
// times out before they press the button. Once the server has their answer, the copy goes.
const form = document.querySelector('form[data-evaluation-draft]');
const answer = form?.querySelector('textarea[name="answer"]');

if (form && answer) {
  const key = `probity-evaluation-${form.dataset.evaluationDraft}`;
  const store = (() => {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  })();
  if (store) {
    const draft = store.getItem(key);
    if (answer.value.trim() !== '') {
      store.removeItem(key);
    } else if (draft) {
      answer.value = draft;
      answer.dispatchEvent(new Event('input', { bubbles: true }));
    }
    answer.addEventListener('input', () => {
      if (answer.value.trim() === '') store.removeItem(key);
      else store.setItem(key, answer.value);
    });
  }
}
