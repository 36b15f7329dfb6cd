/// The tables of a ledger as dossier 0.1.0 wrote it (schema v1, recorded as GRDB's migration `v1`): the tests that
/// migrate a first ledger write it with this SQL.
public enum LedgerV1Schema {
    public static let sql = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1');
        CREATE TABLE intake (id INTEGER PRIMARY KEY AUTOINCREMENT, receivedAt TEXT NOT NULL,
          asOf TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL,
          unitType TEXT, fingerprint TEXT, sha256 TEXT NOT NULL, archivedAs TEXT NOT NULL,
          bytes INTEGER NOT NULL, verdict TEXT NOT NULL, errors INTEGER NOT NULL,
          warnings INTEGER NOT NULL, notices INTEGER NOT NULL, rulesSHA256 TEXT NOT NULL,
          report TEXT NOT NULL);
        CREATE INDEX intake_on_unit ON intake(unit);
        CREATE TABLE candidate (intake INTEGER NOT NULL REFERENCES intake(id) ON DELETE CASCADE,
          unit TEXT NOT NULL, name TEXT NOT NULL, birth TEXT NOT NULL, employer TEXT NOT NULL);
        CREATE INDEX candidate_on_intake ON candidate(intake);
        """
}
