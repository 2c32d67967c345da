/* The store's schema: version 1, then the migration to version 2 (one
 * vocabulary, issue 11: every column is named as the JSON key of the same
 * concept, docs/fields.md).  A new store runs both, so the migration is the
 * path every store takes.  Kept as SQL strings so they read as SQL.
 *
 * Offsets (documents, sections, facts) are bytes from the start of the
 * submission; filings.source_offset says where that is in the source file
 * or archive member.  CIKs are kept as the header writes them (10 digits).
 *
 * Full text: `text_rows` holds each row's text once; `text_fts` indexes it
 * as an external-content FTS5 table, so the text is not stored twice.  A row
 * is an item of an 8-K/10-K/10-Q, or a slice of about 8 KB of a document.
 * Company names (current and former) are in `names`, searchable by prefix
 * (an index in NOCASE order) and by substring (`names_fts`, trigram). */
#ifndef EDGR_STORE_SCHEMA_SQL_H
#define EDGR_STORE_SCHEMA_SQL_H

static const char SCHEMA_V1[] =
    "CREATE TABLE filings(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  accession TEXT NOT NULL UNIQUE,\n"
    "  form TEXT, filing_date TEXT, period TEXT, accepted TEXT, changed TEXT,\n"
    "  items TEXT,                      -- header 8-K item codes, comma-separated\n"
    "  cik TEXT, company TEXT,          -- the first entity, for hits\n"
    "  doc_count INTEGER NOT NULL DEFAULT 0,\n"
    "  header_only INTEGER NOT NULL DEFAULT 0,\n"
    "  header TEXT,                     -- the header as `edgr parse` JSON\n"
    "  source_path TEXT, source_member TEXT, source_offset INTEGER, source_length INTEGER,\n"
    "  text_bytes INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX filings_date ON filings(filing_date);\n"
    "CREATE INDEX filings_form ON filings(form, filing_date);\n"
    "CREATE TABLE entities(\n"
    "  cik TEXT PRIMARY KEY, name TEXT, sic TEXT, sic_description TEXT, irs_number TEXT,\n"
    "  state_of_incorporation TEXT, fiscal_year_end TEXT,\n"
    "  business_street1 TEXT, business_street2 TEXT, business_city TEXT, business_state TEXT,\n"
    "  business_zip TEXT, business_phone TEXT,\n"
    "  mail_street1 TEXT, mail_street2 TEXT, mail_city TEXT, mail_state TEXT, mail_zip TEXT,\n"
    "  as_of TEXT                       -- filing date of the filing these facts came from\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE roles(\n"
    "  filing_id INTEGER NOT NULL REFERENCES filings(id), n INTEGER NOT NULL,\n"
    "  cik TEXT NOT NULL, role TEXT NOT NULL, name TEXT,\n"
    "  form_type TEXT, act TEXT, file_number TEXT, film_number TEXT,\n"
    "  PRIMARY KEY(filing_id, n)) WITHOUT ROWID;\n"
    "CREATE INDEX roles_cik ON roles(cik, filing_id);\n"
    "CREATE TABLE former_names(\n"
    "  cik TEXT NOT NULL, name TEXT NOT NULL, date_changed TEXT NOT NULL DEFAULT '',\n"
    "  PRIMARY KEY(cik, name, date_changed)) WITHOUT ROWID;\n"
    "CREATE TABLE names(\n"
    "  id INTEGER PRIMARY KEY, cik TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE,\n"
    "  UNIQUE(cik, name));\n"
    "CREATE INDEX names_name ON names(name COLLATE NOCASE);\n"
    "CREATE VIRTUAL TABLE names_fts USING fts5(name, content='names', content_rowid='id',\n"
    "  tokenize='trigram');\n"
    "CREATE TABLE documents(\n"
    "  filing_id INTEGER NOT NULL, seq INTEGER NOT NULL, type TEXT, filename TEXT,\n"
    "  description TEXT, format TEXT, size INTEGER, sha256 TEXT,\n"
    "  offset INTEGER, length INTEGER,\n"
    "  PRIMARY KEY(filing_id, seq)) WITHOUT ROWID;\n"
    "CREATE TABLE sections(\n"
    "  filing_id INTEGER NOT NULL, n INTEGER NOT NULL, doc INTEGER, item TEXT, part TEXT,\n"
    "  title TEXT, combined INTEGER, src_start INTEGER, src_end INTEGER, text_len INTEGER,\n"
    "  PRIMARY KEY(filing_id, n)) WITHOUT ROWID;\n"
    "CREATE TABLE text_rows(\n"
    "  id INTEGER PRIMARY KEY, filing_id INTEGER NOT NULL, doc INTEGER, doc_type TEXT,\n"
    "  item TEXT, part TEXT, text TEXT NOT NULL);\n"
    "CREATE INDEX text_rows_filing ON text_rows(filing_id);\n"
    "CREATE VIRTUAL TABLE text_fts USING fts5(text, content='text_rows', content_rowid='id',\n"
    "  tokenize='porter unicode61 remove_diacritics 2');\n"
    "CREATE TABLE exhibits(\n"
    "  filing_id INTEGER NOT NULL, n INTEGER NOT NULL, number TEXT, title TEXT,\n"
    "  doc INTEGER, doc_type TEXT, doc_description TEXT,\n"
    "  PRIMARY KEY(filing_id, n)) WITHOUT ROWID;\n"
    "CREATE TABLE cover_facts(\n"
    "  filing_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT, source TEXT, offset INTEGER,\n"
    "  PRIMARY KEY(filing_id, name)) WITHOUT ROWID;\n"
    "CREATE TABLE securities(\n"
    "  filing_id INTEGER NOT NULL, n INTEGER NOT NULL, title TEXT, symbol TEXT, exchange TEXT,\n"
    "  PRIMARY KEY(filing_id, n)) WITHOUT ROWID;\n"
    "CREATE TABLE signatures(\n"
    "  filing_id INTEGER NOT NULL, n INTEGER NOT NULL, name TEXT, title TEXT, date TEXT,\n"
    "  date_iso TEXT,\n"
    "  PRIMARY KEY(filing_id, n)) WITHOUT ROWID;\n";

