/* global document, window */
// Progressive enhancement for the run sheet: a button that opens the browser's print dialogue.
// Without JavaScript the button stays hidden and the browser's own print command does the same.
for (const button of document.querySelectorAll('[data-module="probity-print"]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
