import type { Generated } from 'kysely';

/** Table shapes as stored. Timestamps are ISO-8601 UTC text so they sort the same in SQLite and PostgreSQL. */
export interface Database {
  meta: { key: string; value: string };
  queues: { id: string; name: string; tier: number; created_at: string };
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    role: string;
    tier: number;
    locale: string;
    time_zone: string;
    created_at: string;
  };
  queue_members: { queue_id: string; user_id: string };
  sessions: { token_hash: string; user_id: string; created_at: string; expires_at: string };
  tickets: {
    id: string;
    number: number;
    subject: string;
    requester_name: string;
    requester_email: string;
    channel: string;
    priority: string;
    customer_tier: string;
    type: string;
    status: string;
    queue_id: string;
    assignee_id: string | null;
    created_at: string;
    updated_at: string;
    first_responded_at: string | null;
    solved_at: string | null;
    sla_json: string | null;
    sla_wake_at: string | null;
    /** JSON array of the ticket's tags; '[]' for none. */
    tags_json: string;
  };
  messages: {
    id: string;
    ticket_id: string;
    author_kind: string;
    author_name: string;
    body: string;
    is_public: number;
    created_at: string;
    written_at: string | null;
    meta_json: string | null;
  };
  macros: { id: string; title: string; body: string; locale: string; owner_id: string | null; actions_json: string; updated_at: string };
  articles: { id: string; title: string; body: string; locale: string; is_public: number; version: number; updated_at: string };
  article_versions: {
    article_id: string;
    version: number;
    title: string;
    body: string;
    locale: string;
    is_public: number;
    author_id: string | null;
    author_name: string;
    note: string;
    created_at: string;
  };
  sla_policies: { version: number; document: string; reason: string; created_by: string | null; created_at: string };
  ticket_events: { id: string; ticket_id: string; kind: string; at: string; actor: string | null; data_json: string };
  changes: {
    seq: Generated<number>;
    scope: string;
    entity: string;
    row_id: string;
    op: string;
    row_json: string | null;
    created_at: string;
    client_id: string | null;
    mutation_id: number | null;
  };
  handoff_notes: {
    id: string;
    queue_id: string | null;
    author_id: string;
    author_name: string;
    body: string;
    created_at: string;
    written_at: string | null;
    /** The shift it hands over; all null for a note that hands over none. */
    rotation_id: string | null;
    shift_id: string | null;
    shift_end: string | null;
    incoming_start: string | null;
    acknowledge_by: string | null;
    acknowledged_at: string | null;
    supervisors_alerted_at: string | null;
    /** The alert loop's deadline: set until the incoming shift acknowledges or the supervisors are alerted. */
    alert_due_at: string | null;
  };
  /** FTS5 over the notes' author and text (SQLite). */
  handoff_notes_fts: { id: string; author: string; body: string };
  handoff_acknowledgements: { handoff_id: string; agent_id: string; agent_name: string; at: string };
  client_mutations: { client_id: string; user_id: string; last_mutation_id: number; updated_at: string };
  mutation_results: { client_id: string; mutation_id: number; name: string; result_json: string; created_at: string };
  integrations: { id: string; name: string; token_hash: string; created_at: string; revoked_at: string | null; signing_secret: string | null };
  external_refs: { source: string; ref: string; ticket_id: string; updated_at: string };
  requesters: { email: string; name: string; locale: string; created_at: string; updated_at: string };
  attachments: { id: string; ticket_id: string; message_id: string; filename: string; content_type: string; size: number; data: Buffer; created_at: string };
  /** Files a console sent ahead of the reply or note that will list them (docs/ticket-view.md). */
  uploads: { id: string; user_id: string; filename: string; content_type: string; size: number; data: Buffer; created_at: string };
  message_originals: { message_id: string; ticket_id: string; content_type: string; data: Buffer };
  outbound_messages: {
    id: string;
    ticket_id: string | null;
    kind: string;
    channel: string;
    to_address: string;
    subject: string;
    body: string;
    headers_json: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  notification_templates: { kind: string; locale: string; subject: string; body: string; updated_at: string; updated_by: string | null };
  mailboxes: {
    id: string;
    name: string;
    host: string;
    port: number;
    secure: number;
    username: string;
    password: string;
    folder: string;
    queue_id: string;
    uid_validity: string | null;
    last_uid: number;
    enabled: number;
    last_polled_at: string | null;
    last_error: string | null;
    created_at: string;
  };
  quarantine: {
    id: string;
    source: string;
    reason: string;
    content_type: string;
    data: Buffer;
    received_at: string;
    resolved_at: string | null;
    resolved_by: string | null;
  };
  portal_links: { token_hash: string; email: string; created_at: string; expires_at: string; used_at: string | null };
  portal_sessions: { token_hash: string; email: string; created_at: string; expires_at: string };
  deflection_events: { id: string; kind: string; visit_id: string; article_id: string | null; locale: string; at: string };
  csat_answers: { ticket_id: string; score: number; comment: string | null; agent_id: string | null; answered_at: string; scale: Generated<string> };
  chat_sessions: {
    id: string;
    token_hash: string;
    name: string;
    email: string | null;
    locale: string;
    state: string;
    awaiting: string;
    ticket_id: string | null;
    outcome: string | null;
    handover_reason: string | null;
    created_at: string;
    updated_at: string;
  };
  shift_rotations: { id: string; name: string; tier: number; queue_ids_json: string; shifts_json: string; updated_at: string; updated_by: string };
  on_call_rotations: {
    id: string;
    name: string;
    tier: number;
    member_ids_json: string;
    handover_weekday: string;
    handover_time: string;
    handover_time_zone: string;
    length_days: number;
    start_date: string;
    updated_at: string;
    updated_by: string;
  };
  shift_overrides: {
    id: string;
    rotation_id: string;
    shift_id: string | null;
    replaced_user_id: string;
    replacement_user_id: string;
    starts_at: string;
    ends_at: string;
    reason: string;
    created_by: string;
    created_at: string;
  };
  shift_swaps: {
    id: string;
    rotation_id: string;
    first_user_id: string;
    first_starts_at: string;
    first_ends_at: string;
    second_user_id: string;
    second_starts_at: string;
    second_ends_at: string;
    reason: string;
    created_by: string;
    created_at: string;
    ends_at: string;
  };
  escalations: {
    id: string;
    ticket_id: string;
    cause: string | null;
    state: string;
    deadline_at: string | null;
    escalated_at: string;
    updated_at: string;
    row_json: string;
    ladder_json: string;
  };
  escalation_documents: { kind: string; version: number; document: string; created_by: string | null; created_at: string };
  routing_rules: { version: number; document: string; reason: string; created_by: string | null; created_at: string };
  queue_routing: { queue_id: string; skills_json: string; calendar_json: string | null; overflow_queue_id: string | null; updated_at: string };
  agent_routing: { user_id: string; skills_json: string; capacity_json: string; last_routed_seq: Generated<number>; updated_at: string };
  agent_presence: { user_id: string; status: string; status_at: string; offline_at: string | null; lost: number };
  routing_wakeups: { id: string; wake_at: string };
  ticket_routing: { ticket_id: string; queue_id: string; rule_id: string | null; skills_json: string };
  chat_lines: { session_id: string; seq: number; author: string; name: string | null; text: string; at: string; data_json: string | null; ref: string | null };
  remote_assets: { id: string; owner_key: string; row_json: string; updated_at: string };
  remote_settings: { version: number; document: string; created_by: string | null; created_at: string };
  queue_views: { id: string; owner_id: string; row_json: string; updated_at: string };
  /** Tickets whose analytics facts must be worked out again (migration 0019, docs/metrics.md). */
  analytics_dirty: { ticket_id: string };
  analytics_tickets: AnalyticsDimensions & {
    created_ms: number;
    first_solved_ms: number | null;
    first_contact: number;
    reopened: number;
    /** Bit t-1 set: the ticket sat in (was escalated out of) a queue of tier t. */
    tiers_visited: number;
    tiers_escalated: number;
  };
  analytics_durations: AnalyticsDimensions & { metric: string; at_ms: number; business_min: number | null; calendar_min: number };
  analytics_sla: AnalyticsDimensions & { target: string; outcome: string; at_ms: number | null };
  analytics_open_spans: AnalyticsDimensions & { opened_ms: number; closed_ms: number | null };
  analytics_csat: AnalyticsDimensions & { answered_ms: number; score: number; commented: number };
}

/** What every analytics fact row carries, so reports filter and group without joining the tickets. */
export interface AnalyticsDimensions {
  ticket_id: string;
  queue_id: string;
  channel: string;
  customer_tier: string;
  priority: string;
  agent_id: string | null;
}
