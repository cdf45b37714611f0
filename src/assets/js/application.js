// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/javascripts/govuk-frontend.min.js';

initAll();
