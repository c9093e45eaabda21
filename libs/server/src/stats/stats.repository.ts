import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BacklogAgeBucket, type StatsArchiveRow, type StatsBacklogRow, type StatsCountRow, StatsDimension, type StatsDurationRow, type StatsFilters, StatsPeriod,
} from '@aqtalu/contracts';
import type { Actor } from '@aqtalu/domain';
import { DataSource } from 'typeorm';
import { caseScopeCondition } from '../cases/case-scope.js';
import { DOCUMENT_TIME_ZONE } from '../documents/document-dates.js';

const zone = DOCUMENT_TIME_ZONE;

/** The period a timestamp falls in, as text (2026-03, 2026-Q1, 2026), in Kazakhstan's time. */
function periodOf(period: StatsPeriod, timestamp: string): string {
  const format = { [StatsPeriod.Month]: 'YYYY-MM', [StatsPeriod.Quarter]: 'YYYY-"Q"Q', [StatsPeriod.Year]: 'YYYY' }[period];
  return `to_char(${timestamp} AT TIME ZONE '${zone}', '${format}')`;
}

/**
 * A breakdown's key per row of `subjects` (alias s: a subject of case c, or null for a case without subjects),
 * with the dictionary it names. Subject-level keys may give a subject several keys (two sentences).
 */
const dimensions: Record<StatsDimension, { key: string; join: string; names: string | null }> = {
  [StatsDimension.Region]: { key: 'r.code', join: '', names: 'regions' },
  [StatsDimension.Category]: { key: 'c.category_code', join: '', names: 'victim_categories' },
  [StatsDimension.Status]: { key: 'c.status', join: '', names: null },
  [StatsDimension.Outcome]: { key: `coalesce(s.outcome, 'none')`, join: '', names: null },
  [StatsDimension.SentencingBody]: {
    key: `coalesce(k.code, 'none')`,
    join: `LEFT JOIN LATERAL (SELECT DISTINCT f.sentencing_body_code AS code FROM person_facts f
             WHERE f.person_id = s.person_id AND f.kind = 'episode' AND f.sentencing_body_code IS NOT NULL) k ON true`,
    names: 'sentencing_bodies',
  },
  [StatsDimension.Article]: {
    key: `coalesce(k.code, 'none')`,
    join: `LEFT JOIN LATERAL (SELECT DISTINCT a.code FROM person_facts f CROSS JOIN LATERAL unnest(f.article_codes) a(code)
             WHERE f.person_id = s.person_id AND f.kind = 'episode') k ON true`,
    names: 'criminal_articles',
  },
  [StatsDimension.SentenceKind]: {
    key: `coalesce(k.code, 'none')`,
    join: `LEFT JOIN LATERAL (SELECT DISTINCT f.sentence_kind_code AS code FROM person_facts f
             WHERE f.person_id = s.person_id AND f.kind = 'episode' AND f.sentence_kind_code IS NOT NULL) k ON true`,
    names: 'sentence_kinds',
  },
};

