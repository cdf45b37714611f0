export { done, refuse, type Actor, type Outcome, type Refusal } from '../../platform/outcome.js';

/** Today's date as 'YYYY-MM-DD', the way dates are stored. */
export { todayInEngland as today } from '../../db/current.js';
