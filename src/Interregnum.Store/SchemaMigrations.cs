namespace Interregnum.Store;

/// <summary>One step of the schema: applied once, in order, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">The schema version this step brings the database to (1, 2, ...).</param>
/// <param name="Description">What the step does, for people reading <c>schema_version</c>.</param>
/// <param name="Statements">SQL statements; <c>{id}</c> stands for the backend's auto-increment key column type.</param>
public sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// The schema, shared by SQLite and PostgreSQL: the same tables, columns and SQL, except for the one
/// placeholder <c>{id}</c> (the auto-increment primary key, which the two spell differently).
/// Times are ISO 8601 UTC text of fixed width, so that text order is time order in both backends.
/// Never edit a released migration; add a new one.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>Every migration, in order of version.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "runs and the scenarios they ran (deduplicated by content hash)",
        [
            """
            CREATE TABLE scenarios (
                hash TEXT NOT NULL PRIMARY KEY,
                text TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE runs (
                id {id},
                kind TEXT NOT NULL,
                created_at TEXT NOT NULL,
                scenario_hash TEXT NOT NULL REFERENCES scenarios (hash),
                scenario_file TEXT NOT NULL,
                shock_id TEXT NULL,
                seed BIGINT NOT NULL,
                draws INTEGER NOT NULL,
                model_name TEXT NOT NULL,
                model_parameters TEXT NOT NULL,
                program_version TEXT NOT NULL,
                arguments TEXT NOT NULL,
                results_json TEXT NOT NULL,
                draws_csv TEXT NULL
            )
            """,
            "CREATE INDEX runs_created_at ON runs (created_at, id)",
            "CREATE INDEX runs_scenario_hash ON runs (scenario_hash)",
        ]),
    ];

    /// <summary>The newest schema version this program knows.</summary>
    public static int Latest => All[^1].Version;
}