/* Version 2: columns renamed to the keys of docs/fields.md; 8-K item codes
 * as a JSON array ('["7.01","9.01"]', as in every command's output) instead
 * of "7.01,9.01"; the 14d-2(b)/13e-4(c) boxes under the names `facts` gives
 * them; signature dates ISO in `date`, as printed in `date_text`.
 * (sections.src_start/src_end keep their names: `end` is an SQL keyword.) */
static const char SCHEMA_V2[] =
    "ALTER TABLE filings RENAME COLUMN accession TO accession_number;\n"
    "ALTER TABLE filings RENAME COLUMN form TO type;\n"
    "ALTER TABLE filings RENAME COLUMN accepted TO acceptance_datetime;\n"
    "ALTER TABLE filings RENAME COLUMN changed TO date_of_filing_date_change;\n"
    "ALTER TABLE filings RENAME COLUMN company TO conformed_name;\n"
    "UPDATE filings SET items = CASE WHEN items IS NULL OR items = '' THEN NULL\n"
    "  ELSE '[\"' || replace(items, ',', '\",\"') || '\"]' END;\n"
    "ALTER TABLE entities RENAME COLUMN name TO conformed_name;\n"
    "ALTER TABLE entities RENAME COLUMN sic TO assigned_sic;\n"
    "ALTER TABLE entities RENAME COLUMN as_of TO facts_as_of;\n"
    "ALTER TABLE roles RENAME COLUMN name TO conformed_name;\n"
    "ALTER TABLE former_names RENAME COLUMN name TO former_conformed_name;\n"
    "ALTER TABLE documents RENAME COLUMN seq TO sequence;\n"
    "ALTER TABLE documents RENAME COLUMN size TO decoded_size;\n"
    "ALTER TABLE sections RENAME COLUMN doc TO document;\n"
    "ALTER TABLE text_rows RENAME COLUMN doc TO document;\n"
    "ALTER TABLE exhibits RENAME COLUMN doc TO document;\n"
    "ALTER TABLE securities RENAME COLUMN symbol TO trading_symbol;\n"
    "ALTER TABLE signatures RENAME COLUMN date TO date_text;\n"
    "ALTER TABLE signatures RENAME COLUMN date_iso TO date;\n"
    "UPDATE cover_facts SET name = 'pre_commencement_tender_offer' WHERE name = 'pre_commencement_tender';\n"
    "UPDATE cover_facts SET name = 'pre_commencement_issuer_tender_offer'\n"
    "  WHERE name = 'pre_commencement_issuer';\n"
    "UPDATE cover_facts SET name = 'emerging_growth_company' WHERE name = 'emerging_growth';\n";

