namespace Interregnum.History.Loading;

/// <summary>One row a loader could not read, with where and why. Immutable.</summary>
/// <param name="File">File name (relative to the data folder).</param>
/// <param name="Row">Line number in the file (the header is line 1).</param>
/// <param name="Column">Column name whose value was malformed.</param>
/// <param name="Value">The value found.</param>
/// <param name="Expected">What the loader expected (e.g. "an integer", "a date yyyy-MM-dd").</param>
public sealed record RowIssue(string File, int Row, string Column, string Value, string Expected)
{
    /// <summary>One line: <c>file:row: column 'x': expected ..., found '...'</c>.</summary>
    public override string ToString() =>
        $"{File}:{Row.ToString(System.Globalization.CultureInfo.InvariantCulture)}: column '{Column}': expected {Expected}, found '{Value}'";
}

/// <summary>
/// The records a loader read from one file, and every row it skipped (nothing is dropped silently). Immutable.
/// </summary>
/// <typeparam name="T">Record type.</typeparam>
/// <param name="File">File name relative to the data folder.</param>
/// <param name="Records">The rows read, in file order.</param>
/// <param name="Skipped">Rows that could not be read, with the reason.</param>
public sealed record LoadResult<T>(string File, IReadOnlyList<T> Records, IReadOnlyList<RowIssue> Skipped)
{
    /// <summary>Number of data rows in the file (read + skipped).</summary>
    public int RowsInFile => Records.Count + Skipped.Count;
}
