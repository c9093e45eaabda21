// Generated from libs/contracts/src/responses.ts by response-schemas.spec.ts: run `npm run openapi`, do not edit.
export const responseSchemas = {
  "AgendaCandidateResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "categoryCode": {
        "type": "string"
      },
      "recommendation": {
        "type": "string",
        "description": "The signed conclusion's recommendation (a ConclusionRecommendation)."
      },
      "subjects": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "The subjects' names."
      }
    },
    "required": [
      "id",
      "number",
      "regionCode",
      "categoryCode",
      "recommendation",
      "subjects"
    ],
    "description": "`GET /api/commission/sessions/:id/agenda/candidates`: cases that may go on the agenda."
  },
  "AgendaItemResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "position": {
        "type": "number"
      },
      "caseId": {
        "type": "string"
      },
      "caseNumber": {
        "type": "string"
      },
      "caseStatus": {
        "$ref": "#/components/schemas/CaseStatus"
      },
      "subjects": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "The names of the case's persons."
      },
      "votes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/VoteResponse"
        }
      },
      "decision": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "number": {
                "type": "string"
              },
              "outcome": {
                "$ref": "#/components/schemas/DecisionOutcome"
              },
              "reasons": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "required": [
              "number",
              "outcome",
              "reasons"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "quorum": {
        "$ref": "#/components/schemas/QuorumResponse"
      }
    },
    "required": [
      "id",
      "position",
      "caseId",
      "caseNumber",
      "caseStatus",
      "subjects",
      "votes",
      "decision",
      "quorum"
    ]
  },
  "ApplicantKind": {
    "type": "string",
    "enum": [
      "relative",
      "organisation",
      "working_group"
    ]
  },
  "ArchivalReferenceResponse": {
    "type": "object",
    "properties": {
      "archive": {
        "type": [
          "string",
          "null"
        ]
      },
      "fond": {
        "type": "string"
      },
      "opis": {
        "type": "string"
      },
      "delo": {
        "type": "string"
      },
      "sheets": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SheetRangeResponse"
        }
      },
      "text": {
        "type": "string"
      }
    },
    "required": [
      "archive",
      "fond",
      "opis",
      "delo",
      "sheets",
      "text"
    ]
  },
  "ArchiveRequestAction": {
    "type": "string",
    "enum": [
      "start",
      "answer",
      "nothing-found",
      "cancel"
    ],
    "description": "An archive request's own small lifecycle: the liaison works it, the working group may cancel it."
  },
  "ArchiveRequestCitationResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "inventoryEntry": {
        "$ref": "#/components/schemas/InventoryEntryView"
      }
    },
    "required": [
      "id",
      "inventoryEntry"
    ],
    "description": "`POST /api/archive-requests/:id/inventory-entry`: the request and the file it now cites."
  },
  "ArchiveRequestResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "caseId": {
        "type": "string"
      },
      "caseNumber": {
        "type": "string"
      },
      "caseRegionCode": {
        "type": "string"
      },
      "archiveCode": {
        "type": "string"
      },
      "sought": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/ArchiveRequestStatus"
      },
      "sentOn": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "dueDate": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "overdue": {
        "type": "boolean"
      },
      "overdueSince": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CalendarDate"
          },
          {
            "type": "null"
          }
        ]
      },
      "answeredAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "answerNote": {
        "type": [
          "string",
          "null"
        ]
      },
      "subjects": {
        "type": "string"
      },
      "version": {
        "type": "number"
      },
      "actions": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "$ref": "#/components/schemas/ArchiveRequestAction"
            },
            "allowed": {
              "type": "boolean"
            },
            "reasons": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/RefusalResponse"
              }
            },
            "needsNote": {
              "type": "boolean"
            }
          },
          "required": [
            "name",
            "allowed",
            "reasons",
            "needsNote"
          ]
        },
        "description": "What the caller may do with the request now, and why not (on a single request's answers only)."
      }
    },
    "required": [
      "id",
      "caseId",
      "caseNumber",
      "caseRegionCode",
      "archiveCode",
      "sought",
      "status",
      "sentOn",
      "dueDate",
      "overdue",
      "overdueSince",
      "answeredAt",
      "answerNote",
      "subjects",
      "version"
    ]
  },
  "ArchiveRequestStatus": {
    "type": "string",
    "enum": [
      "sent",
      "in_progress",
      "answered",
      "nothing_found",
      "cancelled"
    ]
  },
  "AttendanceResponse": {
    "type": "object",
    "properties": {
      "userId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "role": {
        "$ref": "#/components/schemas/Role"
      },
      "present": {
        "type": "boolean"
      }
    },
    "required": [
      "userId",
      "name",
      "role",
      "present"
    ]
  },
  "AuditAction": {
    "type": "string",
    "enum": [
      "access.anomaly",
      "access.denied",
      "archive_request.create",
      "archive_request.list",
      "archive_request.read",
      "archive_request.overdue",
      "archive_request.cite_inventory",
      "archive_request.start",
      "archive_request.answer",
      "archive_request.nothing-found",
      "archive_request.cancel",
      "audit.read",
      "audit.verify",
      "auth.login",
      "auth.login_failed",
      "auth.locked_out",
      "auth.throttled",
      "auth.logout",
      "auth.logout_everywhere",
      "auth.refresh_reuse",
      "auth.totp_enabled",
      "auth.totp_enrolment_started",
      "case.create",
      "case.read",
      "case.list",
      "case.search",
      "case.update",
      "case.change_region",
      "case.add_subject",
      "case.subjects_bulk",
      "case.applicant_reduce",
      "case.transition",
      "case.comment",
      "case.task_create",
      "case.task_done",
      "case.task_reopened",
      "case.watch",
      "case.unwatch",
      "case.read_certificates",
      "case.read_comments",
      "case.read_conclusion",
      "case.read_evidence",
      "case.read_subjects",
      "case.read_tasks",
      "case.read_timeline",
      "case.read_watchers",
      "case.read_letters",
      "certificate.download",
      "certificate.verify",
      "commission.read_pending_votes",
      "commission.vote",
      "commission_session.create",
      "commission_session.read",
      "commission_session.attendance",
      "commission_session.agenda_add",
      "commission_session.read_candidates",
      "commission_session.protocol",
      "commission_session.batch_print",
      "commission_session.batch_download",
      "conclusion.draft",
      "conclusion.sign",
      "dictionary.create",
      "dictionary.update",
      "event.create",
      "event.update",
      "event.add_participant",
      "event.remove_participant",
      "event.read_people",
      "evidence.upload",
      "evidence.read",
      "evidence.download",
      "evidence.read_thumbnail",
      "evidence.read_proposals",
      "evidence.read_citations",
      "evidence.verify",
      "evidence.reject",
      "evidence.quarantine",
      "evidence.release",
      "evidence.recheck",
      "evidence.proposal_confirm",
      "evidence.proposal_dismiss",
      "export",
      "letter.create",
      "letter.register_incoming",
      "letter.download",
      "letter.delivery",
      "letter.email",
      "letter.template_update",
      "publication.publish",
      "publication.withdraw",
      "publication.open_data_build",
      "publication.regional_book",
      "public_application.submit",
      "public_application.refused",
      "public_application.read_status",
      "public_application.answer",
      "public_application.mail",
      "contribution.submit",
      "contribution.accept",
      "contribution.reject",
      "contribution.scan_quarantine",
      "holiday.create",
      "holiday.update",
      "holiday.delete",
      "holiday.add_fixed_year",
      "inventory.create",
      "inventory.update",
      "inventory.import",
      "inventory.add_mention",
      "person.create",
      "person.read",
      "person.list",
      "person.search",
      "person.update",
      "person.add_variant",
      "person.read_cases",
      "person.read_events",
      "person.read_files",
      "person.read_relations",
      "person.add_relation",
      "person.remove_relation",
      "person.read_facts",
      "person.list_facts",
      "person.add_fact",
      "person.update_fact",
      "person.accept_fact",
      "person.merge",
      "person.unmerge",
      "person.mark_different",
      "place.create",
      "place.update",
      "place.add_name",
      "place.add_source",
      "queues.open",
      "registry_import.load",
      "resource.version_conflict",
      "retention.rule_update",
      "retention.run",
      "retention.dry_run",
      "user.create",
      "user.update",
      "user.disable",
      "user.enable",
      "user.reset_password",
      "user.reset_totp"
    ]
  },
  "AuditEntryResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "occurredAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "actorId": {
        "type": [
          "string",
          "null"
        ]
      },
      "actorRole": {
        "type": [
          "string",
          "null"
        ]
      },
      "actorEmail": {
        "type": [
          "string",
          "null"
        ]
      },
      "actorName": {
        "type": [
          "string",
          "null"
        ]
      },
      "action": {
        "type": "string"
      },
      "outcome": {
        "type": "string"
      },
      "entityType": {
        "type": [
          "string",
          "null"
        ]
      },
      "entityId": {
        "type": [
          "string",
          "null"
        ]
      },
      "diff": {},
      "details": {},
      "requestId": {
        "type": [
          "string",
          "null"
        ]
      },
      "ip": {
        "type": [
          "string",
          "null"
        ]
      },
      "hash": {
        "type": "string"
      },
      "params": {
        "$ref": "#/components/schemas/AuditParams"
      }
    },
    "required": [
      "id",
      "occurredAt",
      "actorId",
      "actorRole",
      "actorEmail",
      "actorName",
      "action",
      "outcome",
      "entityType",
      "entityId",
      "diff",
      "details",
      "requestId",
      "ip",
      "hash",
      "params"
    ],
    "description": "One entry of the audit log. `params` names what the entry is about in words (the case's number, the person's or user's name, the archive's or session's name), joined when read: the sentence of `action` reads them."
  },
  "AuditParams": {
    "type": "object",
    "additionalProperties": {
      "type": [
        "string",
        "number",
        "boolean",
        "null"
      ]
    }
  },
  "AuditVerificationResponse": {
    "type": "object",
    "properties": {
      "intact": {
        "type": "boolean"
      },
      "entries": {
        "type": "number"
      },
      "unsealed": {
        "type": "number"
      },
      "oldestUnsealedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "checkpoint": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "chainSeq": {
                "type": "string"
              },
              "signedAt": {
                "$ref": "#/components/schemas/Instant"
              }
            },
            "required": [
              "chainSeq",
              "signedAt"
            ]
          },
          {
            "type": "null"
          }
        ],
        "description": "The last signed checkpoint the chain was held against."
      },
      "lastHash": {
        "type": "string",
        "description": "When intact: the hash of the last sealed entry."
      },
      "brokenAt": {
        "type": "string",
        "description": "When broken: the first entry that does not hold, and why (English)."
      },
      "reason": {
        "type": "string"
      },
      "checkpointsChecked": {
        "type": "boolean"
      },
      "rejectedCheckpoints": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "intact",
      "entries",
      "unsealed",
      "oldestUnsealedAt",
      "checkpoint",
      "checkpointsChecked",
      "rejectedCheckpoints"
    ],
    "description": "`GET /api/audit-log/verification`: the sealed chain held against the signed checkpoints."
  },
  "BacklogAgeBucket": {
    "type": "string",
    "enum": [
      "0-30",
      "31-90",
      "91-180",
      "181-365",
      "366+"
    ]
  },
  "CalendarCoverageResponse": {
    "type": "object",
    "properties": {
      "coveredUntil": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CalendarDate"
          },
          {
            "type": "null"
          }
        ]
      },
      "lastHoliday": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CalendarDate"
          },
          {
            "type": "null"
          }
        ]
      },
      "warnMonths": {
        "type": "number"
      },
      "warning": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CodedValue"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "coveredUntil",
      "lastHoliday",
      "warnMonths",
      "warning"
    ],
    "description": "`GET /api/calendar/coverage`: how far ahead the calendar is known, and the warning when it ends soon."
  },
  "CalendarDate": {
    "type": "string",
    "description": "A calendar date, YYYY-MM-DD.",
    "format": "date"
  },
  "CaseAction": {
    "type": "string",
    "enum": [
      "edit",
      "request-archive",
      "upload-evidence",
      "draft-conclusion",
      "sign-conclusion",
      "put-on-agenda",
      "vote"
    ],
    "description": "What a case state allows besides its transitions: the lifecycle table (libs/domain case-lifecycle.ts) says, per action, in which states and by which roles; services ask it, and `GET /api/cases/:id/transitions` lists each action with the reasons it is not open now."
  },
  "CaseApplicant": {
    "type": "object",
    "properties": {
      "kind": {
        "$ref": "#/components/schemas/ApplicantKind"
      },
      "name": {
        "type": "string"
      },
      "kinship": {
        "type": [
          "string",
          "null"
        ]
      },
      "kinshipProof": {
        "type": [
          "string",
          "null"
        ]
      },
      "email": {
        "type": [
          "string",
          "null"
        ]
      },
      "phone": {
        "type": [
          "string",
          "null"
        ]
      },
      "address": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "kind",
      "name",
      "kinship",
      "kinshipProof",
      "email",
      "phone",
      "address"
    ]
  },
  "CaseEventKind": {
    "type": "string",
    "enum": [
      "created",
      "created_from_list",
      "created_from_exception",
      "exception_spun_off",
      "updated",
      "region_changed",
      "subject_added",
      "subjects_bulk",
      "archive_request_sent",
      "archive_request_in_progress",
      "archive_request_answered",
      "archive_request_nothing_found",
      "archive_request_cancelled",
      "archive_request_overdue",
      "transition",
      "comment",
      "conclusion_drafted",
      "conclusion_signed",
      "placed_on_agenda"
    ]
  },
  "CaseListItem": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "categoryCode": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/CaseStatus"
      },
      "summary": {
        "type": "string"
      },
      "isGroup": {
        "type": "boolean"
      },
      "applicantKind": {
        "type": "string"
      },
      "applicantName": {
        "type": "string"
      },
      "parentCaseId": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "version": {
        "type": "number"
      },
      "subjects": {
        "type": "string",
        "description": "The subjects' names, joined."
      }
    },
    "required": [
      "id",
      "number",
      "regionCode",
      "categoryCode",
      "status",
      "summary",
      "isGroup",
      "applicantKind",
      "applicantName",
      "parentCaseId",
      "createdAt",
      "updatedAt",
      "version",
      "subjects"
    ],
    "description": "A row of `GET /api/cases`."
  },
  "CaseResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "categoryCode": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/CaseStatus"
      },
      "summary": {
        "type": "string"
      },
      "isGroup": {
        "type": "boolean"
      },
      "applicant": {
        "$ref": "#/components/schemas/CaseApplicant"
      },
      "parentCaseId": {
        "type": [
          "string",
          "null"
        ]
      },
      "subjects": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CaseSubjectResponse"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "updatedAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "number",
      "regionCode",
      "categoryCode",
      "status",
      "summary",
      "isGroup",
      "applicant",
      "parentCaseId",
      "subjects",
      "createdAt",
      "updatedAt",
      "version"
    ],
    "description": "`GET /api/cases/:id` and every command on a case."
  },
  "CaseSearchHit": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "description": "`<source>:<record id>`, unique in an answer."
      },
      "source": {
        "$ref": "#/components/schemas/CaseSearchSource"
      },
      "recordId": {
        "type": "string"
      },
      "caseId": {
        "type": "string"
      },
      "caseNumber": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "title": {
        "type": [
          "string",
          "null"
        ],
        "description": "The document's file name (evidence), the person's name (a fact's note), else null."
      },
      "personId": {
        "type": [
          "string",
          "null"
        ]
      },
      "rank": {
        "type": "number"
      },
      "snippet": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "source",
      "recordId",
      "caseId",
      "caseNumber",
      "regionCode",
      "title",
      "personId",
      "rank",
      "snippet"
    ],
    "description": "A hit of the search across cases: the case, the document or record it is in, its rank and a snippet with the matched words between \\u0002 and \\u0003 (the screen marks them; no HTML comes from the server)."
  },
  "CaseSearchResponse": {
    "$ref": "#/components/schemas/CaseSearchHit",
    "description": "A row of `GET /api/search`: a case found by its number, names or text, ranked."
  },
  "CaseSearchSource": {
    "type": "string",
    "enum": [
      "evidence",
      "summary",
      "conclusion",
      "fact_note"
    ],
    "description": "Where a full-text hit was found (`GET /api/search`)."
  },
  "CaseStatsRow": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "count": {
        "type": "number"
      }
    },
    "required": [
      "status",
      "regionCode",
      "count"
    ],
    "description": "`GET /api/cases/stats`: counts by status and region within the caller's scope."
  },
  "CaseStatus": {
    "type": "string",
    "enum": [
      "draft",
      "submitted",
      "intake_review",
      "returned_to_applicant",
      "archive_verification",
      "working_group_review",
      "commission_review",
      "rehabilitated",
      "rejected",
      "certificate_issued",
      "closed"
    ],
    "description": "The states of a case (DESIGN.md §1). The API never lets a client write one directly."
  },
  "CaseSubjectResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      },
      "outcome": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "personId",
      "nameKk",
      "nameRu",
      "birthYear",
      "outcome"
    ]
  },
  "CaseTransition": {
    "type": "string",
    "enum": [
      "submit",
      "start-intake",
      "return-to-applicant",
      "resubmit",
      "accept-for-verification",
      "complete-verification",
      "reopen-verification",
      "submit-to-commission",
      "rehabilitate",
      "reject",
      "return-for-evidence",
      "issue-certificates",
      "close",
      "reopen"
    ],
    "description": "The commands that move a case: `POST /api/cases/:id/transitions/:name`."
  },
  "CertificateResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "verificationCode": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "renderedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "number",
      "verificationCode",
      "personId",
      "nameKk",
      "nameRu",
      "renderedAt"
    ]
  },
  "CertificateVerificationResponse": {
    "type": "object",
    "properties": {
      "valid": {
        "type": "boolean",
        "const": true
      },
      "certificateNumber": {
        "type": "string"
      },
      "personNameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "personNameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "decisionNumber": {
        "type": "string"
      },
      "decisionDate": {
        "$ref": "#/components/schemas/CalendarDate"
      }
    },
    "required": [
      "valid",
      "certificateNumber",
      "personNameKk",
      "personNameRu",
      "decisionNumber",
      "decisionDate"
    ],
    "description": "The public site's `GET /certificates/:code` (JSON): only what anyone may know."
  },
  "Code": {
    "type": "string",
    "description": "Every code of the catalogue."
  },
  "CodedValue": {
    "type": "object",
    "properties": {
      "code": {
        "$ref": "#/components/schemas/Code"
      },
      "params": {
        "type": "object",
        "additionalProperties": {}
      }
    },
    "required": [
      "code",
      "params"
    ],
    "description": "A code of the catalogue with its params: what a screen translates (codes.ts)."
  },
  "CommentCreatedResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "mentioned": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "E-mails of the persons told."
      },
      "notNotified": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "E-mails of those named who may not see the case, so were not told."
      }
    },
    "required": [
      "id",
      "mentioned",
      "notNotified"
    ],
    "description": "`POST /api/cases/:id/comments`."
  },
  "CommentResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "body": {
        "type": "string"
      },
      "authorId": {
        "type": "string"
      },
      "authorName": {
        "type": "string"
      },
      "mentions": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      }
    },
    "required": [
      "id",
      "body",
      "authorId",
      "authorName",
      "mentions",
      "createdAt"
    ]
  },
  "CommissionSessionListItem": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "date": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "place": {
        "type": [
          "string",
          "null"
        ]
      },
      "agendaSize": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "number",
      "date",
      "place",
      "agendaSize"
    ]
  },
  "CommissionSessionResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "date": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "place": {
        "type": [
          "string",
          "null"
        ]
      },
      "version": {
        "type": "number"
      },
      "attendance": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AttendanceResponse"
        }
      },
      "totalMembers": {
        "type": "number"
      },
      "present": {
        "type": "number"
      },
      "agenda": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AgendaItemResponse"
        }
      }
    },
    "required": [
      "id",
      "number",
      "date",
      "place",
      "version",
      "attendance",
      "totalMembers",
      "present",
      "agenda"
    ],
    "description": "`GET /api/commission/sessions/:id` and every command on a session (attendance, agenda, vote)."
  },
  "ConclusionCitationResponse": {
    "type": "object",
    "properties": {
      "evidenceId": {
        "type": "string"
      },
      "pageFrom": {
        "type": "number"
      },
      "pageTo": {
        "type": "number"
      },
      "statement": {
        "type": "string"
      }
    },
    "required": [
      "evidenceId",
      "pageFrom",
      "pageTo",
      "statement"
    ]
  },
  "ConclusionRecommendation": {
    "type": "string",
    "enum": [
      "rehabilitate",
      "reject",
      "insufficient_evidence"
    ]
  },
  "ConclusionResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "caseId": {
        "type": "string"
      },
      "authorId": {
        "type": "string"
      },
      "authorName": {
        "type": "string"
      },
      "recommendation": {
        "$ref": "#/components/schemas/ConclusionRecommendation"
      },
      "reasoning": {
        "type": "string"
      },
      "legalArticleCode": {
        "type": "string"
      },
      "criterionKk": {
        "type": "string"
      },
      "criterionRu": {
        "type": "string"
      },
      "citations": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ConclusionCitationResponse"
        }
      },
      "signedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "signerName": {
        "type": [
          "string",
          "null"
        ],
        "description": "The signer's display name (null while unsigned)."
      },
      "signedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "signedCaseVersion": {
        "type": [
          "number",
          "null"
        ]
      },
      "signatureValid": {
        "type": "boolean",
        "description": "False when the case changed after signing: the signature is void."
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "caseId",
      "authorId",
      "authorName",
      "recommendation",
      "reasoning",
      "legalArticleCode",
      "criterionKk",
      "criterionRu",
      "citations",
      "signedBy",
      "signerName",
      "signedAt",
      "signedCaseVersion",
      "signatureValid",
      "version"
    ]
  },
  "DecisionOutcome": {
    "type": "string",
    "enum": [
      "rehabilitated",
      "rejected",
      "returned_for_evidence"
    ]
  },
  "DeclassificationStatus": {
    "type": "string",
    "enum": [
      "declassified",
      "classified",
      "unknown"
    ],
    "description": "Whether a file of an archive's inventory may be read by researchers (the archive's own record of it)."
  },
  "DictionaryEntryResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "description": "The code, again, for react-admin."
      },
      "code": {
        "type": "string"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "code",
      "nameKk",
      "nameRu",
      "nameEn"
    ],
    "additionalProperties": {
      "description": "The other columns of the dictionary (kind, regionCode, criterion…, criminalCode, article, years…)."
    },
    "description": "An entry of a dictionary (regions, archives, categories, articles and the repression dictionaries)."
  },
  "DictionaryRefResponse": {
    "type": "object",
    "properties": {
      "code": {
        "type": "string"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      }
    },
    "required": [
      "code",
      "nameKk",
      "nameRu",
      "nameEn"
    ]
  },
  "DuplicateResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personAId": {
        "type": "string"
      },
      "personBId": {
        "type": "string"
      },
      "score": {
        "type": "number"
      },
      "reasons": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "In English; `reasonCodes` says the same as codes (null for a text of no known form)."
      },
      "reasonCodes": {
        "type": "array",
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/CodedValue"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "status": {
        "$ref": "#/components/schemas/DuplicateStatus"
      },
      "nameA": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameB": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYearA": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYearB": {
        "type": [
          "string",
          "null"
        ]
      },
      "strong": {
        "type": "boolean",
        "description": "At or above the automatic-match threshold."
      }
    },
    "required": [
      "id",
      "personAId",
      "personBId",
      "score",
      "reasons",
      "reasonCodes",
      "status",
      "nameA",
      "nameB",
      "birthYearA",
      "birthYearB",
      "strong"
    ],
    "description": "A proposed (or decided) pair of records that may be one person."
  },
  "DuplicateStatus": {
    "type": "string",
    "enum": [
      "proposed",
      "merged",
      "different"
    ],
    "description": "A proposed pair of registry persons: a person decides whether they are one."
  },
  "EpisodeKind": {
    "type": "string",
    "enum": [
      "arrest",
      "indictment",
      "sentence",
      "execution",
      "camp",
      "exile",
      "special_settlement",
      "release",
      "re_arrest",
      "death",
      "earlier_rehabilitation"
    ],
    "description": "A person's history is a sequence of these."
  },
  "EventKind": {
    "type": "string",
    "enum": [
      "uprising",
      "mass_operation",
      "group_trial",
      "deportation_echelon",
      "confiscation_campaign"
    ],
    "description": "Events that tie many people together (DESIGN.md §3a): an uprising, a mass operation, a group trial, a deportation echelon, a confiscation campaign. Persons take part with a role; typed relations link persons. Each of these closed sets is mirrored by a CHECK in the database and a label map in the back office."
  },
  "EventListItem": {
    "$ref": "#/components/schemas/EventListRow",
    "description": "A row of `GET /api/events`."
  },
  "EventListRow": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/EventKind"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "dateText": {
        "type": [
          "string",
          "null"
        ]
      },
      "dateEarliest": {
        "type": [
          "string",
          "null"
        ]
      },
      "dateLatest": {
        "type": [
          "string",
          "null"
        ]
      },
      "regionCodes": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "participantCount": {
        "type": "number"
      },
      "updatedAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "kind",
      "nameKk",
      "nameRu",
      "nameEn",
      "dateText",
      "dateEarliest",
      "dateLatest",
      "regionCodes",
      "participantCount",
      "updatedAt"
    ],
    "description": "A row of the event list (places as today's region codes)."
  },
  "EventParticipantResponse": {
    "$ref": "#/components/schemas/EventParticipantView"
  },
  "EventParticipantView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "eventId": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      },
      "role": {
        "$ref": "#/components/schemas/EventRole"
      },
      "sentenceKindCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "outcome": {
        "type": [
          "string",
          "null"
        ],
        "description": "The outcome of the person's latest decided case, or null when none is decided."
      },
      "source": {
        "$ref": "#/components/schemas/SourceView"
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "eventId",
      "personId",
      "nameKk",
      "nameRu",
      "birthYear",
      "role",
      "sentenceKindCode",
      "outcome",
      "source",
      "note"
    ]
  },
  "EventPeopleResponse": {
    "$ref": "#/components/schemas/EventPeopleView",
    "description": "`GET /api/events/:id/participants`: the participants and their counts by sentence, outcome and role."
  },
  "EventPeopleView": {
    "type": "object",
    "properties": {
      "participants": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/EventParticipantView"
        }
      },
      "bySentence": {
        "type": "object",
        "additionalProperties": {
          "type": "number"
        }
      },
      "byOutcome": {
        "type": "object",
        "additionalProperties": {
          "type": "number"
        }
      },
      "byRole": {
        "type": "object",
        "additionalProperties": {
          "type": "number"
        }
      }
    },
    "required": [
      "participants",
      "bySentence",
      "byOutcome",
      "byRole"
    ],
    "description": "An event's people with counts by sentence kind and by outcome (`none` for not sentenced / not decided)."
  },
  "EventPlaceView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "latitude": {
        "type": [
          "number",
          "null"
        ]
      },
      "longitude": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "nameKk",
      "nameRu",
      "nameEn",
      "regionCode",
      "latitude",
      "longitude"
    ],
    "description": "Where an event happened: a place of the gazetteer, with today's region."
  },
  "EventResponse": {
    "$ref": "#/components/schemas/EventView",
    "description": "`GET /api/events/:id` and the commands on an event."
  },
  "EventRole": {
    "type": "string",
    "enum": [
      "participant",
      "leader",
      "accused",
      "victim",
      "witness"
    ],
    "description": "How a person took part in an event."
  },
  "EventView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/EventKind"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "date": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "text": {
                "type": "string"
              },
              "earliest": {
                "type": "string"
              },
              "latest": {
                "type": "string"
              },
              "precision": {
                "type": "string"
              }
            },
            "required": [
              "text",
              "earliest",
              "latest",
              "precision"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "description": {
        "type": "string"
      },
      "places": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/EventPlaceView"
        }
      },
      "sources": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string"
            },
            "note": {
              "type": [
                "string",
                "null"
              ]
            },
            "kind": {
              "type": "string",
              "enum": [
                "archival",
                "book",
                "evidence"
              ]
            },
            "reference": {
              "anyOf": [
                {
                  "type": "object",
                  "properties": {
                    "archive": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "fond": {
                      "type": "string"
                    },
                    "opis": {
                      "type": "string"
                    },
                    "delo": {
                      "type": "string"
                    },
                    "text": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "archive",
                    "fond",
                    "opis",
                    "delo",
                    "text"
                  ]
                },
                {
                  "type": "null"
                }
              ]
            },
            "book": {
              "anyOf": [
                {
                  "type": "object",
                  "properties": {
                    "title": {
                      "type": "string"
                    },
                    "volume": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "page": {
                      "type": "number"
                    }
                  },
                  "required": [
                    "title",
                    "volume",
                    "page"
                  ]
                },
                {
                  "type": "null"
                }
              ]
            },
            "evidence": {
              "anyOf": [
                {
                  "type": "object",
                  "properties": {
                    "evidenceId": {
                      "type": "string"
                    },
                    "pageFrom": {
                      "type": "number"
                    },
                    "pageTo": {
                      "type": "number"
                    }
                  },
                  "required": [
                    "evidenceId",
                    "pageFrom",
                    "pageTo"
                  ]
                },
                {
                  "type": "null"
                }
              ]
            }
          },
          "required": [
            "book",
            "evidence",
            "id",
            "kind",
            "note",
            "reference"
          ]
        }
      },
      "participantCount": {
        "type": "number"
      },
      "createdAt": {
        "type": "string"
      },
      "updatedAt": {
        "type": "string"
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "kind",
      "nameKk",
      "nameRu",
      "nameEn",
      "date",
      "description",
      "places",
      "sources",
      "participantCount",
      "createdAt",
      "updatedAt",
      "version"
    ]
  },
  "EvidenceCheckName": {
    "type": "string",
    "enum": [
      "sniff",
      "checksum",
      "malware",
      "active_content",
      "text",
      "ocr",
      "thumbnail",
      "proposals"
    ]
  },
  "EvidenceCheckResponse": {
    "type": "object",
    "properties": {
      "check": {
        "$ref": "#/components/schemas/EvidenceCheckName"
      },
      "state": {
        "$ref": "#/components/schemas/EvidenceCheckState"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "English; `reasonCode` with `reasonParams` says the same in the catalogue's terms (null before a check ran)."
      },
      "reasonCode": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Code"
          },
          {
            "type": "null"
          }
        ]
      },
      "reasonParams": {
        "anyOf": [
          {
            "type": "object",
            "additionalProperties": {}
          },
          {
            "type": "null"
          }
        ]
      },
      "updatedAt": {
        "$ref": "#/components/schemas/Instant"
      }
    },
    "required": [
      "check",
      "state",
      "reason",
      "reasonCode",
      "reasonParams",
      "updatedAt"
    ]
  },
  "EvidenceCheckState": {
    "type": "string",
    "enum": [
      "pending",
      "running",
      "passed",
      "failed",
      "quarantined",
      "not_scanned"
    ],
    "description": "`not_scanned`: no scanner is configured; shown as such, never as \"clean\"."
  },
  "EvidenceCitationsResponse": {
    "type": "object",
    "properties": {
      "conclusions": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string"
            },
            "caseId": {
              "type": "string"
            },
            "caseNumber": {
              "type": "string"
            },
            "pageFrom": {
              "type": "number"
            },
            "pageTo": {
              "type": "number"
            },
            "statement": {
              "type": "string"
            },
            "signed": {
              "type": "boolean"
            }
          },
          "required": [
            "id",
            "caseId",
            "caseNumber",
            "pageFrom",
            "pageTo",
            "statement",
            "signed"
          ]
        }
      },
      "facts": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string"
            },
            "personId": {
              "type": "string"
            },
            "personName": {
              "type": [
                "string",
                "null"
              ]
            },
            "kind": {
              "type": "string"
            },
            "episodeKind": {
              "type": [
                "string",
                "null"
              ]
            },
            "value": {
              "type": [
                "string",
                "null"
              ]
            },
            "dateText": {
              "type": [
                "string",
                "null"
              ]
            },
            "pageFrom": {
              "type": [
                "number",
                "null"
              ]
            },
            "pageTo": {
              "type": [
                "number",
                "null"
              ]
            },
            "accepted": {
              "type": "boolean"
            }
          },
          "required": [
            "id",
            "personId",
            "personName",
            "kind",
            "episodeKind",
            "value",
            "dateText",
            "pageFrom",
            "pageTo",
            "accepted"
          ]
        }
      }
    },
    "required": [
      "conclusions",
      "facts"
    ]
  },
  "EvidenceKind": {
    "type": "string",
    "enum": [
      "investigation_file",
      "troika_protocol",
      "execution_act",
      "rehabilitation_certificate",
      "photo",
      "other"
    ],
    "description": "What a piece of evidence is, as its uploader declares it."
  },
  "EvidenceProposalKind": {
    "type": "string",
    "enum": [
      "reference",
      "date",
      "person"
    ],
    "description": "What a proposal found in a document's text would link."
  },
  "EvidenceProposalResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/EvidenceProposalKind"
      },
      "text": {
        "type": "string"
      },
      "page": {
        "type": "number"
      },
      "value": {},
      "personId": {
        "type": [
          "string",
          "null"
        ]
      },
      "personName": {
        "type": [
          "string",
          "null"
        ]
      },
      "score": {
        "type": [
          "number",
          "null"
        ]
      },
      "status": {
        "$ref": "#/components/schemas/EvidenceProposalStatus"
      },
      "decidedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "decidedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "kind",
      "text",
      "page",
      "value",
      "personId",
      "personName",
      "score",
      "status",
      "decidedBy",
      "decidedAt"
    ]
  },
  "EvidenceProposalStatus": {
    "type": "string",
    "enum": [
      "proposed",
      "confirmed",
      "dismissed"
    ]
  },
  "EvidenceResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "caseId": {
        "type": "string"
      },
      "archiveRequestId": {
        "type": [
          "string",
          "null"
        ]
      },
      "archiveCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "uploadedBy": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/EvidenceKind"
      },
      "declaredMime": {
        "type": "string"
      },
      "detectedMime": {
        "type": [
          "string",
          "null"
        ]
      },
      "sha256": {
        "type": "string"
      },
      "size": {
        "type": "number"
      },
      "originalName": {
        "type": "string"
      },
      "versionNo": {
        "type": "number"
      },
      "previousId": {
        "type": [
          "string",
          "null"
        ]
      },
      "duplicateOf": {
        "type": [
          "string",
          "null"
        ]
      },
      "documentDate": {
        "type": [
          "string",
          "null"
        ]
      },
      "language": {
        "type": [
          "string",
          "null"
        ]
      },
      "reference": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ArchivalReferenceResponse"
          },
          {
            "type": "null"
          }
        ]
      },
      "pages": {
        "type": [
          "number",
          "null"
        ]
      },
      "verification": {
        "$ref": "#/components/schemas/EvidenceVerification"
      },
      "verifiedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "verifiedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "verificationReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "quarantined": {
        "type": "boolean",
        "description": "Any check quarantined the file: only an admin may download it."
      },
      "thumbnail": {
        "type": "boolean",
        "description": "A thumbnail was made (`GET /evidence/:id/thumbnail`)."
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "checks": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/EvidenceCheckResponse"
        }
      }
    },
    "required": [
      "id",
      "caseId",
      "archiveRequestId",
      "archiveCode",
      "uploadedBy",
      "kind",
      "declaredMime",
      "detectedMime",
      "sha256",
      "size",
      "originalName",
      "versionNo",
      "previousId",
      "duplicateOf",
      "documentDate",
      "language",
      "reference",
      "pages",
      "verification",
      "verifiedBy",
      "verifiedAt",
      "verificationReason",
      "quarantined",
      "thumbnail",
      "createdAt"
    ]
  },
  "EvidenceVerification": {
    "type": "string",
    "enum": [
      "unverified",
      "verified",
      "rejected"
    ]
  },
  "FactDateResponse": {
    "type": "object",
    "properties": {
      "text": {
        "type": "string"
      },
      "earliest": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "latest": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "precision": {
        "type": "string"
      }
    },
    "required": [
      "text",
      "earliest",
      "latest",
      "precision"
    ]
  },
  "FactKind": {
    "type": "string",
    "enum": [
      "birth_year",
      "birthplace",
      "nationality",
      "occupation",
      "social_position",
      "party_membership",
      "family_link",
      "linked_event",
      "episode"
    ],
    "description": "What a fact of a registry person states (DESIGN.md §1). An `episode` is a dated event of the repression."
  },
  "FactResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "recordedForId": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/FactKind"
      },
      "episodeKind": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/EpisodeKind"
          },
          {
            "type": "null"
          }
        ]
      },
      "value": {
        "type": [
          "string",
          "null"
        ]
      },
      "date": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/FactDateResponse"
          },
          {
            "type": "null"
          }
        ]
      },
      "place": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/PlaceRef"
          },
          {
            "type": "null"
          }
        ]
      },
      "placeText": {
        "type": [
          "string",
          "null"
        ]
      },
      "relatedPersonId": {
        "type": [
          "string",
          "null"
        ]
      },
      "sentencingBody": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/DictionaryRefResponse"
          },
          {
            "type": "null"
          }
        ]
      },
      "articles": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criminalCode": {
              "type": "string"
            },
            "article": {
              "type": "string"
            },
            "code": {
              "type": "string"
            },
            "nameKk": {
              "type": "string"
            },
            "nameRu": {
              "type": "string"
            },
            "nameEn": {
              "type": "string"
            }
          },
          "required": [
            "article",
            "code",
            "criminalCode",
            "nameEn",
            "nameKk",
            "nameRu"
          ]
        }
      },
      "sentenceKind": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/DictionaryRefResponse"
          },
          {
            "type": "null"
          }
        ]
      },
      "sentenceTerm": {
        "type": [
          "string",
          "null"
        ]
      },
      "camp": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/DictionaryRefResponse"
          },
          {
            "type": "null"
          }
        ]
      },
      "source": {
        "$ref": "#/components/schemas/FactSourceResponse"
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      },
      "accepted": {
        "type": "boolean"
      },
      "acceptedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "acceptedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "createdBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "personId",
      "recordedForId",
      "kind",
      "episodeKind",
      "value",
      "date",
      "place",
      "placeText",
      "relatedPersonId",
      "sentencingBody",
      "articles",
      "sentenceKind",
      "sentenceTerm",
      "camp",
      "source",
      "note",
      "accepted",
      "acceptedBy",
      "acceptedAt",
      "createdBy",
      "createdAt",
      "version"
    ]
  },
  "FactSourceResponse": {
    "anyOf": [
      {
        "type": "object",
        "properties": {
          "kind": {
            "type": "string",
            "const": "archival"
          },
          "reference": {
            "$ref": "#/components/schemas/ArchivalReferenceResponse"
          }
        },
        "required": [
          "kind",
          "reference"
        ]
      },
      {
        "type": "object",
        "properties": {
          "kind": {
            "type": "string",
            "const": "book"
          },
          "book": {
            "type": "object",
            "properties": {
              "title": {
                "type": "string"
              },
              "volume": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "page": {
                "type": "number"
              }
            },
            "required": [
              "title",
              "volume",
              "page"
            ]
          }
        },
        "required": [
          "kind",
          "book"
        ]
      },
      {
        "type": "object",
        "properties": {
          "kind": {
            "type": "string",
            "const": "evidence"
          },
          "evidence": {
            "type": "object",
            "properties": {
              "evidenceId": {
                "type": "string"
              },
              "pageFrom": {
                "type": "number"
              },
              "pageTo": {
                "type": "number"
              }
            },
            "required": [
              "evidenceId",
              "pageFrom",
              "pageTo"
            ]
          }
        },
        "required": [
          "kind",
          "evidence"
        ]
      }
    ]
  },
  "GroupSubjectResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "position": {
        "type": "number"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      },
      "outcome": {
        "type": [
          "string",
          "null"
        ]
      },
      "exceptionOutcome": {
        "type": [
          "string",
          "null"
        ]
      },
      "exceptionReason": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "personId",
      "position",
      "nameKk",
      "nameRu",
      "birthYear",
      "outcome",
      "exceptionOutcome",
      "exceptionReason"
    ],
    "description": "A subject of a group case (`GET /api/group-cases/:id/subjects`), with its own outcome where set apart."
  },
  "HealthResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "ok",
          "error",
          "shutting_down"
        ]
      },
      "info": {
        "type": "object",
        "additionalProperties": {
          "type": "object",
          "properties": {
            "status": {
              "type": "string"
            }
          },
          "required": [
            "status"
          ],
          "additionalProperties": {}
        }
      },
      "error": {
        "type": "object",
        "additionalProperties": {
          "type": "object",
          "properties": {
            "status": {
              "type": "string"
            }
          },
          "required": [
            "status"
          ],
          "additionalProperties": {}
        }
      },
      "details": {
        "type": "object",
        "additionalProperties": {
          "type": "object",
          "properties": {
            "status": {
              "type": "string"
            }
          },
          "required": [
            "status"
          ],
          "additionalProperties": {}
        }
      }
    },
    "required": [
      "status",
      "details"
    ],
    "description": "`GET /api/health`: terminus's answer."
  },
  "HistoryEntry": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "occurredAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "kind": {
        "type": "string"
      },
      "data": {
        "anyOf": [
          {
            "type": "object",
            "additionalProperties": {}
          },
          {
            "type": "null"
          }
        ],
        "description": "What the event recorded (ids, enum values)."
      },
      "actorId": {
        "type": [
          "string",
          "null"
        ]
      },
      "actorName": {
        "type": [
          "string",
          "null"
        ]
      },
      "params": {
        "$ref": "#/components/schemas/HistoryParams"
      }
    },
    "required": [
      "id",
      "occurredAt",
      "kind",
      "data",
      "actorId",
      "actorName",
      "params"
    ],
    "description": "One entry of a case's history (`GET /api/cases/:id/timeline`), oldest first. `kind` picks the sentence; `params` holds what it needs to read (case numbers, names of persons and archives, the session's number), joined when read, and only what the case's reader may see anyway."
  },
  "HistoryParams": {
    "type": "object",
    "additionalProperties": {
      "type": [
        "string",
        "number",
        "boolean",
        "null"
      ]
    },
    "description": "The display params of a history entry: those of its data plus the names joined to its ids."
  },
  "HolidayResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "description": "YYYY-MM-DD, also the record's id."
      },
      "date": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "date",
      "nameKk",
      "nameRu",
      "nameEn"
    ],
    "description": "A public holiday of the working-day calendar (due dates count working days)."
  },
  "ImportPreviewResponse": {
    "type": "object",
    "properties": {
      "format": {
        "type": "string",
        "enum": [
          "csv",
          "xlsx"
        ]
      },
      "encoding": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "utf-8",
          "utf-16le",
          "windows-1251",
          null
        ]
      },
      "delimiter": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          ",",
          ";",
          "\t",
          "|",
          null
        ]
      },
      "header": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "rows": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "required": [
      "format",
      "encoding",
      "delimiter",
      "header",
      "rows"
    ],
    "description": "`POST /api/registry/imports/preview`: a list's header and first rows read as an import reads it, with the CSV dialect the server detected (null for XLSX)."
  },
  "ImportProgressResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "fileName": {
        "type": "string"
      },
      "source": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/RegistryImportStatus"
      },
      "totalRows": {
        "type": "number"
      },
      "createdPersons": {
        "type": "number"
      },
      "updatedPersons": {
        "type": "number"
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "finishedAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "appliedRows": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "fileName",
      "source",
      "status",
      "totalRows",
      "createdPersons",
      "updatedPersons",
      "createdAt",
      "finishedAt",
      "appliedRows"
    ],
    "description": "`GET /api/registry/imports/:id`."
  },
  "ImportReportResponse": {
    "type": "object",
    "properties": {
      "dryRun": {
        "type": "boolean"
      },
      "format": {
        "type": "string",
        "enum": [
          "csv",
          "xlsx"
        ]
      },
      "importId": {
        "type": "string"
      },
      "totalRows": {
        "type": "number"
      },
      "validRows": {
        "type": "number"
      },
      "errors": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ImportRowError"
        }
      }
    },
    "required": [
      "dryRun",
      "format",
      "totalRows",
      "validRows",
      "errors"
    ],
    "description": "`POST /api/registry/imports`: a dry run's report, or the loaded import's id with it."
  },
  "ImportRowError": {
    "type": "object",
    "properties": {
      "code": {
        "$ref": "#/components/schemas/Code"
      },
      "params": {
        "type": "object",
        "additionalProperties": {}
      },
      "line": {
        "type": "number"
      },
      "reason": {
        "type": "string",
        "description": "English; `code` and `params` say the same."
      }
    },
    "required": [
      "code",
      "line",
      "params",
      "reason"
    ]
  },
  "Instant": {
    "type": "string",
    "description": "An instant, ISO 8601.",
    "format": "date-time"
  },
  "InventoryEntryResponse": {
    "$ref": "#/components/schemas/InventoryEntryView",
    "description": "A file of an archive's inventory: `GET /api/inventory`, `GET /api/inventory/:id` and the commands on a file."
  },
  "InventoryEntryView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "archiveCode": {
        "type": "string"
      },
      "fond": {
        "type": "string"
      },
      "opis": {
        "type": "string"
      },
      "delo": {
        "type": "string"
      },
      "reference": {
        "type": "string",
        "description": "«ф. 141, оп. 1, д. 1234»"
      },
      "title": {
        "type": "string"
      },
      "years": {
        "type": [
          "string",
          "null"
        ]
      },
      "status": {
        "$ref": "#/components/schemas/DeclassificationStatus"
      },
      "declassifiedOn": {
        "type": [
          "string",
          "null"
        ]
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      },
      "mentions": {
        "type": "number"
      },
      "updatedAt": {
        "type": "string"
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "archiveCode",
      "fond",
      "opis",
      "delo",
      "reference",
      "title",
      "years",
      "status",
      "declassifiedOn",
      "note",
      "mentions",
      "updatedAt",
      "version"
    ],
    "description": "A file (дело) of an archive's inventory: fonds → opisi → files, with its declassification."
  },
  "InventoryImportReport": {
    "type": "object",
    "properties": {
      "totalRows": {
        "type": "number"
      },
      "created": {
        "type": "number"
      },
      "updated": {
        "type": "number"
      }
    },
    "required": [
      "totalRows",
      "created",
      "updated"
    ],
    "description": "What an inventory import did."
  },
  "InventoryImportResponse": {
    "$ref": "#/components/schemas/InventoryImportReport",
    "description": "`POST /api/inventory/import`: how many files the list added and updated."
  },
  "LetterResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "caseId": {
        "type": "string"
      },
      "direction": {
        "type": "string",
        "description": "A LetterDirection."
      },
      "kind": {
        "type": [
          "string",
          "null"
        ],
        "description": "A LetterKind (outgoing letters); null for incoming ones."
      },
      "language": {
        "type": [
          "string",
          "null"
        ]
      },
      "number": {
        "type": "string",
        "description": "The register's number: `ЗП-2026/0001` for outgoing letters, `ВХ-2026/0001` for incoming ones."
      },
      "letterDate": {
        "type": "string",
        "description": "The day on the letter, `YYYY-MM-DD`."
      },
      "subject": {
        "type": [
          "string",
          "null"
        ]
      },
      "recipientEmail": {
        "type": [
          "string",
          "null"
        ],
        "description": "The addressee's e-mail (outgoing) or the sender (incoming)."
      },
      "sender": {
        "type": [
          "string",
          "null"
        ]
      },
      "senderNumber": {
        "type": [
          "string",
          "null"
        ],
        "description": "The sender's own number of an incoming letter (null for outgoing ones)."
      },
      "status": {
        "type": "string",
        "description": "A LetterStatus."
      },
      "hasPdf": {
        "type": "boolean",
        "description": "The PDF is ready (outgoing) or a scan is linked (incoming)."
      },
      "evidenceId": {
        "type": [
          "string",
          "null"
        ]
      },
      "sentAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "type": "string"
      },
      "scanChecked": {
        "type": [
          "boolean",
          "null"
        ],
        "description": "An incoming letter's scan has been through its checks and is not quarantined (null: no scan)."
      }
    },
    "required": [
      "id",
      "caseId",
      "direction",
      "kind",
      "language",
      "number",
      "letterDate",
      "subject",
      "recipientEmail",
      "sender",
      "senderNumber",
      "status",
      "hasPdf",
      "evidenceId",
      "sentAt",
      "createdAt",
      "scanChecked"
    ],
    "description": "`GET /api/cases/:id/letters`: an outgoing or incoming letter of the case (its PDF at `/api/letters/:id/pdf`)."
  },
  "LetterTemplateResponse": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "description": "A LetterKind."
      },
      "language": {
        "type": "string",
        "description": "A LetterLanguage (kk, ru)."
      },
      "subject": {
        "type": "string"
      },
      "body": {
        "type": "string"
      },
      "updatedAt": {
        "type": "string"
      },
      "updatedBy": {
        "type": [
          "string",
          "null"
        ],
        "description": "The administrator who changed it last (null: as seeded)."
      }
    },
    "required": [
      "kind",
      "language",
      "subject",
      "body",
      "updatedAt",
      "updatedBy"
    ],
    "description": "`GET /api/letter-templates`: a template of the correspondence register (subject and body with {placeholders})."
  },
  "MarkedDifferentResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "different"
      }
    },
    "required": [
      "status"
    ]
  },
  "MarkedReadResponse": {
    "type": "object",
    "properties": {
      "marked": {
        "type": "number"
      }
    },
    "required": [
      "marked"
    ]
  },
  "MeResponse": {
    "$ref": "#/components/schemas/SessionUser"
  },
  "MergeResponse": {
    "type": "object",
    "properties": {
      "survivorId": {
        "type": "string"
      },
      "mergedId": {
        "type": "string"
      }
    },
    "required": [
      "survivorId",
      "mergedId"
    ]
  },
  "NameScript": {
    "type": "string",
    "enum": [
      "kk-cyrl",
      "ru-cyrl",
      "latin",
      "other"
    ],
    "description": "The script a spelling of a name is written in."
  },
  "NameVariantResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "fullName": {
        "type": "string"
      },
      "script": {
        "$ref": "#/components/schemas/NameScript"
      },
      "source": {
        "type": [
          "string",
          "null"
        ]
      },
      "recordedForId": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      }
    },
    "required": [
      "id",
      "fullName",
      "script",
      "source",
      "recordedForId",
      "createdAt"
    ]
  },
  "NotificationResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "type": "string",
        "description": "The notification's code: the back office's sentence with `params`."
      },
      "params": {
        "type": "object",
        "additionalProperties": {}
      },
      "createdAt": {
        "$ref": "#/components/schemas/Instant"
      },
      "deliveredAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "readAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "kind",
      "params",
      "createdAt",
      "deliveredAt",
      "readAt"
    ]
  },
  "PendingVoteResponse": {
    "type": "object",
    "properties": {
      "sessionId": {
        "type": "string"
      },
      "sessionNumber": {
        "type": "string"
      },
      "sessionDate": {
        "$ref": "#/components/schemas/CalendarDate"
      },
      "caseId": {
        "type": "string"
      },
      "caseNumber": {
        "type": "string"
      },
      "present": {
        "type": "boolean"
      },
      "subjects": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "sessionId",
      "sessionNumber",
      "sessionDate",
      "caseId",
      "caseNumber",
      "present",
      "subjects"
    ],
    "description": "`GET /api/tasks/votes`: an agenda item waiting for the signed-in member's vote."
  },
  "PersonCaseResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "status": {
        "type": "string"
      },
      "regionCode": {
        "type": "string"
      },
      "categoryCode": {
        "type": "string"
      },
      "outcome": {
        "type": [
          "string",
          "null"
        ]
      },
      "updatedAt": {
        "$ref": "#/components/schemas/Instant"
      }
    },
    "required": [
      "id",
      "number",
      "status",
      "regionCode",
      "categoryCode",
      "outcome",
      "updatedAt"
    ],
    "description": "`GET /api/registry/persons/:id/cases`: only the cases the caller may see."
  },
  "PersonEventResponse": {
    "$ref": "#/components/schemas/PersonEventView",
    "description": "`GET /api/registry/persons/:id/events`."
  },
  "PersonEventView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "eventId": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/EventKind"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "dateText": {
        "type": [
          "string",
          "null"
        ]
      },
      "role": {
        "$ref": "#/components/schemas/EventRole"
      }
    },
    "required": [
      "id",
      "eventId",
      "kind",
      "nameKk",
      "nameRu",
      "nameEn",
      "dateText",
      "role"
    ],
    "description": "A person's events, for the person's page."
  },
  "PersonFileResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "archiveCode": {
        "type": "string"
      },
      "fond": {
        "type": "string"
      },
      "opis": {
        "type": "string"
      },
      "delo": {
        "type": "string"
      },
      "reference": {
        "type": "string",
        "description": "«ф. 141, оп. 1, д. 1234»"
      },
      "title": {
        "type": "string"
      },
      "years": {
        "type": [
          "string",
          "null"
        ]
      },
      "status": {
        "$ref": "#/components/schemas/DeclassificationStatus"
      },
      "declassifiedOn": {
        "type": [
          "string",
          "null"
        ]
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      },
      "mentions": {
        "type": "number"
      },
      "updatedAt": {
        "type": "string"
      },
      "version": {
        "type": "number"
      },
      "sheets": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "archiveCode",
      "declassifiedOn",
      "delo",
      "fond",
      "id",
      "mentions",
      "note",
      "opis",
      "reference",
      "sheets",
      "status",
      "title",
      "updatedAt",
      "version",
      "years"
    ],
    "description": "`GET /api/registry/persons/:id/files`: a file that mentions the person, with the sheets where it does."
  },
  "PersonListItem": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "nameKk",
      "nameRu",
      "birthYear"
    ],
    "additionalProperties": {},
    "description": "A row of the registry browsed without a query."
  },
  "PersonRelationResponse": {
    "$ref": "#/components/schemas/PersonRelationView",
    "description": "`GET /api/registry/persons/:id/relations`: each relation as seen from this person."
  },
  "PersonRelationView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personId": {
        "type": "string",
        "description": "The other person."
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "kind": {
        "$ref": "#/components/schemas/RelationViewKind",
        "description": "What the other person is to this one."
      },
      "stored": {
        "type": "boolean",
        "description": "Whether the relation was stored from this person's side (false: the inverse is shown)."
      },
      "source": {
        "$ref": "#/components/schemas/SourceView"
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "personId",
      "nameKk",
      "nameRu",
      "kind",
      "stored",
      "source",
      "note"
    ],
    "description": "A relation as one person sees it."
  },
  "PersonResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthplace": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthplacePlaceId": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthplacePlace": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/PlaceRef"
          },
          {
            "type": "null"
          }
        ]
      },
      "mergedIntoId": {
        "type": [
          "string",
          "null"
        ]
      },
      "rehabilitatedOn": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CalendarDate"
          },
          {
            "type": "null"
          }
        ]
      },
      "version": {
        "type": "number"
      },
      "variants": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/NameVariantResponse"
        }
      }
    },
    "required": [
      "id",
      "nameKk",
      "nameRu",
      "birthYear",
      "birthplace",
      "birthplacePlaceId",
      "birthplacePlace",
      "mergedIntoId",
      "rehabilitatedOn",
      "version",
      "variants"
    ],
    "description": "`GET /api/registry/persons/:id` and the commands on a person."
  },
  "PersonSearchHit": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "personId": {
        "type": "string"
      },
      "score": {
        "type": "number"
      },
      "matchedVariant": {
        "type": "string",
        "description": "The spelling that matched best."
      },
      "reasons": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "In English; `reasonCodes` says the same as codes."
      },
      "reasonCodes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CodedValue"
        }
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "birthYear": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "personId",
      "score",
      "matchedVariant",
      "reasons",
      "reasonCodes",
      "nameKk",
      "nameRu",
      "birthYear"
    ],
    "description": "A row of the registry's ranked search (`GET /api/registry/persons?filter={\"q\":…}`)."
  },
  "PlaceHitResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "code": {
        "type": [
          "string",
          "null"
        ]
      },
      "kind": {
        "$ref": "#/components/schemas/PlaceKind"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "parentId": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "validFrom": {
        "type": [
          "number",
          "null"
        ]
      },
      "validTo": {
        "type": [
          "number",
          "null"
        ]
      },
      "latitude": {
        "type": [
          "number",
          "null"
        ]
      },
      "longitude": {
        "type": [
          "number",
          "null"
        ]
      },
      "version": {
        "type": "number"
      },
      "names": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/PlaceNameResponse"
        }
      },
      "matchedName": {
        "type": "string"
      },
      "score": {
        "type": "number"
      }
    },
    "required": [
      "code",
      "id",
      "kind",
      "latitude",
      "longitude",
      "matchedName",
      "nameEn",
      "nameKk",
      "nameRu",
      "names",
      "parentId",
      "regionCode",
      "score",
      "validFrom",
      "validTo",
      "version"
    ],
    "description": "A row of `GET /api/places`: the place and the name that matched the query best (0–1)."
  },
  "PlaceKind": {
    "type": "string",
    "enum": [
      "guberniya",
      "oblast",
      "okrug",
      "uezd",
      "volost",
      "raion",
      "aul_soviet",
      "city",
      "settlement",
      "execution_site",
      "burial_site"
    ],
    "description": "Units of the historical gazetteer."
  },
  "PlaceNameResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "language": {
        "type": "string"
      },
      "validFrom": {
        "type": [
          "number",
          "null"
        ]
      },
      "validTo": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "name",
      "language",
      "validFrom",
      "validTo"
    ]
  },
  "PlaceRef": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "nameKk",
      "nameRu",
      "nameEn",
      "regionCode"
    ]
  },
  "PlaceResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "code": {
        "type": [
          "string",
          "null"
        ]
      },
      "kind": {
        "$ref": "#/components/schemas/PlaceKind"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "parentId": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "validFrom": {
        "type": [
          "number",
          "null"
        ]
      },
      "validTo": {
        "type": [
          "number",
          "null"
        ]
      },
      "latitude": {
        "type": [
          "number",
          "null"
        ]
      },
      "longitude": {
        "type": [
          "number",
          "null"
        ]
      },
      "version": {
        "type": "number"
      },
      "names": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/PlaceNameResponse"
        }
      }
    },
    "required": [
      "id",
      "code",
      "kind",
      "regionCode",
      "parentId",
      "nameKk",
      "nameRu",
      "nameEn",
      "validFrom",
      "validTo",
      "latitude",
      "longitude",
      "version",
      "names"
    ]
  },
  "PlaceSourceResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "placeId": {
        "type": "string"
      },
      "note": {
        "type": [
          "string",
          "null"
        ]
      },
      "kind": {
        "type": "string",
        "enum": [
          "archival",
          "book",
          "evidence"
        ]
      },
      "reference": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "archive": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "fond": {
                "type": "string"
              },
              "opis": {
                "type": "string"
              },
              "delo": {
                "type": "string"
              },
              "text": {
                "type": "string"
              }
            },
            "required": [
              "archive",
              "fond",
              "opis",
              "delo",
              "text"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "book": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "title": {
                "type": "string"
              },
              "volume": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "page": {
                "type": "number"
              }
            },
            "required": [
              "title",
              "volume",
              "page"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "evidence": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "evidenceId": {
                "type": "string"
              },
              "pageFrom": {
                "type": "number"
              },
              "pageTo": {
                "type": "number"
              }
            },
            "required": [
              "evidenceId",
              "pageFrom",
              "pageTo"
            ]
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "book",
      "evidence",
      "id",
      "kind",
      "note",
      "placeId",
      "reference"
    ],
    "description": "`GET /api/places/:id/sources`: what a place (an execution or burial site above all) is known from."
  },
  "QueueTicketResponse": {
    "type": "object",
    "properties": {
      "url": {
        "type": "string"
      },
      "expiresIn": {
        "type": "number"
      }
    },
    "required": [
      "url",
      "expiresIn"
    ],
    "description": "`POST /api/admin/queues/ticket`: a one-minute link to the queue board."
  },
  "QuorumResponse": {
    "type": "object",
    "properties": {
      "reached": {
        "type": "boolean"
      },
      "requiredPresent": {
        "type": "number"
      },
      "requiredVotes": {
        "type": "number"
      },
      "refusal": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CodedValue"
          },
          {
            "type": "null"
          }
        ]
      },
      "note": {
        "type": "string",
        "description": "English words, a fallback only."
      }
    },
    "required": [
      "reached",
      "requiredPresent",
      "requiredVotes",
      "refusal",
      "note"
    ],
    "description": "Whether the votes on an item can carry a decision; `refusal` says why not as a code."
  },
  "RefusalResponse": {
    "type": "object",
    "properties": {
      "code": {
        "$ref": "#/components/schemas/Code"
      },
      "params": {
        "type": "object",
        "additionalProperties": {}
      },
      "detail": {
        "type": "string"
      }
    },
    "required": [
      "code",
      "detail",
      "params"
    ],
    "description": "A refusal of the lifecycle: a code of the catalogue, its params, and the English `detail` (cases.ts `CaseRefusal`)."
  },
  "RegistryImportStatus": {
    "type": "string",
    "enum": [
      "loaded",
      "running",
      "done",
      "failed"
    ]
  },
  "RelationViewKind": {
    "type": "string",
    "enum": [
      "father",
      "mother",
      "son",
      "daughter",
      "brother",
      "sister",
      "spouse",
      "co_defendant",
      "same_list",
      "parent",
      "child",
      "sibling"
    ],
    "description": "What a relation reads as from either side: the stored kinds, and the inverses when the sex of the other is not known."
  },
  "RevokedSessionsResponse": {
    "type": "object",
    "properties": {
      "revokedSessions": {
        "type": "number"
      }
    },
    "required": [
      "revokedSessions"
    ]
  },
  "Role": {
    "type": "string",
    "enum": [
      "admin",
      "secretary",
      "wg_member",
      "wg_lead",
      "archive_liaison",
      "commission_member",
      "chair",
      "auditor"
    ],
    "description": "The roles of DESIGN.md §1. String values: they are stored in the database and sent over the wire."
  },
  "SessionPrintBatchResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "sessionId": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "description": "A PrintBatchStatus: rendering, ready."
      },
      "documents": {
        "type": [
          "number",
          "null"
        ],
        "description": "How many documents (certificates and decision letters) the PDF holds; null while rendering."
      },
      "createdAt": {
        "type": "string"
      },
      "renderedAt": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "sessionId",
      "status",
      "documents",
      "createdAt",
      "renderedAt"
    ],
    "description": "`GET /api/commission/sessions/:id/batch-print`: the latest batch print of a session (its PDF at `…/batch-print.pdf` once ready)."
  },
  "SessionUser": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "role": {
        "$ref": "#/components/schemas/Role"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "archiveCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "totpEnabled": {
        "type": "boolean"
      }
    },
    "required": [
      "id",
      "email",
      "displayName",
      "role",
      "regionCode",
      "archiveCode",
      "totpEnabled"
    ],
    "description": "What the API says about the signed-in user; the back office reads its permissions from `role`."
  },
  "SheetRangeResponse": {
    "type": "object",
    "properties": {
      "from": {
        "type": "number"
      },
      "to": {
        "type": "number"
      },
      "fromVerso": {
        "type": "boolean"
      },
      "toVerso": {
        "type": "boolean"
      }
    },
    "required": [
      "from",
      "to"
    ]
  },
  "SignInAgainResponse": {
    "type": "object",
    "properties": {
      "signInAgain": {
        "type": "boolean",
        "const": true
      }
    },
    "required": [
      "signInAgain"
    ]
  },
  "SourceView": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "enum": [
          "archival",
          "book",
          "evidence"
        ]
      },
      "reference": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "archive": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "fond": {
                "type": "string"
              },
              "opis": {
                "type": "string"
              },
              "delo": {
                "type": "string"
              },
              "text": {
                "type": "string"
              }
            },
            "required": [
              "archive",
              "fond",
              "opis",
              "delo",
              "text"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "book": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "title": {
                "type": "string"
              },
              "volume": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "page": {
                "type": "number"
              }
            },
            "required": [
              "title",
              "volume",
              "page"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "evidence": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "evidenceId": {
                "type": "string"
              },
              "pageFrom": {
                "type": "number"
              },
              "pageTo": {
                "type": "number"
              }
            },
            "required": [
              "evidenceId",
              "pageFrom",
              "pageTo"
            ]
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "kind",
      "reference",
      "book",
      "evidence"
    ],
    "description": "A source as facts cite it: an archival reference, a book of memory and page, or pages of a case's evidence."
  },
  "StatsArchiveRequestsResponse": {
    "type": "object",
    "properties": {
      "filters": {
        "$ref": "#/components/schemas/StatsFilters"
      },
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StatsArchiveRow"
        }
      }
    },
    "required": [
      "filters",
      "rows"
    ],
    "description": "`GET /api/stats/archive-requests`."
  },
  "StatsArchiveRow": {
    "type": "object",
    "properties": {
      "archiveCode": {
        "type": "string"
      },
      "nameKk": {
        "type": "string"
      },
      "nameRu": {
        "type": "string"
      },
      "nameEn": {
        "type": "string"
      },
      "sent": {
        "type": "number"
      },
      "answered": {
        "type": "number"
      },
      "onTime": {
        "type": "number"
      },
      "late": {
        "type": "number"
      },
      "openOverdue": {
        "type": "number"
      },
      "open": {
        "type": "number"
      },
      "cancelled": {
        "type": "number"
      }
    },
    "required": [
      "archiveCode",
      "nameKk",
      "nameRu",
      "nameEn",
      "sent",
      "answered",
      "onTime",
      "late",
      "openOverdue",
      "open",
      "cancelled"
    ],
    "description": "Archive requests sent within the range, per archive: answered by their due date or after it, still open."
  },
  "StatsBacklogResponse": {
    "type": "object",
    "properties": {
      "filters": {
        "$ref": "#/components/schemas/StatsFilters"
      },
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StatsBacklogRow"
        }
      }
    },
    "required": [
      "filters",
      "rows"
    ],
    "description": "`GET /api/stats/backlog`."
  },
  "StatsBacklogRow": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string"
      },
      "age": {
        "$ref": "#/components/schemas/BacklogAgeBucket"
      },
      "count": {
        "type": "number"
      }
    },
    "required": [
      "status",
      "age",
      "count"
    ],
    "description": "Open cases (not closed) by their current stage and the days since they entered it."
  },
  "StatsCountRow": {
    "type": "object",
    "properties": {
      "key": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameEn": {
        "type": [
          "string",
          "null"
        ]
      },
      "period": {
        "type": "string"
      },
      "applications": {
        "type": "number"
      },
      "cases": {
        "type": "number"
      },
      "subjects": {
        "type": "number"
      }
    },
    "required": [
      "applications",
      "cases",
      "key",
      "nameEn",
      "nameKk",
      "nameRu",
      "period",
      "subjects"
    ],
    "description": "Applications (cases first submitted in the period), cases (opened in the period) and their subjects."
  },
  "StatsCountsResponse": {
    "type": "object",
    "properties": {
      "filters": {
        "$ref": "#/components/schemas/StatsFilters"
      },
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StatsCountRow"
        }
      }
    },
    "required": [
      "filters",
      "rows"
    ],
    "description": "`GET /api/stats/counts`."
  },
  "StatsDimension": {
    "type": "string",
    "enum": [
      "region",
      "category",
      "status",
      "outcome",
      "sentencingBody",
      "article",
      "sentenceKind"
    ],
    "description": "What counts are broken down by. Region, category and status are the case's; the others its subjects'."
  },
  "StatsDurationRow": {
    "type": "object",
    "properties": {
      "step": {
        "type": "string"
      },
      "period": {
        "type": [
          "string",
          "null"
        ]
      },
      "count": {
        "type": "number"
      },
      "medianDays": {
        "type": "number"
      },
      "p90Days": {
        "type": "number"
      }
    },
    "required": [
      "step",
      "period",
      "count",
      "medianDays",
      "p90Days"
    ],
    "description": "Days a case spent in a lifecycle step (left within the range); `period` null is the whole range."
  },
  "StatsDurationsResponse": {
    "type": "object",
    "properties": {
      "filters": {
        "$ref": "#/components/schemas/StatsFilters"
      },
      "rows": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StatsDurationRow"
        }
      }
    },
    "required": [
      "filters",
      "rows"
    ],
    "description": "`GET /api/stats/durations`."
  },
  "StatsFilters": {
    "type": "object",
    "properties": {
      "from": {
        "type": "string"
      },
      "to": {
        "type": "string"
      },
      "period": {
        "$ref": "#/components/schemas/StatsPeriod"
      },
      "by": {
        "$ref": "#/components/schemas/StatsDimension"
      },
      "regionCode": {
        "type": "string"
      },
      "categoryCode": {
        "type": "string"
      }
    },
    "required": [
      "from",
      "to",
      "period",
      "by"
    ],
    "description": "The filters every table takes (dates YYYY-MM-DD, inclusive, in Kazakhstan's time)."
  },
  "StatsKey": {
    "type": "object",
    "properties": {
      "key": {
        "type": "string"
      },
      "nameKk": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameRu": {
        "type": [
          "string",
          "null"
        ]
      },
      "nameEn": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "key",
      "nameKk",
      "nameRu",
      "nameEn"
    ],
    "description": "A key of a breakdown with its names where it is a dictionary's code (null names: a status, an outcome, \"none\")."
  },
  "StatsPeriod": {
    "type": "string",
    "enum": [
      "month",
      "quarter",
      "year"
    ],
    "description": "Statistics for the commission's reports (`/api/stats/…`): shapes shared by the API and the back office."
  },
  "TaskResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "title": {
        "type": "string"
      },
      "assigneeId": {
        "type": "string"
      },
      "assigneeName": {
        "type": "string",
        "description": "Absent on the answer to creating it."
      },
      "dueDate": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/CalendarDate"
          },
          {
            "type": "null"
          }
        ]
      },
      "doneAt": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Instant"
          },
          {
            "type": "null"
          }
        ]
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "title",
      "assigneeId",
      "dueDate",
      "doneAt",
      "version"
    ]
  },
  "TotpSetupResponse": {
    "type": "object",
    "properties": {
      "secret": {
        "type": "string",
        "description": "Base32, for typing into the app by hand."
      },
      "otpauthUri": {
        "type": "string",
        "description": "otpauth:// URI, for a QR code."
      }
    },
    "required": [
      "secret",
      "otpauthUri"
    ],
    "description": "`POST /api/auth/totp/setup`."
  },
  "TransitionsResponse": {
    "type": "object",
    "properties": {
      "version": {
        "type": "number"
      },
      "status": {
        "$ref": "#/components/schemas/CaseStatus"
      },
      "transitions": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "$ref": "#/components/schemas/CaseTransition"
            },
            "to": {
              "$ref": "#/components/schemas/CaseStatus"
            },
            "allowed": {
              "type": "boolean"
            },
            "reasons": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/RefusalResponse"
              }
            },
            "needsReason": {
              "type": "boolean"
            },
            "decides": {
              "anyOf": [
                {
                  "$ref": "#/components/schemas/DecisionOutcome"
                },
                {
                  "type": "null"
                }
              ]
            }
          },
          "required": [
            "name",
            "to",
            "allowed",
            "reasons",
            "needsReason",
            "decides"
          ]
        }
      },
      "actions": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "$ref": "#/components/schemas/CaseAction"
            },
            "allowed": {
              "type": "boolean"
            },
            "reasons": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/RefusalResponse"
              }
            }
          },
          "required": [
            "name",
            "allowed",
            "reasons"
          ]
        }
      }
    },
    "required": [
      "version",
      "status",
      "transitions",
      "actions"
    ],
    "description": "`GET /api/cases/:id/transitions` (cases.ts `CaseTransitionsAnswer` says the same with each code's params)."
  },
  "UnmergeResponse": {
    "type": "object",
    "properties": {
      "restoredId": {
        "type": "string"
      }
    },
    "required": [
      "restoredId"
    ]
  },
  "UnreadCountResponse": {
    "type": "object",
    "properties": {
      "unread": {
        "type": "number"
      }
    },
    "required": [
      "unread"
    ]
  },
  "UserResponse": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "role": {
        "$ref": "#/components/schemas/Role"
      },
      "regionCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "archiveCode": {
        "type": [
          "string",
          "null"
        ]
      },
      "totpEnabled": {
        "type": "boolean"
      },
      "disabled": {
        "type": "boolean"
      },
      "version": {
        "type": "number"
      }
    },
    "required": [
      "archiveCode",
      "disabled",
      "displayName",
      "email",
      "id",
      "regionCode",
      "role",
      "totpEnabled",
      "version"
    ],
    "description": "An account as the administration sees it."
  },
  "VoteChoice": {
    "type": "string",
    "enum": [
      "for",
      "against",
      "abstain"
    ]
  },
  "VoteResponse": {
    "type": "object",
    "properties": {
      "memberId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "choice": {
        "$ref": "#/components/schemas/VoteChoice"
      },
      "dissentingOpinion": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "memberId",
      "name",
      "choice",
      "dissentingOpinion"
    ]
  },
  "WatcherResponse": {
    "type": "object",
    "properties": {
      "userId": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "since": {
        "$ref": "#/components/schemas/Instant"
      }
    },
    "required": [
      "userId",
      "displayName",
      "email",
      "since"
    ]
  }
} as const;

export type ResponseSchemaName = keyof typeof responseSchemas;