/* Version 3 (issue 13): EDGAR's own index, as `edgr fetch index` reads it,
 * so that later commands can plan ("all 10-Ks of 2003") without naming
 * companies.  A row is one filer of one filing in one index (master lists
 * a filing once per filer); a filing's three quarterly listings (master,
 * form, company) are one row.  index_files keeps what each index file was
 * when read: its validators, for If-None-Match / If-Modified-Since. */
static const char SCHEMA_V3[] =
    "CREATE TABLE index_rows(\n"
    "  cik TEXT NOT NULL,\n"
    "  conformed_name TEXT,\n"
    "  type TEXT NOT NULL,\n"
    "  filing_date TEXT,\n"
    "  path TEXT NOT NULL,\n"
    "  accession_number TEXT,\n"
    "  PRIMARY KEY(path, cik, type)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX index_rows_type ON index_rows(type, filing_date);\n"
    "CREATE INDEX index_rows_cik ON index_rows(cik, filing_date);\n"
    "CREATE TABLE index_files(\n"
    "  url TEXT PRIMARY KEY,\n"
    "  etag TEXT,\n"
    "  last_modified TEXT,\n"
    "  bytes INTEGER,\n"
    "  sha256 TEXT,\n"
    "  rows INTEGER,\n"
    "  fetched_at TEXT\n"
    ");\n";

/* Version 4 (issue 13): the fetch journal -- every URL a fetch planned and
 * where it stands (edgr/store.h), so a killed run is continued without
 * repeating a finished transfer or losing one. */
static const char SCHEMA_V4[] =
    "CREATE TABLE fetch_journal(\n"
    "  url TEXT PRIMARY KEY,\n"
    "  run TEXT,\n"
    "  dest TEXT,\n"
    "  status TEXT NOT NULL CHECK(status IN ('planned','fetched','stored','missing','parked','failed')),\n"
    "  etag TEXT,\n"
    "  last_modified TEXT,\n"
    "  bytes INTEGER,\n"
    "  sha256 TEXT,\n"
    "  attempts INTEGER NOT NULL DEFAULT 0,\n"
    "  next_try INTEGER,\n"
    "  reason TEXT,\n"
    "  updated_at TEXT\n"
    ");\n"
    "CREATE INDEX fetch_journal_status ON fetch_journal(status, run);\n";

/* Version 5 (issue 14): every XBRL fact of every filing, as edgr_xbrl_read
 * gives it (edgr/xbrl.h): dimensional facts, extensions and text facts
 * too, and each filing's own, so "as first reported" is a query.  The
 * SEC's views (companyfacts, companyconcept, frames) are built from it at
 * query time (src/store/xbrl_views.c).  `period_start` is NULL for an
 * instant (`period_end` its date); `dimensions` and `footnotes` are JSON
 * text, NULL when none; `value` the raw text when `untransformed`;
 * `entity` a CIK padded to 10 digits.  A store migrated from version 4
 * has no facts for the filings it held: `edgr ingest --replace` of them
 * fills them in. */
