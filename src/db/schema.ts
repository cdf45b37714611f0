import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column: read as YYYY-MM-DD text (see database.ts), written as text. */
type DateOnly = ColumnType<string, string, string>;

export type AuthorityKind = 'principal' | 'parish' | 'town';
export type PersonKind =
  'member' | 'co-opted-member' | 'officer' | 'independent-person' | 'facilitator';

export interface AuthoritiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: AuthorityKind;
  parent_id: number | null;
  created_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<number>;
  authority_id: number;
  given_name: string;
  family_name: string;
  email: string | null;
  kind: PersonKind;
  job_title: string | null;
  department: string | null;
  statutory_roles: ColumnType<string[], string[] | undefined, string[]>;
  co_opted_voting: boolean | null;
  organisation_name: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  external_id: string | null;
  publish_email: Generated<boolean>;
}

export interface AreasTable {
  id: Generated<number>;
  authority_id: number;
  name: string;
  kind: Generated<string>;
  gss_code: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  authority_id: number;
  parent_id: number | null;
  name: string;
  classification: 'council' | 'political-group' | 'committee' | 'sub-committee' | 'outside-body';
  committee_type: string | null;
  training_required: Generated<boolean>;
  founded_on: DateOnly | null;
  dissolved_on: DateOnly | null;
}

export interface PostsTable {
  id: Generated<number>;
  organisation_id: number;
  area_id: number | null;
  label: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  post_id: number | null;
  role: Generated<'member' | 'chair' | 'vice-chair' | 'substitute' | 'leader' | 'whip'>;
  voting: Generated<boolean>;
  start_date: DateOnly;
  end_date: DateOnly | null;
  term_ends_on: DateOnly | null;
  end_reason: string | null;
}

export interface IndependentPersonAppointmentsTable {
  id: Generated<number>;
  person_id: number;
  authority_id: number;
  start_date: DateOnly;
  end_date: DateOnly;
  no_connection_declared: boolean;
  declared_on: DateOnly | null;
}

export interface PersonRolesTable {
  id: Generated<number>;
  person_id: number;
  role: string;
  organisation_id: number | null;
  granted_at: Generated<Date>;
}

export interface CredentialsTable {
  person_id: number;
  password_hash: string;
  password_set_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  person_id: number;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInThrottlesTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: number | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_person_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: ColumnType<AuditChanges, string, never>;
  request_id: string | null;
}

/** before/after of each changed field */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

export type CodeVersionStatus =
  'draft' | 'consultation' | 'agreed' | 'adopted' | 'in-force' | 'superseded' | 'withdrawn';
export type CodeItemKind = 'section' | 'paragraph' | 'appendix';
export type CodeItemOrigin = 'model' | 'local';

