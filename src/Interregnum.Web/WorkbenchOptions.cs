namespace Interregnum.Web;

/// <summary>What <c>interregnum serve</c> serves.</summary>
/// <param name="Folder">The scenario folder: the workbench lists, edits and runs the <c>.yaml</c> files directly in it and nothing outside it.</param>
/// <param name="Port">The TCP port on 127.0.0.1 (0: any free port).</param>
/// <param name="Db">The run store (as <c>--db</c>; null: INTERREGNUM_DB, else the default file).</param>
/// <param name="Data">The historical data folder for the outside view (null: INTERREGNUM_DATA, else none).</param>
/// <param name="Cases">The backtest cases folder: the page runs the case folders directly in it and nothing outside it (null: no backtest from the page).</param>
public sealed record WorkbenchOptions(DirectoryInfo Folder, int Port = 5077, string? Db = null, DirectoryInfo? Data = null, DirectoryInfo? Cases = null)
{
    /// <summary>
    /// The backtest cases folder <c>serve</c> uses when none is given: <c>backtests</c> beside the scenario folder,
    /// when there is one, else none.
    /// </summary>
    public static DirectoryInfo? DefaultCases(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.FullName)));
        var beside = parent is null ? null : new DirectoryInfo(Path.Combine(parent, "backtests"));
        return beside is { Exists: true } ? beside : null;
    }

    /// <summary>The largest request body accepted (a scenario's text), in bytes: 1 MiB, far above any scenario.</summary>
    public const long MaxRequestBytes = 1 << 20;

    /// <summary>The most draws a run from the page may ask for (the CLI has no such cap; a page run should stay interactive).</summary>
    public const int MaxDraws = 200_000;
}
