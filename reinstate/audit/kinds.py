"""Every kind of event the audit log holds, one member per string.

The values are stored in each event and hashed into the chain, so a value never changes once
events carry it: `reinstate verify` recomputes every hash from the stored strings. Rename a
member if you like; add a new member for a new kind of event; never edit or reuse a value.
Each member is named after its value ("case.opened" is CASE_OPENED).
"""

from __future__ import annotations

from enum import StrEnum, unique


@unique
class EventKind(StrEnum):
    # accounts: people and organisations
    USER_CREATED = "user.created"
    USER_PROFILE_CHANGED = "user.profile_changed"
    USER_CALENDAR_RESET = "user.calendar_reset"
    USER_IDENTITY_CHANGED = "user.identity_changed"  # legal name, platform accounts (not values)
    USER_PASSWORD_CHANGED = "user.password_changed"  # noqa: S105 (an event kind)
    USER_SIGNED_OUT_EVERYWHERE = "user.signed_out_everywhere"
    USER_DATA_EXPORTED = "user.data_exported"
    USER_DELETED = "user.deleted"  # the account and all its data (the chain's events stay)
    ORGANISATION_CREATED = "organisation.created"
    ORGANISATION_ADVOCATE_ADDED = "organisation.advocate_added"
    ORGANISATION_ADVOCATE_REMOVED = "organisation.advocate_removed"
    ORGANISATION_CODE_REPLACED = "organisation.code_replaced"
    ORGANISATION_ROLE_CHANGED = "organisation.role_changed"  # {"member", "role"}: admin, advocate

    # cases: the case, its reading, its checklist, how it ended, who it is shared with
    CASE_OPENED = "case.opened"
    CASE_CORRECTED = "case.corrected"
    CASE_RECEIVED_CHANGED = "case.received_changed"  # when the notice arrived, changed
    CASE_STATUS = "case.status"
    CASE_OUTCOME = "case.outcome"
    CASE_OUTCOME_CLEARED = "case.outcome_cleared"
    CASE_SHARED = "case.shared"
    CASE_UNSHARED = "case.unshared"
    CASE_STEP_SEEN = "case.step_seen"  # a reading step of the guided path, read
    CASE_DEADLINE_REMINDED = "case.deadline_reminded"  # {"hours": 72 or 24, "deadline"}
    # An advocate opened the case for a driver at intake, shared with their organisation.
    CASE_OPENED_FOR_DRIVER = "case.opened_for_driver"
    CASE_INVITE_SENT = "case.invite_sent"  # the claim link emailed to the driver
    CASE_INVITE_RENEWED = "case.invite_renewed"  # a new claim link; the old one stops working
    CASE_INVITE_REVOKED = "case.invite_revoked"
    CASE_CLAIMED = "case.claimed"  # the driver took the case into their own account
    CHECKLIST_TICKED = "checklist.ticked"
    CHECKLIST_UNTICKED = "checklist.unticked"

    # evidence: the locker
    EVIDENCE_ADDED = "evidence.added"
    EVIDENCE_WITHDRAWN = "evidence.withdrawn"
    EVIDENCE_RESTORED = "evidence.restored"
    EVIDENCE_DESCRIBED = "evidence.described"
    EVIDENCE_RELABELLED = "evidence.relabelled"
    EVIDENCE_LABELS_LOCKED = "evidence.labels_locked"
    EVIDENCE_DAY_SET = "evidence.day_set"
    EVIDENCE_CLEANED = "evidence.cleaned"  # leftovers removed by `reinstate verify --clean`
    EVIDENCE_DELETED = "evidence.deleted"  # withdrawn past its keep period, deleted for good

    # comms: the support log
    COMMS_CONTACT_ADDED = "comms.contact_added"
    COMMS_IMPORTED = "comms.imported"
    COMMS_IMPORT_STAGED = "comms.import_staged"
    COMMS_IMPORT_QUEUED = "comms.import_queued"
    COMMS_IMPORT_FAILED = "comms.import_failed"
    COMMS_FOLLOW_UP_SENT = "comms.follow_up_sent"

    # appeals: the appeal (its facts and plan actions one by one), letter versions, packets
    APPEAL_SET = "appeal.set"
    APPEAL_STATEMENT_ADDED = "appeal.statement_added"
    APPEAL_STATEMENT_REMOVED = "appeal.statement_removed"
    APPEAL_PLAN_ACTION_ADDED = "appeal.plan_action_added"
    APPEAL_PLAN_ACTION_REMOVED = "appeal.plan_action_removed"
    APPEAL_LETTER_SAVED = "appeal.letter_saved"
    APPEAL_LETTER_APPROVED = "appeal.letter_approved"
    APPEAL_LETTER_LANGUAGE = "appeal.letter_language"  # the letter's and packet's language
    APPEAL_PACKET_REQUESTED = "appeal.packet_requested"
    APPEAL_PACKET_BUILT = "appeal.packet_built"
    APPEAL_PACKET_FAILED = "appeal.packet_failed"
    APPEAL_SENT = "appeal.sent"  # the driver sent it: when, how, the reference, the proof
    APPEAL_DECIDED = "appeal.decided"  # the platform's decision, as the driver recorded it
    APPEAL_REQUEST_SENT = "appeal.request_sent"  # a dispute or data request went out: its clock

    # health: blocks, imports, watch levels, targets, readings, documents, alerts, reminders
    HEALTH_BLOCK_RECORDED = "health.block_recorded"
    HEALTH_BLOCK_DELETED = "health.block_deleted"
    HEALTH_IMPORT_STAGED = "health.import_staged"
    HEALTH_IMPORT_MAPPED = "health.import_mapped"
    HEALTH_IMPORTED = "health.imported"
    HEALTH_IMPORT_DISCARDED = "health.import_discarded"
    HEALTH_IMPORT_QUEUED = "health.import_queued"
    HEALTH_IMPORT_FAILED = "health.import_failed"
    HEALTH_IMPORTS_PURGED = "health.imports_purged"
    HEALTH_WATCH_LEVEL = "health.watch_level"
    HEALTH_TARGET_ADDED = "health.target_added"
    HEALTH_TARGET_DELETED = "health.target_deleted"
    HEALTH_READING = "health.reading"
    HEALTH_STANDING_RECORDED = "health.standing_recorded"
    HEALTH_STANDING_DELETED = "health.standing_deleted"
    HEALTH_PAYMENT_CHANGE = "health.payment_change"
    HEALTH_DOCUMENT_ADDED = "health.document_added"
    HEALTH_DOCUMENT_RENEWED = "health.document_renewed"
    HEALTH_DOCUMENT_DELETED = "health.document_deleted"
    HEALTH_ALERT_OPENED = "health.alert_opened"
    HEALTH_ALERT_DISMISSED = "health.alert_dismissed"
    HEALTH_REMINDER_SENT = "health.reminder_sent"

    # policies: the stored versions of the platforms' policy pages
    POLICY_VERSION_STORED = "policy.version_stored"  # {"policy", "version", "url", "sha256"}

    # records: the driver's own diary, kept before any case, and its use in a case
    RECORDS_ADDED = "records.added"
    RECORDS_ADDED_TO_CASE = "records.added_to_case"

    # advocacy: the organisation's own work on a case (never the note's text: the log outlives it)
    CASE_ASSIGNED = "case.assigned"  # {"organisation", "assignee": a user name or null}
    NOTE_ADDED = "note.added"  # {"organisation", "note"}: a private note of the organisation
    TASK_ADDED = "task.added"  # {"organisation", "task", "due_on"}
    TASK_DONE = "task.done"  # {"organisation", "task"}
    TASK_REOPENED = "task.reopened"  # {"organisation", "task"}
