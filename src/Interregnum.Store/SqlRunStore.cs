using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Interregnum.Store;

/// <summary>
/// The run store over any ADO.NET provider: one SQL text for both backends (parameters written <c>@name</c>,
/// which SQLite and Npgsql both accept), a connection per operation, and each write in one transaction.
/// </summary>
public abstract class SqlRunStore : IRunStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private const string SummaryColumns =
        "id, kind, created_at, scenario_hash, scenario_file, shock_id, seed, draws, model_name, program_version, draws_csv IS NOT NULL";

    /// <inheritdoc />
    public abstract string Location { get; }

    /// <summary>
    /// Test seam: called inside <see cref="Add"/> after every row is written and before the commit, with the new id
    /// (the crash test kills a writer from here to prove that an uncommitted run leaves nothing behind).
    /// </summary>
    internal Action<long>? BeforeCommit { get; set; }

    /// <summary>The column definition of the auto-increment primary key (<c>{id}</c> in the migrations).</summary>
    protected abstract string IdColumn { get; }

    /// <summary>Opens a connection with the backend's settings applied (busy timeout, journal mode).</summary>
    protected abstract DbConnection OpenConnection();

    /// <summary>Run first in the migration transaction so that concurrent openers migrate one at a time; null if the transaction itself serializes them.</summary>
    protected virtual string? MigrationLockStatement => null;

    /// <summary>Brings the schema to <see cref="SchemaMigrations.Latest"/>, in one transaction; idempotent.</summary>
    /// <exception cref="RunStoreException">The database's schema is newer than this program.</exception>
    protected void Migrate()
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (MigrationLockStatement is { } lockStatement)
        {
            Execute(connection, transaction, lockStatement);
        }

        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL)");
        using (var command = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current > SchemaMigrations.Latest)
            {
                throw new RunStoreException(string.Create(CultureInfo.InvariantCulture,
                    $"The run store {Location} has schema version {current}, newer than this program knows ({SchemaMigrations.Latest}); upgrade interregnum."));
            }

            foreach (var migration in SchemaMigrations.All.Where(m => m.Version > current))
            {
                foreach (var statement in migration.Statements)
                {
                    Execute(connection, transaction, statement.Replace("{id}", IdColumn, StringComparison.Ordinal));
                }

                using var record = Command(connection, transaction,
                    "INSERT INTO schema_version (version, description) VALUES (@version, @description)");
                AddParameter(record, "version", migration.Version);
                AddParameter(record, "description", migration.Description);
                record.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>The versions recorded in <c>schema_version</c>, ascending (for tests and diagnostics).</summary>
    public IReadOnlyList<int> AppliedSchemaVersions()
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT version FROM schema_version ORDER BY version");
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    /// <inheritdoc />
    public long Add(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Validate(run);
        var hash = run.ScenarioHash;
        var parameters = JsonSerializer.Serialize(
            new SortedDictionary<string, string>(run.ModelParameters.ToDictionary(), StringComparer.Ordinal), StoreJsonContext.Default.SortedDictionaryStringString);
        var arguments = JsonSerializer.Serialize(run.Arguments, StoreJsonContext.Default.IReadOnlyListString);

        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var scenario = Command(connection, transaction,
            "INSERT INTO scenarios (hash, text) VALUES (@hash, @text) ON CONFLICT (hash) DO NOTHING"))
        {
            AddParameter(scenario, "hash", hash);
            AddParameter(scenario, "text", run.ScenarioText);
            scenario.ExecuteNonQuery();
        }

        long id;
        using (var insert = Command(connection, transaction,
            """
            INSERT INTO runs (kind, created_at, scenario_hash, scenario_file, shock_id, seed, draws, model_name,
                              model_parameters, program_version, arguments, results_json, draws_csv)
            VALUES (@kind, @created_at, @scenario_hash, @scenario_file, @shock_id, @seed, @draws, @model_name,
                    @model_parameters, @program_version, @arguments, @results_json, @draws_csv)
            RETURNING id
            """))
        {
            AddParameter(insert, "kind", run.Kind.ToText());
            AddParameter(insert, "created_at", FormatTime(run.CreatedAt));
            AddParameter(insert, "scenario_hash", hash);
            AddParameter(insert, "scenario_file", run.ScenarioFile);
            AddParameter(insert, "shock_id", run.ShockId);
            AddParameter(insert, "seed", run.Seed);
            AddParameter(insert, "draws", run.Draws);
            AddParameter(insert, "model_name", run.ModelName);
            AddParameter(insert, "model_parameters", parameters);
            AddParameter(insert, "program_version", run.ProgramVersion);
            AddParameter(insert, "arguments", arguments);
            AddParameter(insert, "results_json", run.ResultsJson);
            AddParameter(insert, "draws_csv", run.DrawsCsv);
            id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        BeforeCommit?.Invoke(id);
        transaction.Commit();
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<RunSummary> List(RunFilter? filter = null)
    {
        filter ??= new RunFilter();
        var conditions = new List<string>();
        if (filter.ScenarioHash is not null)
        {
            conditions.Add("scenario_hash = @scenario_hash");
        }

        if (filter.Kind is not null)
        {
            conditions.Add("kind = @kind");
        }

        var sql = "SELECT " + SummaryColumns + " FROM runs"
            + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : string.Empty)
            + " ORDER BY created_at DESC, id DESC"
            + (filter.Limit is not null ? " LIMIT @limit" : string.Empty);

        using var connection = OpenConnection();
        using var command = Command(connection, null, sql);
        if (filter.ScenarioHash is not null)
        {
            AddParameter(command, "scenario_hash", filter.ScenarioHash.Trim().ToLowerInvariant());
        }

        if (filter.Kind is { } kind)
        {
            AddParameter(command, "kind", kind.ToText());
        }

        if (filter.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(filter));
            AddParameter(command, "limit", (long)limit);
        }

        using var reader = command.ExecuteReader();
        var runs = new List<RunSummary>();
        while (reader.Read())
        {
            runs.Add(new RunSummary(
                Id: reader.GetInt64(0),
                Kind: ParseKind(reader.GetString(1)),
                CreatedAt: ParseTime(reader.GetString(2)),
                ScenarioFile: reader.GetString(4),
                ScenarioHash: reader.GetString(3),
                ShockId: reader.IsDBNull(5) ? null : reader.GetString(5),
                Seed: reader.GetInt64(6),
                Draws: Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                ModelName: reader.GetString(8),
                ProgramVersion: reader.GetString(9),
                HasDrawsCsv: Convert.ToBoolean(reader.GetValue(10), CultureInfo.InvariantCulture)));
        }

        return runs;
    }

    /// <inheritdoc />
    public RunRecord? Get(long id)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            """
            SELECT r.kind, r.created_at, r.scenario_hash, r.scenario_file, r.shock_id, r.seed, r.draws, r.model_name,
                   r.model_parameters, r.program_version, r.arguments, r.results_json, r.draws_csv, s.text
            FROM runs r JOIN scenarios s ON s.hash = r.scenario_hash
            WHERE r.id = @id
            """);
        AddParameter(command, "id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var run = new RunRecord
        {
            Id = id,
            Kind = ParseKind(reader.GetString(0)),
            CreatedAt = ParseTime(reader.GetString(1)),
            ScenarioFile = reader.GetString(3),
            ShockId = reader.IsDBNull(4) ? null : reader.GetString(4),
            Seed = reader.GetInt64(5),
            Draws = Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
            ModelName = reader.GetString(7),
            ModelParameters = JsonSerializer.Deserialize(reader.GetString(8), StoreJsonContext.Default.DictionaryStringString)!
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
            ProgramVersion = reader.GetString(9),
            Arguments = JsonSerializer.Deserialize(reader.GetString(10), StoreJsonContext.Default.StringArray)!.ToImmutableArray(),
            ResultsJson = reader.GetString(11),
            DrawsCsv = reader.IsDBNull(12) ? null : reader.GetString(12),
            ScenarioText = reader.GetString(13),
        };
        var storedHash = reader.GetString(2);
        if (!string.Equals(storedHash, run.ScenarioHash, StringComparison.Ordinal))
        {
            throw new RunStoreException(string.Create(CultureInfo.InvariantCulture,
                $"Run {id} in {Location} is damaged: its scenario text does not match the stored hash {storedHash}."));
        }

        return run;
    }

    /// <summary>Releases what the backend holds (connection pools); the base holds nothing.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private static void Validate(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run.ScenarioText, nameof(run));
        ArgumentException.ThrowIfNullOrWhiteSpace(run.ModelName, nameof(run));
        ArgumentException.ThrowIfNullOrWhiteSpace(run.ProgramVersion, nameof(run));
        ArgumentNullException.ThrowIfNull(run.ScenarioFile, nameof(run));
        ArgumentNullException.ThrowIfNull(run.ModelParameters, nameof(run));
        ArgumentNullException.ThrowIfNull(run.Arguments, nameof(run));
        if (run.Draws < 0)
        {
            throw new ArgumentException("Draws must be zero or more, not " + run.Draws.ToString(CultureInfo.InvariantCulture) + ".", nameof(run));
        }

        try
        {
            using var _ = JsonDocument.Parse(run.ResultsJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The run's results are not a JSON document: " + ex.Message, nameof(run), ex);
        }
    }

    private static RunKind ParseKind(string text) =>
        RunKindText.TryParse(text, out var kind) ? kind : throw new RunStoreException("Unknown run kind in the store: '" + text + "'.");

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => new(
        DateTime.SpecifyKind(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this class's own constant text; values always go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = DbType.String;
        }

        command.Parameters.Add(parameter);
    }
}
