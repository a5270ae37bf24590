using System.CommandLine;

namespace Interregnum.Cli;

/// <summary>How a command prints its results.</summary>
public enum OutputFormat
{
    /// <summary>A table for people (Spectre.Console), the default.</summary>
    Table,

    /// <summary>JSON for programs (snake_case keys).</summary>
    Json,

    /// <summary>Tidy CSV (one row per observation), loads in R and pandas.</summary>
    Csv,
}

/// <summary>Options shared by several commands, so that they are spelled the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary><c>--format table|json|csv</c>.</summary>
    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: table, json or csv.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary><c>--data DIR</c>: the historical data folder (else INTERREGNUM_DATA).</summary>
    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "Folder holding the historical datasets (default: $INTERREGNUM_DATA).",
    };

    /// <summary><c>--db PATH|postgres://...</c>: where runs are stored (else INTERREGNUM_DB, else the user's data folder).</summary>
    public static Option<string?> Db() => new("--db")
    {
        Description = "Run store: a SQLite file path or a postgres:// connection string (default: $INTERREGNUM_DB, else a SQLite file in the user's data folder).",
    };
}
