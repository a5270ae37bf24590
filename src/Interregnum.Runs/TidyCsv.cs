using CsvHelper;

namespace Interregnum.Runs;

/// <summary>The CSV dialect of every command: RFC 4180 quoting, comma, LF line ends, invariant numbers (loads in R and pandas).</summary>
public static class TidyCsv
{
    public static CsvWriter Create(TextWriter writer) => CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
}