static const char SCHEMA_V5[] =
    "CREATE TABLE xbrl_facts(\n"
    "  filing_id INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  document INTEGER,\n"
    "  ns TEXT,\n"
    "  prefix TEXT,\n"
    "  name TEXT NOT NULL,\n"
    "  taxonomy TEXT,\n"
    "  id TEXT,\n"
    "  kind TEXT NOT NULL,\n"
    "  context TEXT,\n"
    "  period_start TEXT,\n"
    "  period_end TEXT,\n"
    "  entity TEXT,\n"
    "  dimensions TEXT,\n"
    "  unit TEXT,\n"
    "  value TEXT,\n"
    "  decimals TEXT,\n"
    "  precision TEXT,\n"
    "  nil INTEGER NOT NULL DEFAULT 0,\n"
    "  duplicate INTEGER NOT NULL DEFAULT 0,\n"
    "  untransformed INTEGER NOT NULL DEFAULT 0,\n"
    "  footnotes TEXT,\n"
    "  offset INTEGER,\n"
    "  PRIMARY KEY(filing_id, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX xbrl_facts_concept ON xbrl_facts(name, taxonomy, unit);\n"
    "CREATE INDEX xbrl_facts_entity ON xbrl_facts(entity, taxonomy);\n"
    /* a filing's fy and fp, looked up once a row of the SEC's views: a few
     * dei facts a filing, so a small index */
    "CREATE INDEX xbrl_facts_dei ON xbrl_facts(filing_id, name, n) WHERE taxonomy = 'dei';\n";

/* Version 6 (issue 15): insider transactions and holdings of Forms 3/4/5,
 * one row each (`tbl`: nonDerivativeTransaction, nonDerivativeHolding,
 * derivativeTransaction, derivativeHolding), the reporting owners of each
 * document, 13F positions, and each such document's own JSON (edgr
 * ownership --filings, edgr holdings --filings).  `row_json` is the row
 * as edgr ownership / edgr holdings print it; the columns beside it are
 * what queries select and sort on.  Numbers are exact decimal text but
 * `value_usd`, an integer (whole dollars) to sort by.  CIKs are padded to
 * 10 digits.  A store migrated from version 5 has no rows for the filings
 * it held: `edgr ingest --replace` of them fills them in. */
static const char SCHEMA_V6[] =
    "CREATE TABLE insider_rows(\n"
    "  filing_id INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  document INTEGER,\n"
    "  issuer_cik TEXT,\n"
    "  document_type TEXT,\n"
    "  tbl TEXT NOT NULL,\n"
    "  code TEXT,\n"
    "  transaction_date TEXT,\n"
    "  shares TEXT,\n"
    "  price TEXT,\n"
    "  acquired_disposed TEXT,\n"
    "  owned_after TEXT,\n"
    "  security_title TEXT,\n"
    "  row_json TEXT NOT NULL,\n"
    "  PRIMARY KEY(filing_id, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX insider_rows_issuer ON insider_rows(issuer_cik, transaction_date);\n"
    "CREATE TABLE insider_owners(\n"
    "  filing_id INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  document INTEGER,\n"
    "  cik TEXT,\n"
    "  name TEXT,\n"
    "  relationship TEXT,\n"
    "  officer_title TEXT,\n"
    "  PRIMARY KEY(filing_id, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX insider_owners_cik ON insider_owners(cik);\n"
    "CREATE TABLE holdings(\n"
    "  filing_id INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  document INTEGER,\n"
    "  manager_cik TEXT,\n"
    "  period TEXT,\n"
    "  cusip TEXT,\n"
    "  name_of_issuer TEXT,\n"
    "  title_of_class TEXT,\n"
    "  value TEXT,\n"
    "  value_usd INTEGER,\n"
    "  units TEXT,\n"
    "  amount TEXT,\n"
    "  amount_type TEXT,\n"
    "  put_call TEXT,\n"
    "  row_json TEXT NOT NULL,\n"
    "  PRIMARY KEY(filing_id, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX holdings_cusip ON holdings(cusip, period);\n"
    "CREATE INDEX holdings_manager ON holdings(manager_cik, period);\n"
    "CREATE TABLE ownership_docs(\n"
    "  filing_id INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  document INTEGER,\n"
    "  kind TEXT NOT NULL,\n"
    "  doc_json TEXT NOT NULL,\n"
    "  PRIMARY KEY(filing_id, n)\n"
    ") WITHOUT ROWID;\n";

#endif
