using CsvHelper;

namespace Interregnum.Cli;

/// <summary>The CSV dialect of every command: RFC 4180 quoting, comma, LF line ends, invariant numbers (loads in R and pandas).</summary>
internal static class TidyCsv
{
    public static CsvWriter Create(TextWriter writer) => CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
}