/**
 * The statistics' queries. Every one starts from the cases the actor may see (case-scope.ts, the rule of every
 * case list), narrowed by the filters; nothing personal leaves: counts and durations only.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The visible cases as a CTE named `visible` (id, created_at, status, region_id, category_code). */
  private visible(actor: Actor, filters: StatsFilters, params: unknown[]): string {
    const where = [caseScopeCondition(actor, params)];
    if (filters.regionCode) where.push(`r.code = $${params.push(filters.regionCode)}`);
    if (filters.categoryCode) where.push(`c.category_code = $${params.push(filters.categoryCode)}`);
    return `visible AS MATERIALIZED (SELECT c.id FROM cases c JOIN regions r ON r.id = c.region_id WHERE ${where.join(' AND ')})`;
  }

  private inRange(timestamp: string, filters: StatsFilters, params: unknown[]): string {
    return `(${timestamp} AT TIME ZONE '${zone}')::date BETWEEN $${params.push(filters.from)}::date AND $${params.push(filters.to)}::date`;
  }

  async counts(actor: Actor, filters: StatsFilters): Promise<StatsCountRow[]> {
    const params: unknown[] = [];
    const dimension = dimensions[filters.by];
    const visible = this.visible(actor, filters, params);
    const createdIn = this.inRange('c.created_at', filters, params);
    const submittedIn = this.inRange('sub.at', filters, params);
    const names = dimension.names
      ? `LEFT JOIN ${dimension.names} n ON n.code = t.key`
      : 'LEFT JOIN (SELECT NULL::text AS name_kk, NULL::text AS name_ru, NULL::text AS name_en) n ON true';
    return this.dataSource.query(
      `WITH ${visible},
       submitted AS (SELECT e.case_id, min(e.occurred_at) AS at FROM case_events e JOIN visible v ON v.id = e.case_id
                     WHERE e.kind = 'transition' AND e.data->>'to' = 'submitted' GROUP BY e.case_id),
       events AS (
         SELECT 'case' AS measure, c.id AS case_id, c.created_at AS at FROM cases c JOIN visible v ON v.id = c.id WHERE ${createdIn}
         UNION ALL
         SELECT 'application', sub.case_id, sub.at FROM submitted sub WHERE ${submittedIn}
       ),
       t AS (
         SELECT ${periodOf(filters.period, 'ev.at')} AS period, ${dimension.key} AS key, ev.measure, ev.case_id, s.id AS subject_id
         FROM events ev JOIN cases c ON c.id = ev.case_id JOIN regions r ON r.id = c.region_id
         LEFT JOIN case_subjects s ON s.case_id = c.id
         ${dimension.join}
       )
       SELECT t.period, t.key, n.name_kk AS "nameKk", n.name_ru AS "nameRu", n.name_en AS "nameEn",
              count(DISTINCT t.case_id) FILTER (WHERE t.measure = 'application')::int AS applications,
              count(DISTINCT t.case_id) FILTER (WHERE t.measure = 'case')::int AS cases,
              count(DISTINCT t.subject_id) FILTER (WHERE t.measure = 'case')::int AS subjects
       FROM t ${names}
       GROUP BY t.period, t.key, n.name_kk, n.name_ru, n.name_en
       ORDER BY t.period, t.key`,
      params,
    );
  }

  /**
   * Days in each lifecycle step: a case enters its first status when it is created and each next one by a
   * transition (the case's history); a step counts once it is left, within the range. Median and p90 per
   * step over the range (period null) and per period of leaving (the trend).
   */
  async durations(actor: Actor, filters: StatsFilters): Promise<StatsDurationRow[]> {
    const params: unknown[] = [];
    const visible = this.visible(actor, filters, params);
    const leftIn = this.inRange('st.left_at', filters, params);
    const rows: Array<StatsDurationRow & { whole: boolean }> = await this.dataSource.query(
      `WITH ${visible},
       entries AS (
         SELECT c.id AS case_id, c.created_at AS at, 0::bigint AS seq,
                coalesce((SELECT e.data->>'from' FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition' ORDER BY e.id LIMIT 1), c.status) AS status
         FROM cases c JOIN visible v ON v.id = c.id
         UNION ALL
         SELECT e.case_id, e.occurred_at, e.id, e.data->>'to' FROM case_events e JOIN visible v ON v.id = e.case_id WHERE e.kind = 'transition'
       ),
       st AS (SELECT status, at AS entered_at, lead(at) OVER (PARTITION BY case_id ORDER BY at, seq) AS left_at FROM entries)
       SELECT st.status AS step, ${periodOf(filters.period, 'st.left_at')} AS period, GROUPING(${periodOf(filters.period, 'st.left_at')}) = 1 AS whole,
              count(*)::int AS count,
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM st.left_at - st.entered_at) / 86400)::numeric, 2)::float8 AS "medianDays",
              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM st.left_at - st.entered_at) / 86400)::numeric, 2)::float8 AS "p90Days"
       FROM st WHERE st.left_at IS NOT NULL AND ${leftIn}
       GROUP BY GROUPING SETS ((st.status), (st.status, ${periodOf(filters.period, 'st.left_at')}))
       ORDER BY st.status, whole DESC, period`,
      params,
    );
    return rows.map(({ whole, ...row }) => ({ ...row, period: whole ? null : row.period }));
  }

  /** Archive requests sent within the range on the visible cases, per archive (all archives, zeros too). */
  async archiveRequests(actor: Actor, filters: StatsFilters, today: string): Promise<StatsArchiveRow[]> {
    const params: unknown[] = [];
    const visible = this.visible(actor, filters, params);
    const from = params.push(filters.from);
    const to = params.push(filters.to);
    const now = params.push(today);
    return this.dataSource.query(
      `WITH ${visible},
       q AS (SELECT ar.* FROM archive_requests ar JOIN visible v ON v.id = ar.case_id WHERE ar.sent_on BETWEEN $${from}::date AND $${to}::date)
       SELECT a.code AS "archiveCode", a.name_kk AS "nameKk", a.name_ru AS "nameRu", a.name_en AS "nameEn",
              count(q.id)::int AS sent,
              count(q.id) FILTER (WHERE q.status IN ('answered', 'nothing_found'))::int AS answered,
              count(q.id) FILTER (WHERE q.status IN ('answered', 'nothing_found') AND (q.answered_at AT TIME ZONE '${zone}')::date <= q.due_date)::int AS "onTime",
              count(q.id) FILTER (WHERE q.status IN ('answered', 'nothing_found') AND (q.answered_at AT TIME ZONE '${zone}')::date > q.due_date)::int AS late,
              count(q.id) FILTER (WHERE q.status NOT IN ('answered', 'nothing_found', 'cancelled') AND q.due_date < $${now}::date)::int AS "openOverdue",
              count(q.id) FILTER (WHERE q.status NOT IN ('answered', 'nothing_found', 'cancelled') AND q.due_date >= $${now}::date)::int AS open,
              count(q.id) FILTER (WHERE q.status = 'cancelled')::int AS cancelled
       FROM archives a LEFT JOIN q ON q.archive_id = a.id
       GROUP BY a.code, a.name_kk, a.name_ru, a.name_en
       ORDER BY a.code`,
      params,
    );
  }

  /** Open (not closed) visible cases by status and the days since they entered it, as of `today`. */
  async backlog(actor: Actor, filters: StatsFilters, today: string): Promise<StatsBacklogRow[]> {
    const params: unknown[] = [];
    const visible = this.visible(actor, filters, params);
    const now = params.push(today);
    const rows: Array<{ status: string; age: BacklogAgeBucket; count: number }> = await this.dataSource.query(
      `WITH ${visible},
       open AS (
         SELECT c.status, $${now}::date - (coalesce((SELECT max(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition'), c.created_at)
                                      AT TIME ZONE '${zone}')::date AS days
         FROM cases c JOIN visible v ON v.id = c.id WHERE c.status <> 'closed'
       )
       SELECT status, CASE WHEN days <= 30 THEN '0-30' WHEN days <= 90 THEN '31-90' WHEN days <= 180 THEN '91-180'
                           WHEN days <= 365 THEN '181-365' ELSE '366+' END AS age, count(*)::int AS count
       FROM open GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    return rows;
  }
}