export interface CodeVersionsTable {
  id: Generated<number>;
  authority_id: number;
  number: number;
  title: string;
  status: Generated<CodeVersionStatus>;
  based_on_version_id: number | null;
  change_summary: string | null;
  /** the gifts and hospitality threshold, in pence (the model code: 5000) */
  gifts_threshold_pence: Generated<number>;
  /** days a member has to register a gift or hospitality (the model code: 28) */
  gifts_registration_days: Generated<number>;
  register_refused_offers: Generated<boolean>;
  /** members must take part in the code of conduct training the council provides */
  training_required: Generated<boolean>;
  /** co-opted members without a vote must sign off too (by default they need not) */
  non_voting_co_opted_sign: Generated<boolean>;
  consultation_opened_on: DateOnly | null;
  consultation_closes_on: DateOnly | null;
  agreed_on: DateOnly | null;
  agreed_by_organisation_id: number | null;
  agreed_minute: string | null;
  adopted_on: DateOnly | null;
  adopted_minute: string | null;
  in_force_from: DateOnly | null;
  superseded_on: DateOnly | null;
  withdrawn_on: DateOnly | null;
  /** the committee's resolution that agreed this version (migration 0007) */
  agreed_resolution_id: number | null;
  /** full Council's resolution that adopted it (migration 0007) */
  adopted_resolution_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CodeItemsTable {
  id: Generated<number>;
  version_id: number;
  position: number;
  kind: CodeItemKind;
  /** 0 for sections and appendices; 1 for a paragraph (2.3), 2 for a sub-paragraph (2.3(a)) */
  depth: number;
  number: string;
  anchor: string;
  heading: string | null;
  body: string | null;
  origin: Generated<CodeItemOrigin>;
  lineage: Generated<string>;
}

export interface CodeConsultationCommentsTable {
  id: Generated<number>;
  version_id: number;
  consultee: string;
  organisation: string | null;
  received_on: DateOnly;
  comment: string;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CodeReviewsTable {
  id: Generated<number>;
  authority_id: number;
  version_id: number;
  reviewed_on: DateOnly;
  outcome: 'no-change' | 'new-draft';
  notes: string | null;
  new_version_id: number | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CodeSignOffsTable {
  id: Generated<number>;
  version_id: number;
  person_id: number;
  signed_on: DateOnly;
  method: 'online' | 'paper';
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CodeImportsTable {
  id: Generated<number>;
  authority_id: number;
  file_name: string;
  format: 'docx' | 'markdown';
  /** what the import found: the items it placed and the problems it met */
  parsed: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
  version_id: number | null;
}

export interface ImplicationTypesTable {
  id: Generated<number>;
  authority_id: number;
  key: string;
  label: string;
  position: number;
  needs_clearance: Generated<boolean>;
  retired_on: DateOnly | null;
}

export interface HouseStyleWordsTable {
  id: Generated<number>;
  authority_id: number;
  /** a word or phrase to look for, matched as whole words, case-insensitively */
  pattern: string;
  advice: string;
}

export type ReportStatus = 'draft' | 'published' | 'withdrawn';

export interface ReportsTable {
  id: Generated<number>;
  authority_id: number;
  /** the committee (or full Council) the report goes to */
  committee_id: number | null;
  title: string;
  /** the role the report is of, e.g. "Monitoring Officer" */
  report_of: Generated<string>;
  report_date: DateOnly | null;
  summary: Generated<string>;
  background_papers: Generated<string>;
  category: Generated<'open' | 'exempt'>;
  /** the paragraph of Schedule 12A to the Local Government Act 1972 (1-7) for an exempt report */
  exempt_paragraph: number | null;
  portfolio_member_id: number | null;
  portfolio_title: string | null;
  reserved_for_council: Generated<boolean>;
  press_release: Generated<boolean>;
  areas_affected: Generated<string>;
  status: Generated<ReportStatus>;
  published_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportAuthorsTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  person_id: number | null;
  name: string;
}

export interface ReportRecommendationsTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  text: string;
  /** a code version this recommendation asks the committee to agree or full Council to adopt */
  code_version_id: number | null;
  /** a Member Development Programme this recommendation asks the committee to approve (0011) */
  programme_id: Generated<number | null>;
  lineage: Generated<string>;
}

export interface ReportItemsTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  /** 0 for a section (1.0), 1 for a paragraph (1.1), 2 for a sub-paragraph (3.2.1) */
  depth: number;
  number: string;
  heading: string | null;
  body: string | null;
  lineage: Generated<string>;
}

export interface ReportImplicationsTable {
  id: Generated<number>;
  report_id: number;
  implication_type_id: number;
  answer: 'yes' | 'no' | null;
  statement: Generated<string>;
}

export type ClearanceStatus = 'pending' | 'cleared' | 'returned' | 'withdrawn';

export interface ClearancesTable {
  id: Generated<number>;
  report_implication_id: number;
  officer_id: number;
  requested_by: number | null;
  requested_at: Generated<Date>;
  status: Generated<ClearanceStatus>;
  decided_at: Date | null;
  comment: string | null;
  /** what was asked to be cleared: the report's substance and the implication's statement */
  snapshot: ColumnType<unknown, string, string>;
  snapshot_digest: string;
}

export interface ReportFilesTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface ReportAppendicesTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  title: string;
  kind: 'code-version' | 'code-comparison' | 'file' | 'programme';
  code_version_id: number | null;
  compare_version_id: number | null;
  file_id: number | null;
  /** a Member Development Programme appended whole (kind 'programme', since 0014) */
  programme_id: number | null;
}

export interface MeetingsTable {
  id: Generated<number>;
  /** a committee, sub-committee, or the council itself (a meeting of full Council) */
  organisation_id: number;
  starts_at: Timestamp;
  ends_at: Date | null;
  venue: Generated<string>;
  status: Generated<'scheduled' | 'held' | 'cancelled'>;
  agenda_published_at: Date | null;
  minutes_published_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  report_id: number | null;
}

export type ResolutionOutcome = 'agreed' | 'agreed-as-amended' | 'not-agreed' | 'deferred';

export interface ResolutionsTable {
  id: Generated<number>;
  agenda_item_id: number;
  recommendation_id: number;
  outcome: ResolutionOutcome;
  amended_text: string | null;
  minute_reference: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  status: 'present' | 'apologies' | 'absent';
  substitute_for: number | null;
}

export interface MeetingDeclarationsTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  person_id: number;
  declaration: string;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

// Member Development Programme (migration 0010).
export type ProgrammeStatus = 'draft' | 'approved' | 'running' | 'closed';
export type CourseFormat = 'workshop' | 'briefing' | 'e-learning' | 'induction-module';
export type CourseAudience =
  'political-group' | 'all-members' | 'committee' | 'officers' | 'parish-councillors';
export type SessionStatus = 'planned' | 'confirmed' | 'cancelled' | 'held';
export type AttendanceStatus = 'attended' | 'late' | 'left-early' | 'apologies' | 'absent';
export type InvitationResponse = 'attending' | 'not-attending' | 'tentative';

export interface ProgrammesTable {
  id: Generated<number>;
  authority_id: number;
  title: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  status: Generated<ProgrammeStatus>;
  approved_on: DateOnly | null;
  /** the Monitoring Officer's reference when no committee decision approved it */
  approval_reference: string | null;
  approved_resolution_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CoursesTable {
  id: Generated<number>;
  programme_id: number;
  position: number;
  title: string;
  /** one purpose per line */
  purposes: Generated<string>;
  format: CourseFormat;
  duration_minutes: number;
  provider: Generated<string>;
  audience: CourseAudience;
  /** the committee, when the audience is a committee */
  audience_organisation_id: number | null;
  /** what compliance rules match, e.g. code-of-conduct, planning */
  topic: string | null;
  mandatory: Generated<boolean>;
  /** paragraph numbers of the code in force that the course covers, e.g. 3.1 */
  code_paragraphs: ColumnType<string[], string[] | undefined, string[]>;
  /** the workshop plan the course follows (migration 0012) */
  workshop_plan_id: Generated<number | null>;
}

export interface TrainingSessionsTable {
  id: Generated<number>;
  course_id: number;
  /** the political group, for a group's own session */
  group_id: number | null;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  venue: Generated<string>;
  online_url: string | null;
  capacity: number | null;
  minimum_numbers: number | null;
  status: Generated<SessionStatus>;
  /** an officers' session that complements this members' session */
  complements_session_id: number | null;
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
  /** why it was confirmed for a group without its whip's agreement */
  override_reason: string | null;
  /** iCalendar SEQUENCE: up by one with each change sent to those invited */
  sequence: Generated<number>;
  /** six letters and digits for self-registration during the session */
  attendance_code: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionFacilitatorsTable {
  session_id: number;
  person_id: number;
  /** e.g. member peer, independent Monitoring Officer */
  role: Generated<string>;
}

export interface SessionDateProposalsTable {
  id: Generated<number>;
  session_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  proposed_by: number;
  by_whip: boolean;
  note: Generated<string>;
  status: Generated<'open' | 'accepted' | 'declined' | 'withdrawn'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
  created_at: Generated<Date>;
}

export interface TopicProposalsTable {
  id: Generated<number>;
  programme_id: number;
  group_id: number;
  proposed_by: number;
  topic: string;
  reason: string;
  status: Generated<'open' | 'accepted' | 'merged' | 'declined'>;
  reply: Generated<string>;
  course_id: number | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface LiaisonMeetingsTable {
  id: Generated<number>;
  authority_id: number;
  held_on: DateOnly;
  notes: Generated<string>;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export interface LiaisonMeetingAttendeesTable {
  meeting_id: number;
  person_id: number;
}

export interface SessionInvitationsTable {
  session_id: number;
  person_id: number;
  required: boolean;
  invited_at: Generated<Date>;
  response: InvitationResponse | null;
  response_reason: Generated<string>;
  responded_at: Timestamp | null;
  /** the session's sequence last sent to this person; null until the invitation is sent */
  sent_sequence: number | null;
  week_reminder_at: Timestamp | null;
  day_reminder_at: Timestamp | null;
}

export interface AttendanceTable {
  session_id: number;
  person_id: number;
  status: AttendanceStatus;
  self_registered: Generated<boolean>;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
  /** when the attendee was asked to evaluate the session (migration 0012) */
  evaluation_requested_at: Generated<Timestamp | null>;
}

export interface CalendarFeedsTable {
  person_id: number;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface ComplianceRulesTable {
  id: Generated<number>;
  authority_id: number;
  name: string;
  topic: string;
  kind: 'within-months' | 'before-sitting';
  within_months: number | null;
  committee_id: number | null;
  created_at: Generated<Date>;
}

// Learning content: workshop plans, scenarios, evaluations (migration 0012).
export type ScenarioTopic =
  | 'respect'
  | 'bullying'
  | 'officer-impartiality'
  | 'confidentiality'
  | 'disrepute'
  | 'use-of-position'
  | 'interests'
  | 'gifts'
  | 'social-media'
  | 'elections-and-politics';
export type LiveStage = 'answering' | 'tally' | 'model-answer' | 'closed';

export interface WorkshopPlansTable {
  id: Generated<number>;
  authority_id: number;
  title: string;
  /** one purpose per line */
  purposes: Generated<string>;
  duration_minutes: number;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WorkshopAgendaItemsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  title: string;
  minutes: number;
  facilitator_notes: Generated<string>;
  materials: Generated<string>;
}

export interface WorkshopExamplesTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  kind: 'acceptable' | 'unacceptable';
  text: string;
}

export interface WorkshopSourcesTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  title: string;
  publisher: Generated<string>;
  url: string | null;
}

/** A link to a code paragraph: its anchor and lineage, and its text's digest, when linked. */
export interface ParagraphLinksTable {
  anchor: string;
  lineage: string;
  code_version_id: number;
  digest: string;
}

export interface ScenariosTable {
  id: Generated<number>;
  authority_id: number;
  title: string;
  situation: string;
  topics: ColumnType<ScenarioTopic[], ScenarioTopic[] | undefined, ScenarioTopic[]>;
  /** the model answer to "acceptable or not?" */
  acceptable: boolean;
  /** "what should the member do now?" is answered by choosing, or in a short text */
  next_step_kind: Generated<'choice' | 'text'>;
  model_answer: string;
  explanation: Generated<string>;
  status: Generated<'draft' | 'published' | 'retired'>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ScenarioChoicesTable {
  id: Generated<number>;
  scenario_id: number;
  position: number;
  text: string;
  correct: Generated<boolean>;
  feedback: Generated<string>;
}

export interface ScenarioSetsTable {
  id: Generated<number>;
  authority_id: number;
  title: string;
  description: Generated<string>;
  /** completing the set counts as completing this course (its topic, for compliance) */
  counts_towards_course_id: number | null;
  published: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ScenarioSetItemsTable {
  set_id: number;
  scenario_id: number;
  position: number;
}

/** One person's answer to a scenario's three questions. */
export interface ScenarioAnswerColumns {
  person_id: number;
  acceptable: boolean;
  /** anchors of the paragraphs the person said were engaged */
  anchors: ColumnType<string[], string[] | undefined, string[]>;
  choice_id: number | null;
  next_step_text: Generated<string>;
  answered_at: Generated<Date>;
}

export interface ScenarioSetCompletionsTable {
  set_id: number;
  person_id: number;
  completed_at: Generated<Date>;
}

export interface LiveScenariosTable {
  id: Generated<number>;
  session_id: number;
  scenario_id: number;
  stage: Generated<LiveStage>;
  opened_by: number | null;
  opened_at: Generated<Date>;
  closed_at: Timestamp | null;
}

export interface EvaluationQuestionsTable {
  id: Generated<number>;
  course_id: number;
  position: number;
  kind: 'rating' | 'text';
  prompt: string;
  required: Generated<boolean>;
  /** kept for earlier responses, no longer asked */
  retired: Generated<boolean>;
}

export interface EvaluationResponsesTable {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  started_at: Generated<Date>;
  submitted_at: Timestamp | null;
}

export interface EvaluationAnswersTable {
  response_id: number;
  question_id: number;
  /** 1 (poor) to 5 (excellent), for a rating question */
  rating: number | null;
  text: string | null;
}

export interface OutboxAttachmentsTable {
  id: Generated<number>;
  outbox_id: number;
  file_name: string;
  content_type: string;
  content: Buffer;
}

export interface Database {
  authorities: AuthoritiesTable;
  people: PeopleTable;
  areas: AreasTable;
  organisations: OrganisationsTable;
  posts: PostsTable;
  memberships: MembershipsTable;
  independent_person_appointments: IndependentPersonAppointmentsTable;
  person_roles: PersonRolesTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  code_versions: CodeVersionsTable;
  code_items: CodeItemsTable;
  code_consultation_comments: CodeConsultationCommentsTable;
  code_reviews: CodeReviewsTable;
  code_sign_offs: CodeSignOffsTable;
  code_imports: CodeImportsTable;
  implication_types: ImplicationTypesTable;
  house_style_words: HouseStyleWordsTable;
  reports: ReportsTable;
  report_authors: ReportAuthorsTable;
  report_recommendations: ReportRecommendationsTable;
  report_items: ReportItemsTable;
  report_implications: ReportImplicationsTable;
  clearances: ClearancesTable;
  report_files: ReportFilesTable;
  report_appendices: ReportAppendicesTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  resolutions: ResolutionsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_declarations: MeetingDeclarationsTable;
  programmes: ProgrammesTable;
  courses: CoursesTable;
  training_sessions: TrainingSessionsTable;
  session_facilitators: SessionFacilitatorsTable;
  session_date_proposals: SessionDateProposalsTable;
  topic_proposals: TopicProposalsTable;
  liaison_meetings: LiaisonMeetingsTable;
  liaison_meeting_attendees: LiaisonMeetingAttendeesTable;
  session_invitations: SessionInvitationsTable;
  attendance: AttendanceTable;
  calendar_feeds: CalendarFeedsTable;
  compliance_rules: ComplianceRulesTable;
  outbox_attachments: OutboxAttachmentsTable;
  workshop_plans: WorkshopPlansTable;
  workshop_agenda_items: WorkshopAgendaItemsTable;
  workshop_examples: WorkshopExamplesTable;
  workshop_sources: WorkshopSourcesTable;
  workshop_paragraphs: ParagraphLinksTable & { plan_id: number };
  scenarios: ScenariosTable;
  scenario_paragraphs: ParagraphLinksTable & { scenario_id: number };
  scenario_choices: ScenarioChoicesTable;
  scenario_sets: ScenarioSetsTable;
  scenario_set_items: ScenarioSetItemsTable;
  self_study_answers: ScenarioAnswerColumns & { set_id: number; scenario_id: number };
  scenario_set_completions: ScenarioSetCompletionsTable;
  live_scenarios: LiveScenariosTable;
  live_answers: ScenarioAnswerColumns & { live_scenario_id: number };
  evaluation_questions: EvaluationQuestionsTable;
  evaluation_responses: EvaluationResponsesTable;
  evaluation_answers: EvaluationAnswersTable;
}

export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type Authority = Selectable<AuthoritiesTable>;
